import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compileLibrary } from '../engine.js';
import type { Library } from '../library/library.js';
import { readClauseDir } from '../library/load.js';
import { TWINS_REQUIRED } from '../library/twins.js';
import { libraryFromPrecompiled, type PrecompiledLibrary } from '../library/precompiled.js';

/** The built-in library ships beside dist/: clauses/ and templates/ at the package root. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILTIN_DIRS = [fileURLToPath(new URL('../../clauses/', import.meta.url)), fileURLToPath(new URL('../../templates/', import.meta.url))];
/** Written by the build (scripts/build.mjs): the built-in library, checked and precompiled. */
export const PRECOMPILED = fileURLToPath(new URL('../../dist/library-data.cjs', import.meta.url));
/** The Chinese twins, precompiled apart: read only when a Chinese text is drafted. */
export const PRECOMPILED_ZH = fileURLToPath(new URL('../../dist/library-data-zh.cjs', import.meta.url));

function loadPrecompiled(): PrecompiledLibrary | undefined {
  try {
    // scripts/build.mjs turns this call into a static require in the bundle, so the library is
    // part of the bundle and of its V8 code cache instead of a second file compiled at every start.
    return createRequire(import.meta.url)(PRECOMPILED) as PrecompiledLibrary;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined; // running from source
    throw e;
  }
}

/**
 * Built-in clauses, then the drafter's overlay: the same id replaces, a new id adds. Without an
 * overlay the precompiled library is used, so no template is compiled at start-up.
 */
export function loadLibrary(overlay?: string, options: { zh?: boolean } = {}): Library {
  if (!overlay) {
    const data = loadPrecompiled();
    if (data) {
      const english = libraryFromPrecompiled(data, PACKAGE_ROOT);
      if (options.zh) english.zh = libraryFromPrecompiled(createRequire(import.meta.url)(PRECOMPILED_ZH) as PrecompiledLibrary, PACKAGE_ROOT, english);
      return english;
    }
  }
  const builtin = BUILTIN_DIRS.flatMap((d) => readClauseDir(d));
  const sources = overlay ? [...builtin, ...readClauseDir(overlay)] : builtin;
  const builtinFiles = new Set(builtin.map((s) => s.file));
  return compileLibrary(sources, (file) => TWINS_REQUIRED && builtinFiles.has(file));
}
