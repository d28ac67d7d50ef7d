import { strToU8, zipSync } from 'fflate';

/**
 * Builds a .docx the way Word stores a reviewed document: body XML as given, optional comments
 * part and custom properties. For tests of everything that reads Word files.
 */
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function wordPackage(body: string, opts: { comments?: string; custom?: Record<string, string>; creator?: string; store?: boolean } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${body}<w:sectPr/></w:body></w:document>`),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${opts.creator ?? 'spacecoop'}</dc:creator><cp:lastModifiedBy>Counsel</cp:lastModifiedBy></cp:coreProperties>`,
    ),
  };
  if (opts.comments !== undefined) files['word/comments.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W_NS}">${opts.comments}</w:comments>`);
  if (opts.custom) {
    const props = Object.entries(opts.custom)
      .map(([k, v], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${k}"><vt:lpwstr>${v}</vt:lpwstr></property>`)
      .join('');
    files['docProps/custom.xml'] = strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${props}</Properties>`,
    );
  }
  return zipSync(files, { level: opts.store ? 0 : 6 });
}

export const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
export const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
export const ins = (inner: string, author = 'Counsel', id = 1) => `<w:ins w:id="${id}" w:author="${author}" w:date="2026-11-30T10:00:00Z">${inner}</w:ins>`;
export const del = (text: string, author = 'Counsel', id = 2) =>
  `<w:del w:id="${id}" w:author="${author}" w:date="2026-11-30T10:00:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;
