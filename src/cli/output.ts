import { Chalk, chalkStderr, type ChalkInstance } from 'chalk';
import { formatProblem, isUserError, UserError } from '../errors.js';

const stdoutChalk: ChalkInstance = new Chalk();
const chalkFor = (stream: NodeJS.WriteStream) => (stream === process.stdout ? stdoutChalk : chalkStderr);

/**
 * Colour as chalk decides it for the stream (a terminal, its colour level, FORCE_COLOR, TERM=dumb),
 * and never when NO_COLOR is set (https://no-color.org).
 */
export function useColor(stream: NodeJS.WriteStream = process.stderr): boolean {
  return !('NO_COLOR' in process.env) && chalkFor(stream).level > 0;
}

const paint = (style: 'red' | 'yellow' | 'green' | 'dim' | 'bold') => (s: string, stream: NodeJS.WriteStream = process.stderr) => (useColor(stream) ? chalkFor(stream)[style](s) : s);
export const red = paint('red');
export const yellow = paint('yellow');
export const green = paint('green');
export const dim = paint('dim');
export const bold = paint('bold');

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
