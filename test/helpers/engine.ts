import { join } from 'node:path';
import { compileLibrary } from '../../src/engine.js';
import type { Library } from '../../src/library/library.js';
import { readClauseDir } from '../../src/library/load.js';
import { ROOT } from './run.js';

let library: Library | undefined;
/** The built-in library, compiled once per test file. */
export function builtinLibrary(): Library {
  // Strict, as the build is: every built-in clause has its Chinese twin.
  library ??= compileLibrary([...readClauseDir(join(ROOT, 'clauses')), ...readClauseDir(join(ROOT, 'templates'))], () => true);
  return library;
}

export const MINIMAL = `form: agreement
parties:
  - id: a
    name: Government of the Republic of Aldera
  - id: b
    name: Government of the Kingdom of Borduria
`;
