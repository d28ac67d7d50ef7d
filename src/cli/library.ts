import { fileURLToPath } from 'node:url';
import { compileLibrary } from '../engine.js';
import type { Library } from '../library/library.js';
import { readClauseDir } from '../library/load.js';

/** The built-in library ships beside dist/: clauses/ and templates/ at the package root. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILTIN_DIRS = [fileURLToPath(new URL('../../clauses/', import.meta.url)), fileURLToPath(new URL('../../templates/', import.meta.url))];

/** Built-in clauses, then the drafter's overlay: the same id replaces, a new id adds. */
export function loadLibrary(overlay?: string): Library {
  const sources = BUILTIN_DIRS.flatMap((d) => readClauseDir(d));
  if (overlay) sources.push(...readClauseDir(overlay));
  return compileLibrary(sources);
}
