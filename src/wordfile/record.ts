import { createHash } from 'node:crypto';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/**
 * What an export wrote, segment by segment (the Markdown lines of each clause as they stood), kept
 * in the .docx itself so that `import` can merge three ways: the Word file's changes against what
 * was exported, applied to the Markdown draft as it is now. Stored as custom document properties
 * (Word and LibreOffice keep them when they save), in pieces of at most 240 characters because
 * Word shows and keeps at most 255 characters per text property: brotli, base64, a checksum.
 */
export const RECORD_PREFIX = 'spacecoop.export.';
const PIECE = 240;

export interface ExportRecord {
  v: 1;
  /** The draft file the export was made from (its name only), for messages. */
  draft: string;
  /** Segment id -> its Markdown lines at export. */
  segments: [string, string[]][];
}

export function encodeRecord(record: ExportRecord): Record<string, string> {
  // Quality 5, not brotli's default 11: the record is a few kilobytes either way, and 11 took most of an export's time.
  const b64 = brotliCompressSync(Buffer.from(JSON.stringify(record), 'utf8'), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  }).toString('base64');
  const sum = createHash('sha256').update(b64).digest('hex').slice(0, 16);
  const out: Record<string, string> = { [`${RECORD_PREFIX}sum`]: sum };
  for (let i = 0, n = 0; i < b64.length; i += PIECE, n++) out[`${RECORD_PREFIX}${String(n).padStart(4, '0')}`] = b64.slice(i, i + PIECE);
  return out;
}

/** The record, or why it cannot be read (absent, damaged). */
export function decodeRecord(custom: Record<string, string>): { record: ExportRecord } | { problem: string } {
  const sum = custom[`${RECORD_PREFIX}sum`];
  if (!sum) return { problem: 'it carries no record of what spacecoop exported (it was not exported by this version of spacecoop, or the document properties were removed)' };
  const pieces = Object.keys(custom)
    .filter((k) => /^spacecoop\.export\.\d{4}$/.test(k))
    .sort()
    .map((k) => custom[k]!);
  const b64 = pieces.join('');
  if (createHash('sha256').update(b64).digest('hex').slice(0, 16) !== sum) return { problem: 'its record of what spacecoop exported is damaged (checksum mismatch)' };
  try {
    const r = JSON.parse(brotliDecompressSync(Buffer.from(b64, 'base64')).toString('utf8')) as ExportRecord;
    if (r.v !== 1 || !Array.isArray(r.segments)) return { problem: 'its record of what spacecoop exported has an unknown shape' };
    return { record: r };
  } catch {
    return { problem: 'its record of what spacecoop exported cannot be decoded' };
  }
}
