import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/wordfile/read.js';
import { EXAMPLES, read, ROOT, run, tempDir } from '../helpers/run.js';

/**
 * LibreOffice round trips. Install LibreOffice (Debian/Ubuntu: `apt-get install
 * libreoffice-writer-nogui python3-uno`), then `npm run test:office`.
 */
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const UNO_PYTHON = ['/usr/bin/python3', 'python3'].find((py) => spawnSync(py, ['-c', 'import uno'], { encoding: 'utf8' }).status === 0);
if (!soffice) console.warn('test:office: LibreOffice (soffice) is not installed; skipped. Install it with: apt-get install libreoffice-writer-nogui python3-uno');
else if (!UNO_PYTHON) console.warn('test:office: no Python with LibreOffice\'s UNO bridge (python3-uno); the accept/reject test is skipped');

const CBERS = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;
const hasPdftotext = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;

/** LibreOffice opens the file and saves it again as .docx (as a reviewer using it would). */
function resave(file: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const profile = tempDir();
  const r = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, file], {
    encoding: 'utf8',
    timeout: 240_000,
    env: { ...process.env, HOME: profile },
  });
  expect(r.status, r.stderr).toBe(0);
  return join(outDir, file.split('/').pop()!);
}

function project() {
  const dir = tempDir();
  copyFileSync(CBERS, join(dir, 'agreement.yaml'));
  expect(run(['draft', 'agreement.yaml'], { cwd: dir }).code).toBe(0);
  return dir;
}

