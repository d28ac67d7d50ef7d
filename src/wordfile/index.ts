/**
 * Word files: reading (`readDocx`), the content fingerprint the overwrite guard compares, and the
 * bookmark names that tie a paragraph to its clause. Load lazily (`await import('../wordfile/index.js')`):
 * it pulls in fflate and @xmldom/xmldom.
 */
export { readDocx, readDocxParts, unzipDocx, type DocxParts, type DocxChange, type DocxComment, type DocxDocument, type DocxParagraph, type DocxRun } from './read.js';
export { fingerprint, FINGERPRINT_PROPERTY } from './fingerprint.js';
export { bookmarkName, clauseOfBookmark, BOOKMARK_PREFIX } from './names.js';
export { docxState, FINGERPRINT_PLACEHOLDER, PARTS_PLACEHOLDER, PARTS_PROPERTY, sealDocx, sealParts } from './seal.js';
export { decodeRecord, encodeRecord, RECORD_PREFIX, type ExportRecord } from './record.js';
