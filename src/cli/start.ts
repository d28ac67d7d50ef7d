import { join } from 'node:path';
import { runDraft } from './draft.js';
import { PACKAGE_ROOT } from './library.js';
import { err } from './output.js';

/**
 * `npm start`: the interview when a person is at a terminal; otherwise (CI, a pipe) the built-in
 * example drafted to stdout, so the first command of the Quick start always shows a draft.
 */
export async function runStart(): Promise<number> {
  if (process.stdin.isTTY && process.stdout.isTTY) {
    const { runNew } = await import('./new.js');
    return runNew({ terms: 'agreement.yaml', out: 'agreement.md', command: 'npm start' });
  }
  const example = join(PACKAGE_ROOT, 'examples', 'cbers.yaml');
  err(`No terminal: drafting the example ${example} to stdout. Run \`spacecoop draft TERMS\` for your own terms.`);
  return runDraft(example, { out: '-', format: 'md', notes: true });
}
