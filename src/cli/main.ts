import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import { printError } from './output.js';

/**
 * The one place that catches and decides the exit code: 0 done, 1 review errors or merge
 * conflicts, 2 bad input or usage. A UserError is shown without a stack; anything else is a bug.
 */
export async function main(argv: string[] = process.argv): Promise<number> {
  // Standard output that cannot take the document (a reader that went away, a full disk, a closed
  // descriptor) is the user's problem, not ours: say so and exit 2, never 0 for a document not written.
  process.stdout.on('error', stdoutFailed);
  const state = { exitCode: 0 };
  const program = createProgram(state, argv[2]);
  try {
    await program.parseAsync(argv);
    return state.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return 0;
      return 2; // commander has already printed the usage error
    }
    return printError(e);
  }
}

const STDOUT_WHY: Record<string, string> = {
  EPIPE: 'the program reading it stopped before the end',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EBADF: 'it is closed',
  EIO: 'an input/output error',
  EAGAIN: 'it is not ready to take more',
};

/** Exit 2 when standard output fails; the message goes to stderr (which may still be open). */
export function stdoutFailed(e: NodeJS.ErrnoException): never {
  const code = e.code ?? 'EIO';
  try {
    process.stderr.write(`error: cannot write to standard output: ${STDOUT_WHY[code] ?? code} (${code}); the output is incomplete\n`);
  } catch {
    // stderr is gone too: the exit code says it
  }
  process.exit(2);
}
