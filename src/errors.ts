/**
 * A problem with what the user gave us (a file, a flag, an answer). The CLI prints it without a
 * stack and exits with `exitCode` (2 unless said otherwise). Anything else that escapes is a bug.
 */
/**
 * Marks a UserError across bundles: the build splits the CLI into bundles that each carry this
 * module, so `instanceof` alone would not recognise an error thrown in another bundle.
 */
const USER_ERROR = Symbol.for('spacecoop.UserError');

export class UserError extends Error {
  readonly exitCode: number;
  readonly hint: string | undefined;
  readonly problems: readonly Problem[];

  constructor(message: string, options: { exitCode?: number; hint?: string; problems?: Problem[] } = {}) {
    super(message);
    this.name = 'UserError';
    this.exitCode = options.exitCode ?? 2;
    this.hint = options.hint;
    this.problems = options.problems ?? [];
    Object.defineProperty(this, USER_ERROR, { value: true });
  }
}

/** One located problem in an input file. `line` and `column` are 1-based. */
export interface Problem {
  file: string;
  line?: number;
  column?: number;
  /** Dotted field path, e.g. `liability.regime` or `parties[1].id`. */
  path?: string;
  message: string;
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  const field = p.path ? ` ${p.path}:` : '';
  return `${where}:${field} ${p.message}`;
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError || (typeof e === 'object' && e !== null && (e as Record<symbol, unknown>)[USER_ERROR] === true);
}
