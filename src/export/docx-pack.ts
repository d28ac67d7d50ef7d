import type { Document } from 'docx';
import type { DocxParts } from '../wordfile/read.js';

type Docx = typeof import('docx');
type XmlFile = { path: string; data: string };
interface DocxCompiler {
  xmlifyFile(file: Document, prettify?: unknown): Record<string, XmlFile | XmlFile[]>;
}

/**
 * A `docx` Document as a sealed .docx (zip bytes), zipped once.
 *
 * `docx`'s own `Packer.toBuffer` zips with JSZip, on timers, and sealing would then unzip the file to
 * read its body and zip it again. Here the package's parts are taken from the packer's compiler as
 * XML text (its `xmlifyFile`, the step `Packer` itself zips), read and sealed as they are, and
 * zipped once with fflate: the same parts, a third of the work. `docx` is pinned to an exact
 * version; a test compares these parts with the packer's, and should a version no longer offer the
 * step (or a document carry media or fonts, which spacecoop never adds), the packer is used as before.
 */
export async function packDocx(d: Docx, doc: Document): Promise<Uint8Array> {
  const { sealDocx, sealParts } = await import('../wordfile/seal.js');
  const parts = docxParts(d, doc);
  return parts ? sealParts(parts) : sealDocx(new Uint8Array(await d.Packer.toBuffer(doc)));
}

/** Every part of the package (path -> UTF-8 bytes), as `Packer` would zip them; undefined when it cannot tell. */
export function docxParts(d: Docx, doc: Document): DocxParts | undefined {
  const compiler = (d.Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  if (typeof compiler?.xmlifyFile !== 'function') return undefined;
  const file = doc as unknown as { Media?: { Array?: unknown[] }; FontTable?: { fontOptionsWithKey?: unknown[] } };
  if (!Array.isArray(file.Media?.Array) || file.Media.Array.length || !Array.isArray(file.FontTable?.fontOptionsWithKey) || file.FontTable.fontOptionsWithKey.length) return undefined;
  const encoder = new TextEncoder();
  const parts: DocxParts = {};
  for (const entry of Object.values(compiler.xmlifyFile(doc, undefined))) {
    for (const { path, data } of Array.isArray(entry) ? entry : [entry]) parts[path] = encoder.encode(data);
  }
  return parts;
}
