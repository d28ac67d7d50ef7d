import { formatProblem, isUserError, UserError } from '../errors.js';

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function useColor(stream: NodeJS.WriteStream = process.stderr): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb';
}

const paint = (code: string) => (s: string, stream?: NodeJS.WriteStream) => (useColor(stream) ? `\u001b[${code}m${s}\u001b[0m` : s);
export const red = paint('31');
export const yellow = paint('33');
export const green = paint('32');
export const dim = paint('2');
export const bold = paint('1');

export const err = (line = '') => process.stderr.write(`${line}\n`);
/**
 * Writes to standard output. A failure reported at once (a closed descriptor, a full disk behind a
 * file redirect) is the same user error as one reported later through the stream's 'error' event.
 */
export const out = (data: string | Uint8Array) => {
  try {
    return process.stdout.write(data);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`cannot write to standard output (${code ?? (e as Error).message}); the output is incomplete`);
  }
};

/** Prints an error for the user and returns the exit code. */
export function printError(e: unknown): number {
  if (isUserError(e)) {
    err(`${red('error')}: ${e.message}`);
    for (const p of e.problems) err(`  ${formatProblem(p)}`);
    if (e.hint) err(dim(e.hint));
    return e.exitCode;
  }
  const error = e as Error;
  err(`${red('internal error')}: ${error?.message ?? String(e)}`);
  if (error?.stack) err(dim(error.stack));
  err('This is a bug in spacecoop; please report it with the command you ran and the terms file.');
  return 70;
}
