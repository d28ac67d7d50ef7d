import { CommanderError } from 'commander';
import { createProgram } from './program.js';
import { printError } from './output.js';

/**
 * The one place that catches and decides the exit code: 0 done, 1 review errors or merge
 * conflicts, 2 bad input or usage. A UserError is shown without a stack; anything else is a bug.
 */
export async function main(argv: string[] = process.argv): Promise<number> {
  // `spacecoop draft x --out - | head`: when the reader goes away, stop quietly, as Unix tools do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const state = { exitCode: 0 };
  const program = createProgram(state);
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