describe.skipIf(!soffice)('LibreOffice round trip (headless)', () => {
  it('a file LibreOffice re-saves keeps its bookmarks and record, and imports as no change; an edit made there then imports', () => {
    const dir = project();
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: dir }).code).toBe(0);
    const saved = resave(join(dir, 'agreement.docx'), join(dir, 'lo'));
    const doc = readDocx(readFileSync(saved));
    expect(doc.paragraphs.filter((p) => p.bookmarks.some((b) => b.startsWith('sc_'))).length).toBeGreaterThan(20);
    expect(Object.keys(doc.custom).some((k) => k.startsWith('spacecoop.export.'))).toBe(true);
    const md = read(join(dir, 'agreement.md'));
    const r = run(['import', saved, '--into', join(dir, 'agreement.md')], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(read(join(dir, 'agreement.md'))).toBe(md);
    // A plain edit in the re-saved file: it lands in Article 18, nothing else moves.
    const files = unzipSync(readFileSync(saved));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('three arbitrators');
    files['word/document.xml'] = strToU8(xml.replace('three arbitrators', 'five arbitrators'));
    writeFileSync(saved, zipSync(files));
    const r2 = run(['import', saved, '--into', join(dir, 'agreement.md')], { cwd: dir });
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stderr).toMatch(/Article 18 +changed: 1 edited/);
    expect(read(join(dir, 'agreement.md'))).toBe(md.replace('three arbitrators', 'five arbitrators'));
  });

  it.skipIf(!UNO_PYTHON)('counsel reviews in LibreOffice with track changes: import brings each change into its article, nothing else moves', () => {
    const dir = project();
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: dir }).code).toBe(0);
    const md = read(join(dir, 'agreement.md'));
    const out = join(dir, 'reviewed.docx');
    const r = spawnSync(
      UNO_PYTHON!,
      [join(ROOT, 'test/office/uno-review.py'), join(dir, 'agreement.docx'), out, tempDir(), 'three arbitrators', 'five arbitrators', 'Each Party shall meet its share primarily', 'The Parties shall review these arrangements every two years.'],
      { encoding: 'utf8', timeout: 240_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const imp = run(['import', out, '--into', 'agreement.md'], { cwd: dir });
    expect(imp.code, imp.stderr).toBe(0);
    const now = read(join(dir, 'agreement.md'));
    const article = (text: string, n: number) => {
      const from = text.indexOf(`## Article ${n} — `);
      return text.slice(from, text.indexOf('<!-- /spacecoop:clause -->', from));
    };
    expect(article(now, 18)).toMatch(/\{(--|~~)three[\s\S]*five[\s\S]*arbitrators/);
    expect(article(now, 7)).toContain('The Parties shall review these arrangements every two years.');
    for (let n = 1; n <= 21; n++) if (n !== 7 && n !== 18) expect(article(now, n), `Article ${n}`).toBe(article(md, n));
  });

  it.skipIf(!UNO_PYTHON)('the tracked-changes redline opens; accepting all changes gives the new text, rejecting all the old', () => {
    const dir = project();
    copyFileSync(join(dir, 'agreement.md'), join(dir, 'round1.md'));
    writeFileSync(join(dir, 'agreement.yaml'), read(join(dir, 'agreement.yaml')).replace('personnelExchange: true', 'personnelExchange: false').replace('arbitrators: 3', 'arbitrators: 5'));
    expect(run(['draft', 'agreement.yaml'], { cwd: dir }).code).toBe(0);
    expect(run(['redline', 'round1.md', 'agreement.md', '--format', 'docx', '--out', 'changes.docx'], { cwd: dir }).code).toBe(0);
    for (const [md, out] of [['round1.md', 'old.docx'], ['agreement.md', 'new.docx']] as const) expect(run(['export', md, '--format', 'docx', '--no-notes', '--out', out], { cwd: dir }).code).toBe(0);
    const body = (file: string) =>
      readDocx(readFileSync(file))
        .paragraphs.filter((p) => !p.toc && p.text.trim() !== '' && !p.cell)
        .map((p) => p.text.trim());
    for (const [mode, expected] of [['accept', 'new.docx'], ['reject', 'old.docx']] as const) {
      const out = join(dir, `${mode}ed.docx`);
      const r = spawnSync(UNO_PYTHON!, [join(ROOT, 'test/office/uno-changes.py'), mode, join(dir, 'changes.docx'), out, tempDir()], { encoding: 'utf8', timeout: 240_000 });
      expect(r.status, r.stderr).toBe(0);
      const got = body(out);
      expect(readDocx(readFileSync(out)).paragraphs.some((p) => p.runs.some((x) => x.change)), 'no change left pending').toBe(false);
      expect(got.slice(1), mode).toEqual(body(join(dir, expected)).slice(1));
    }
  });

  it.skipIf(!hasPdftotext)('LibreOffice opens the .docx and shows the agreement (manual check, automated where installed)', () => {
    const dir = tempDir();
    const docx = join(dir, 'agreement.docx');
    expect(run(['draft', CBERS, '--format', 'docx', '--draft', join(dirname(docx), 'agreement.md'), '--out', docx]).code).toBe(0);
    const c = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: dir } });
    expect(c.status).toBe(0);
    expect(existsSync(join(dir, 'agreement.pdf'))).toBe(true);
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'agreement.pdf'), '-'], { encoding: 'utf8' }).stdout;
    expect(text).toMatch(/Article 12 — Registration, Jurisdiction and Control/);
    expect(text).toMatch(/^\s*1\.\s+\S/m); // Word numbering rendered as "1."
    expect(text).toMatch(/^\s*\(a\)\s+\S/m);
    expect(text).toContain('Annex: Drafting notes for review');
  }, 180_000);
  it.skipIf(!hasPdftotext)('the parallel Chinese-English .docx opens with a CJK font for the Chinese column, each article side by side (pages left as PNG for a look)', async () => {
    // fonts-noto-cjk gives LibreOffice a CJK serif in place of SimSun; without a CJK font the Chinese would show as empty boxes.
    const cjk = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout.trim();
    if (!cjk) console.warn('test:office: no CJK font (apt-get install fonts-noto-cjk); the Chinese column cannot render');
    const { exportParallel } = await import('../../src/export/parallel.js');
    const fixture = (f: string) => read(join(ROOT, 'test/zh/fixtures', f));
    const dir = tempDir();
    const docx = join(dir, 'protocol.zh-en.docx');
    writeFileSync(docx, (await exportParallel([{ lang: 'zh', markdown: fixture('protocol.zh.md') }, { lang: 'en', markdown: fixture('protocol.md') }], 'docx', { notes: false })) as Uint8Array);
    const c = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, HOME: dir } });
    expect(c.status, c.stderr).toBe(0);
    const pdf = join(dir, 'protocol.zh-en.pdf');
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    // Side by side: the Chinese and the English article heading on one line, the Chinese first.
    expect(text).toMatch(/第二条\s+交互豁免责任\s+Article 2 — Cross-Waiver of Liability/);
    expect(text).toMatch(/一、每一方放弃[^\n]*\s{2,}1\.\s+Each Party waives/);
    expect(text).toMatch(/签字：\s*_+\s+签字：/);
    if (cjk) {
      const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout;
      expect(fonts).toMatch(/CJK/);
    }
    if (spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' }).status === 0) {
      expect(spawnSync('pdftoppm', ['-r', '60', '-png', pdf, join(dir, 'page')], { encoding: 'utf8' }).status).toBe(0);
      console.info(`test:office: the parallel text's pages are in ${dir}/page-*.png`);
    }
  }, 180_000);
});
