import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { docxParts, packDocx } from '../../src/export/docx-pack.js';
import { buildDocxDocument } from '../../src/export/docx.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { buildModel } from '../../src/export/model.js';
import { fingerprint, FINGERPRINT_PROPERTY } from '../../src/wordfile/fingerprint.js';
import { readDocx } from '../../src/wordfile/read.js';
import { docxState, PARTS_PROPERTY, sealDocx, zipParts } from '../../src/wordfile/seal.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, read } from '../helpers/run.js';

const CBERS = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;

/** The CBERS draft with a tracked change and two comments in it, as a `docx` Document. */
async function reviewedDocument() {
  const text = renderMarkdown(draftFromTermsText(read(CBERS), CBERS, builtinLibrary()).draft).replace(
    'consist of three arbitrators',
    'consist of {--three--}{++five++}{>>@Ana Souza<<} arbitrators{>>@Li Wei: five, as in the 2019 arrangement?<<}{>>Check the appointing authority.<<}',
  );
  expect(text).toContain('{++five++}');
  return buildDocxDocument(buildModel(text), { date: '2026-12-01T09:00:00Z' });
}

/** The parts of a zip archive, without the folder entries JSZip adds. */
const partsOf = (zip: Uint8Array) => Object.fromEntries(Object.entries(unzipSync(zip)).filter(([name]) => !name.endsWith('/')));
const propertyOf = (zip: Uint8Array, name: string) => readDocx(zip).custom[name];

describe('packing a Word file', () => {
  // A Document is packed once (packing adds its relationships), so each path gets its own.
  it('takes the same parts, byte for byte and in the same order, as docx\'s own packer zips', async () => {
    const { d, doc } = await reviewedDocument();
    const ours = docxParts(d, doc)!;
    expect(ours).toBeDefined();
    const theirs = partsOf(new Uint8Array(await d.Packer.toBuffer((await reviewedDocument()).doc)));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    // The core properties carry the time they were written.
    const undated = (bytes: Uint8Array) => strFromU8(bytes).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1');
    for (const [name, bytes] of Object.entries(theirs)) expect(undated(ours[name]!), name).toBe(undated(bytes));
    expect(Object.keys(ours)).toContain('word/comments.xml');
  });

  it('seals as the packer-then-unzip path does: the same fingerprint, and a zip that reads back to the same parts', async () => {
    const { d, doc } = await reviewedDocument();
    const packed = await packDocx(d, doc);
    const legacy = sealDocx(new Uint8Array(await d.Packer.toBuffer((await reviewedDocument()).doc)));
    expect(propertyOf(packed, FINGERPRINT_PROPERTY)).toMatch(/^[0-9a-f]{64}$/);
    expect(propertyOf(packed, FINGERPRINT_PROPERTY)).toBe(propertyOf(legacy, FINGERPRINT_PROPERTY));
    expect(propertyOf(packed, FINGERPRINT_PROPERTY)).toBe(fingerprint(readDocx(packed)));
    expect(propertyOf(packed, PARTS_PROPERTY)).toMatch(/^[0-9a-f]{64}$/);
    const parts = { 'b.xml': strToU8('<b/>'), 'a/c.xml': strToU8('é'.repeat(5000)), 'empty.txt': new Uint8Array(0) };
    expect(partsOf(zipParts({ ...parts }))).toEqual(parts);
  });

  it('falls back to docx\'s packer when the document carries media (the parts step does not add them)', async () => {
    const { d, doc } = await reviewedDocument();
    Object.defineProperty((doc as unknown as { Media: object }).Media, 'Array', { get: () => [{ type: 'png', fileName: 'seal.png', data: new Uint8Array(1) }] });
    expect(docxParts(d, doc)).toBeUndefined();
  });
});

describe('docxState: has anyone changed the Word file spacecoop wrote?', () => {
  /** Rewrites one part of a .docx, as a word processor or a hand would. */
  const edit = (zip: Uint8Array, part: string, f: (xml: string) => string) => {
    const files = unzipSync(zip);
    files[part] = strToU8(f(strFromU8(files[part]!)));
    return zipSync(files);
  };

  it('unchanged: as written, and re-zipped with different compression', async () => {
    const { d, doc } = await reviewedDocument();
    const packed = await packDocx(d, doc);
    expect(docxState(packed, 'a.docx')).toEqual({ state: 'unchanged' });
    expect(docxState(zipSync(unzipSync(packed), { level: 0 }), 'a.docx')).toEqual({ state: 'unchanged' });
  });

  it('unchanged: parts whose bytes differ but whose content does not (re-serialised XML) are judged by the fingerprint', async () => {
    const { d, doc } = await reviewedDocument();
    const packed = await packDocx(d, doc);
    const reformatted = edit(packed, 'word/document.xml', (xml) => xml.replace(/<\/w:p><w:p>/g, '</w:p>\n<w:p>'));
    expect(strFromU8(unzipSync(reformatted)['word/document.xml']!)).toContain('</w:p>\n<w:p>');
    expect(docxState(reformatted, 'a.docx')).toEqual({ state: 'unchanged' });
    // Files written before the parts digest existed are judged by the fingerprint alone.
    const older = edit(packed, 'docProps/custom.xml', (xml) => xml.replace(/<property [^>]*name="spacecoop\.parts">.*?<\/property>/, ''));
    expect(readDocx(older).custom[PARTS_PROPERTY]).toBeUndefined();
    expect(docxState(older, 'a.docx')).toEqual({ state: 'unchanged' });
  });

  it.each([
    ['a word in the body', 'word/document.xml', (xml: string) => xml.replace('Each Party', 'Either Party')],
    ['only a comment\'s text', 'word/comments.xml', (xml: string) => xml.replace('Check the appointing authority.', 'Agreed.')],
    ['only who made a tracked change', 'word/document.xml', (xml: string) => xml.replace(/w:author="Ana Souza"/g, 'w:author="Li Wei"')],
    ['only who wrote a comment', 'word/comments.xml', (xml: string) => xml.replace(/w:author="Li Wei"/g, 'w:author="Ana Souza"')],
  ])('changed: %s', async (_what, part, f) => {
    const { d, doc } = await reviewedDocument();
    const packed = await packDocx(d, doc);
    const changed = edit(packed, part, f);
    expect(unzipSync(changed)[part]).not.toEqual(unzipSync(packed)[part]);
    expect(docxState(changed, 'a.docx').state).toBe('changed');
  });

  it('foreign: not a zip, not spacecoop\'s, or the fingerprint removed', async () => {
    const { d, doc } = await reviewedDocument();
    const packed = await packDocx(d, doc);
    expect(docxState(strToU8('my notes'), 'a.docx').state).toBe('foreign');
    expect(docxState(edit(packed, 'docProps/core.xml', (xml) => xml.replace('>spacecoop</dc:creator>', '>Ana Souza</dc:creator>')), 'a.docx').state).toBe('foreign');
    expect(docxState(edit(packed, 'docProps/custom.xml', (xml) => xml.replace('name="spacecoop.content"', 'name="other"')), 'a.docx').state).toBe('foreign');
  });
});
