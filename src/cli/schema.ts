import { termsJsonSchema } from '../terms/json-schema.js';
import { loadLibrary } from './library.js';
import { out } from './output.js';

export async function runSchema(opts: { clauses?: string }): Promise<number> {
  const variants: Record<string, string[]> = {};
  if (opts.clauses) {
    const library = loadLibrary(opts.clauses);
    for (const topic of ['jurisdiction', 'ip', 'liability']) variants[topic] = library.variants(topic);
  }
  out(`${JSON.stringify(termsJsonSchema(variants), null, 2)}\n`);
  return 0;
}
