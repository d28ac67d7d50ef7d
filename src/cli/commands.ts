/**
 * Every command's implementation. The CLI loads this module on the first command that runs; the
 * build makes it a bundle of its own, so \`--help\` and \`--version\` never load or deserialise it.
 */
export { runCheck } from './check.js';
export { runClauses } from './clauses.js';
export { runDraft } from './draft.js';
export { runExport } from './export.js';
export { runImport } from './import.js';
export { runNew } from './new.js';
export { runRedline } from './redline.js';
export { runSchema } from './schema.js';
export { runStart } from './start.js';
