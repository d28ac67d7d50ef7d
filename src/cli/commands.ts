/**
 * Every command's implementation, each loaded (and initialised) only when it runs. The CLI loads
 * this module on the first command; the build makes it a bundle of its own, so `--help` never
 * loads or deserialises it, and a command never initialises another's modules.
 */
export const COMMANDS = {
  check: () => import('./check.js'),
  clauses: () => import('./clauses.js'),
  draft: () => import('./draft.js'),
  export: () => import('./export.js'),
  import: () => import('./import.js'),
  new: () => import('./new.js'),
  redline: () => import('./redline.js'),
  schema: () => import('./schema.js'),
  start: () => import('./start.js'),
};
