import { brotliCompressSync, brotliDecompressSync, constants, crc32 } from 'node:zlib';

/**
 * What spacecoop generated last time, embedded at the end of the draft so that it travels with
 * the file (a copy to another folder, a commit, an e-mail attachment). It is an HTML comment:
 * invisible when the Markdown is rendered, ignored by markdownlint. The text is stored
 * number-independent (see refs.ts), compressed (brotli), base64 in lines of 76, with a checksum so a
 * damaged block is noticed and the draft is then treated as fully edited.
 *
 * Version 2 checks the base64 with CRC-32 (8 hex digits, from node:zlib, which the compression loads
 * anyway); version 1 used the first 16 hex digits of SHA-256, which loaded node:crypto into every
 * draft. Both are read; v2 is written.
 */
export const BASE_OPEN_PREFIX = '<!-- spacecoop:base ';
const VERSION = 'v2';

export interface Base {
  /** The title and contents list. */
  head: string;
  /** The drafting notes' body, or null when drafted with --no-notes. */
  notes: string | null;
  /** Clause id -> generated body, in the order generated. */
  clauses: [string, string][];
}

/** The block's checksum of its base64 text, by version; undefined for a version this spacecoop does not read. */
const CHECKSUMS: Record<string, (b64: string) => string> = {
  v1: (b64) => process.getBuiltinModule('node:crypto').createHash('sha256').update(b64).digest('hex').slice(0, 16),
  v2: (b64) => crc32(b64).toString(16).padStart(8, '0'),
};

const serialize = (base: Base) => JSON.stringify({ v: 1, head: base.head, notes: base.notes, clauses: base.clauses });

/** The block for `base`; the previous block as it is when nothing in the base changed. */
export function encodeBase(base: Base, previous?: { base: Base; block: string[] }): string[] {
  const json = serialize(base);
  if (previous && serialize(previous.base) === json) return previous.block;
  // Quality 3: a third of quality 5's time on every draft written, for a block about 10% longer.
  const b64 = brotliCompressSync(Buffer.from(json, 'utf8'), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  }).toString('base64');
  const lines = [`${BASE_OPEN_PREFIX}${VERSION} ${CHECKSUMS[VERSION]!(b64)}`];
  for (let i = 0; i < b64.length; i += 76) lines.push(b64.slice(i, i + 76));
  lines.push('-->');
  return lines;
}

export type Decoded = { base: Base } | { problem: string };

export function decodeBase(block: string[]): Decoded {
  const head = /^<!-- spacecoop:base (\S+) ([0-9a-f]+)$/.exec(block[0] ?? '');
  if (!head) return { problem: 'the base block has an unreadable first line' };
  const checksum = Object.hasOwn(CHECKSUMS, head[1]!) ? CHECKSUMS[head[1]!] : undefined;
  if (!checksum) return { problem: `the base block is version ${head[1]}, this spacecoop reads ${Object.keys(CHECKSUMS).join(' and ')}` };
  if (block[block.length - 1] !== '-->') return { problem: 'the base block is not closed' };
  const b64 = block.slice(1, -1).join('').replace(/\s+/g, '');
  if (checksum(b64) !== head[2]) return { problem: 'the base block was changed by hand or damaged (checksum mismatch)' };
  try {
    const data = JSON.parse(brotliDecompressSync(Buffer.from(b64, 'base64')).toString('utf8')) as Base & { v: number };
    if (data.v !== 1 || typeof data.head !== 'string' || !Array.isArray(data.clauses)) return { problem: 'the base block has an unknown shape' };
    return { base: { head: data.head, notes: data.notes ?? null, clauses: data.clauses } };
  } catch {
    return { problem: 'the base block cannot be decoded' };
  }
}

const B64_LINE = /^[A-Za-z0-9+/=]+$/;

/**
 * Where the base block that opens at line `open` ends: its header, the base64 lines that follow, and
 * the closing `-->` when it comes right after them. `end` is exclusive. A block that is not closed
 * there is damaged (cut short, or typed into): the lines from `end` on are not the base's, they are
 * the drafter's, and `stray` is the index of a lone `-->` further on that closed the damaged block
 * (-1 if none), which belongs to neither.
 */
export function baseExtent(lines: readonly string[], open: number): { end: number; closed: boolean; stray: number } {
  let e = open + 1;
  while (e < lines.length && B64_LINE.test(lines[e]!.trim())) e++;
  if (e < lines.length && lines[e]!.trim() === '-->') return { end: e + 1, closed: true, stray: -1 };
  let stray = -1;
  for (let i = e; i < lines.length; i++) {
    const t = lines[i]!.trim();
    if (t === '-->') {
      stray = i;
      break;
    }
    if (t.startsWith('<!--')) break;
  }
  return { end: e, closed: false, stray };
}
