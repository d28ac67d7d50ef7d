import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, Zip, type ZipInputFile } from 'fflate';
import { fingerprint, FINGERPRINT_PROPERTY } from './fingerprint.js';
import { readContent, readProperties, unzipDocx, type DocxParts } from './read.js';

/** Written in place of the fingerprint, then replaced by it: 64 characters, like the hash. */
export const FINGERPRINT_PLACEHOLDER = '0'.repeat(64);

/**
 * Custom property holding a SHA-256 (hex) of the body and comments parts' bytes as spacecoop
 * zipped them. When a file's parts still have those bytes, its content cannot have changed, so the
 * overwrite guard knows it is unchanged without parsing the body; any other file (re-saved by a
 * word processor, or written before this property existed) is judged by its fingerprint.
 */
export const PARTS_PROPERTY = 'spacecoop.parts';
/** Written in place of the parts digest, then replaced by it; differs from the fingerprint's. */
export const PARTS_PLACEHOLDER = '1'.repeat(64);

/**
 * The custom properties a writer gives a .docx for `sealParts`/`sealDocx` to fill in: the
 * fingerprint and the parts digest, each as its placeholder.
 */
export const SEAL_PROPERTIES: readonly { name: string; value: string }[] = [
  { name: FINGERPRINT_PROPERTY, value: FINGERPRINT_PLACEHOLDER },
  { name: PARTS_PROPERTY, value: PARTS_PLACEHOLDER },
];

/** The parts whose bytes the fingerprint depends on (`word/comments.xml` may be absent). */
const CONTENT_PARTS = ['word/document.xml', 'word/comments.xml'] as const;

function partsDigest(files: DocxParts): string {
  const hash = createHash('sha256');
  for (const part of CONTENT_PARTS) {
    const data = files[part];
    // Length first, so no two different pairs of parts hash alike.
    hash.update(`${part}:${data ? data.length : -1}\n`);
    if (data) hash.update(data);
  }
  return hash.digest('hex');
}

/**
 * Records the document's own fingerprint in its custom property `spacecoop.content` (which the
 * writer filled with the placeholder), and, where the writer left `spacecoop.parts` for it, the
 * digest of its content parts; so a later write can tell whether anyone changed the file.
 * Takes the zipped bytes of a .docx, returns them zipped again.
 */
export function sealDocx(bytes: Uint8Array): Uint8Array {
  return sealParts(unzipSync(bytes));
}

/**
 * As `sealDocx`, for a document given as its parts (path -> bytes, every part of the package):
 * reads the body from them, seals, and zips once. The parts object is changed in place.
 *
 * @throws Error when the custom properties part or the fingerprint placeholder is missing (a writer's bug).
 */
export function sealParts(files: DocxParts): Uint8Array {
  const custom = files['docProps/custom.xml'];
  if (!custom) throw new Error('sealDocx: the document has no custom properties part');
  const xml = strFromU8(custom);
  if (!xml.includes(FINGERPRINT_PLACEHOLDER)) throw new Error(`sealDocx: no ${FINGERPRINT_PROPERTY} placeholder`);
  let sealed = xml.replace(FINGERPRINT_PLACEHOLDER, fingerprint(readContent(files)));
  if (sealed.includes(PARTS_PLACEHOLDER)) sealed = sealed.replace(PARTS_PLACEHOLDER, partsDigest(files));
  files['docProps/custom.xml'] = strToU8(sealed);
  return zipParts(files);
}

/**
 * Parts (path -> bytes) as a zip archive, in the order given, each deflated (level 6). fflate
 * writes the archive; Node's zlib compresses and sums (CRC-32) each part: the same deflate, native,
 * about ten times faster than fflate's own on a first run. Each entry carries its sizes and CRC in a
 * data descriptor after the data, as streamed zips do (ZIP APPNOTE 4.3.9), which Word and LibreOffice read.
 */
export function zipParts(files: DocxParts): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure ??= error;
    else chunks.push(chunk);
  });
  for (const [filename, data] of Object.entries(files)) {
    const entry: ZipInputFile = { filename, size: data.length, crc: crc32(data), compression: 8 };
    zip.add(entry);
    entry.ondata!(null, deflateRawSync(data, { level: 6 }), true);
  }
  zip.end();
  if (failure) throw failure;
  return Buffer.concat(chunks);
}

/** Whether a .docx is one spacecoop wrote and nobody changed since: 'unchanged', 'changed' or 'foreign'. */
export function docxState(bytes: Uint8Array, name: string): { state: 'unchanged' | 'changed' | 'foreign'; by?: string } {
  let files: DocxParts;
  let props: ReturnType<typeof readProperties>;
  try {
    files = unzipDocx(bytes, name);
    props = readProperties(files, name);
  } catch {
    return { state: 'foreign' };
  }
  const recorded = props.custom[FINGERPRINT_PROPERTY];
  if (!recorded || props.core.creator !== 'spacecoop' || !files['word/document.xml']) return { state: 'foreign' };
  // The content parts as they were written: unchanged, and the body need not be parsed.
  const parts = props.custom[PARTS_PROPERTY];
  if (parts && parts === partsDigest(files)) return { state: 'unchanged' };
  let content;
  try {
    content = readContent(files, name);
  } catch {
    return { state: 'foreign' };
  }
  if (recorded === fingerprint(content)) return { state: 'unchanged' };
  const by = props.core.lastModifiedBy;
  return { state: 'changed', ...(by && by !== 'spacecoop' ? { by } : {}) };
}
