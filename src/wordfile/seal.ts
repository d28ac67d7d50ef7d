import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fingerprint, FINGERPRINT_PROPERTY } from './fingerprint.js';
import { readDocx } from './read.js';

/** Written in place of the fingerprint, then replaced by it: 64 characters, like the hash. */
export const FINGERPRINT_PLACEHOLDER = '0'.repeat(64);

/**
 * Records the document's own fingerprint in its custom property `spacecoop.content` (which the
 * writer filled with the placeholder), so a later write can tell whether anyone changed the file.
 */
export function sealDocx(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const custom = files['docProps/custom.xml'];
  if (!custom) throw new Error('sealDocx: the document has no custom properties part');
  const xml = strFromU8(custom);
  if (!xml.includes(FINGERPRINT_PLACEHOLDER)) throw new Error(`sealDocx: no ${FINGERPRINT_PROPERTY} placeholder`);
  files['docProps/custom.xml'] = strToU8(xml.replace(FINGERPRINT_PLACEHOLDER, fingerprint(readDocx(bytes))));
  return zipSync(files, { level: 6 });
}

/** Whether a .docx is one spacecoop wrote and nobody changed since: 'unchanged', 'changed' or 'foreign'. */
export function docxState(bytes: Uint8Array, name: string): { state: 'unchanged' | 'changed' | 'foreign'; by?: string } {
  let doc;
  try {
    doc = readDocx(bytes, name);
  } catch {
    return { state: 'foreign' };
  }
  const recorded = doc.custom[FINGERPRINT_PROPERTY];
  if (!recorded || doc.core.creator !== 'spacecoop') return { state: 'foreign' };
  if (recorded === fingerprint(doc)) return { state: 'unchanged' };
  const by = doc.core.lastModifiedBy;
  return { state: 'changed', ...(by && by !== 'spacecoop' ? { by } : {}) };
}
