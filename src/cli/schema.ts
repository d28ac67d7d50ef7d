import { libraryVariants } from '../engine.js';
import { termsJsonSchema } from '../terms/json-schema.js';
import { loadLibrary } from './library.js';
import { out } from './output.js';

export async function runSchema(opts: { clauses?: string }): Promise<number> {
  // Only a drafter's overlay changes the variants; the built-in ones are the schema's own.
  const variants = opts.clauses ? libraryVariants(loadLibrary(opts.clauses)) : {};
  out(`${JSON.stringify(termsJsonSchema(variants), null, 2)}\n`);
  return 0;
}
