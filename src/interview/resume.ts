import { basename, dirname, extname, join } from 'node:path';
import { parseDocument } from 'yaml';
import { isObj, type Obj } from './object-path.js';
import { renderTermsYaml } from './yaml.js';

/**
 * Answers kept from an interrupted interview. They need not be complete terms, so the file is not
 * checked as a whole: each answer goes back through its question's validator when it is offered.
 */

/** `agreement.yaml` -> `agreement.resume.yaml`, beside it. */
export function resumePathFor(termsPath: string): string {
  const ext = extname(termsPath);
  return join(dirname(termsPath), `${basename(termsPath, ext)}.resume.yaml`);
}

export function renderResume(state: Obj, command: string): string {
  const body = renderTermsYaml(state, { fileName: 'x' }).replace(/^(#.*\n)+/, '');
  return `# Answers from an interrupted \`spacecoop new\`, not yet a terms file.\n# Run \`${command}\` again to resume from them.\n${body}`;
}

/** The kept answers, or undefined when the file is not a YAML mapping. */
export function parseResume(text: string): Obj | undefined {
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) return undefined;
  const data: unknown = doc.toJS({ maxAliasCount: 50 });
  return isObj(data) ? data : undefined;
}
