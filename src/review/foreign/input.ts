/**
 * What a file's bytes are, before anything tries to read them as an agreement: UTF-8 text, a Word
 * document, or something `check` cannot read (with what it seems to be, for the message).
 */
export type Sniffed =
  | { kind: 'text'; text: string }
  | { kind: 'docx' }
  | { kind: 'unreadable'; what: string; hint: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

const startsWith = (b: Uint8Array, ...sig: number[]) => sig.every((x, i) => b[i] === x);

/**
 * Classifies a file's bytes. Pure: the caller reads the file.
 * @param bytes the whole file
 * @returns `text` (BOM removed, CRLF kept) | `docx` (a zip with a Word document part) | `unreadable`
 *   with a one-line description of what it is and what to do
 */
export function sniffBytes(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04) || startsWith(bytes, 0x50, 0x4b, 0x05, 0x06)) {
    const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
    if (head.includes('word/')) return { kind: 'docx' };
    return { kind: 'unreadable', what: 'a zip archive, not a Word document or text', hint: 'Give check the agreement itself: .md, .txt or .docx.' };
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46)) return { kind: 'unreadable', what: 'a PDF file', hint: 'Save or export the agreement as .docx or plain text (.txt), then check that file.' };
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return { kind: 'unreadable', what: 'a legacy Word (.doc) or other OLE file', hint: 'Save it as .docx (Word: File > Save As > Word Document), then check that file.' };
  if (startsWith(bytes, 0xff, 0xfe) || startsWith(bytes, 0xfe, 0xff)) return { kind: 'unreadable', what: 'UTF-16 text', hint: 'Save the file as UTF-8 text, then check it again.' };
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return { kind: 'unreadable', what: 'an RTF document', hint: 'Save it as .docx or plain text (.txt), then check that file.' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: 'unreadable', what: `a binary file (a NUL byte at ${lineColumn(bytes, nul)})`, hint: 'check reads agreement texts: .md, .txt or .docx.' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const b = bytes[at] ?? 0;
    return {
      kind: 'unreadable',
      what: `not UTF-8 text (byte 0x${b.toString(16).padStart(2, '0')} at ${lineColumn(bytes, at)}${b >= 0x80 ? '; perhaps Latin-1 or Windows-1252' : ''})`,
      hint: 'Save the file as UTF-8 text, then check it again.',
    };
  }
  return { kind: 'text', text: text.replace(/^\uFEFF/, '') };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return 0;
}

/** "line 3, column 12" of a byte offset (columns count bytes). */
function lineColumn(bytes: Uint8Array, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}
