import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxState } from '../../src/wordfile/seal.js';
import { EXAMPLES, read, run, tempDir } from '../helpers/run.js';

const CBERS = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;

function project() {
  const dir = tempDir();
  copyFileSync(CBERS, join(dir, 'agreement.yaml'));
  return dir;
}

describe('draft --lang zh,en --format docx|html: the parallel file', () => {
  it('writes one Word file with both texts, sealed, and writes it again while nobody has changed it; a reviewed copy is left alone', () => {
    const dir = project();
    const r = run(['draft', 'agreement.yaml', '--lang', 'zh,en', '--format', 'docx'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const file = join(dir, 'agreement.zh-en.docx');
    const bytes = readFileSync(file);
    expect(docxState(bytes, file).state).toBe('unchanged');
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
    expect(xml).toContain('第一条');
    expect(xml).toContain('Article 1 — Definitions');
    expect(xml.indexOf('第一条')).toBeLessThan(xml.indexOf('Article 1 — Definitions')); // the Chinese column first
    expect(run(['draft', 'agreement.yaml', '--lang', 'zh,en', '--format', 'docx'], { cwd: dir }).code).toBe(0);

    // A reviewer's edit in the Chinese column: the next draft refuses to write over it.
    const files = unzipSync(readFileSync(file));
    files['word/document.xml'] = strToU8(strFromU8(files['word/document.xml']!).replace('第一条', '第一条（修改）'));
    writeFileSync(file, zipSync(files));
    const again = run(['draft', 'agreement.yaml', '--lang', 'zh,en', '--format', 'docx'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/agreement\.zh-en\.docx was changed since spacecoop wrote it/);
    expect(again.stderr).not.toMatch(/\n\s+at /);
  });

  it('a conflict in one text still lets the other be regenerated; the Word file waits until neither has one', () => {
    const dir = project();
    expect(run(['draft', 'agreement.yaml', '--lang', 'zh,en', '--format', 'docx'], { cwd: dir }).code).toBe(0);
    const docx = join(dir, 'agreement.zh-en.docx');
    const before = readFileSync(docx);
    // A hand edit in the Chinese signature block, and new terms that change it in both languages.
    const zh = join(dir, 'agreement.zh.md');
    writeFileSync(zh, readFileSync(zh, 'utf8').replace('在北京签订', '在北京市签订'));
    const terms = join(dir, 'agreement.yaml');
    writeFileSync(terms, readFileSync(terms, 'utf8').replace('place: Beijing, date: 2027-03-15, zh: { place: 北京 }', 'place: Shanghai, date: 2027-03-15, zh: { place: 上海 }'));
    const r = run(['draft', 'agreement.yaml', '--lang', 'zh,en', '--format', 'docx'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/agreement\.zh\.md has unresolved merge conflicts; no docx file is written/);
    expect(readFileSync(zh, 'utf8')).toContain('<<<<<<<');
    // The English text, listed after the Chinese, is current all the same.
    expect(readFileSync(join(dir, 'agreement.md'), 'utf8')).toContain('DONE at Shanghai');
    expect(readFileSync(docx).equals(before)).toBe(true);
  });

  it('the English column first when --lang says so, as HTML with each cell marked with its language', () => {
    const dir = project();
    const r = run(['draft', 'agreement.yaml', '--lang', 'en,zh', '--format', 'html'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const html = read(join(dir, 'agreement.en-zh.html'));
    expect(html).toMatch(/<tr><td lang="en"><h2>Article 1 — Definitions<\/h2>[^\n]*<\/td><td lang="zh"><h2>第一条　定义<\/h2>/);
  });

  it('a clause deleted by hand from one text: nothing is written, exit 2, the clause named', () => {
    const dir = project();
    expect(run(['draft', 'agreement.yaml', '--lang', 'zh,en', '--format', 'html'], { cwd: dir }).code).toBe(0);
    const zhFile = join(dir, 'agreement.zh.md');
    const before = read(join(dir, 'agreement.zh-en.html'));
    writeFileSync(zhFile, read(zhFile).replace(/<!-- spacecoop:clause personnel\/standard -->[\s\S]*?<!-- \/spacecoop:clause -->\n\n/, ''));
    const r = run(['draft', 'agreement.yaml', '--lang', 'zh,en', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/do not have the same clauses/);
    expect(r.stderr).toMatch(/clause `personnel\/standard` is in agreement\.zh\.md but not in agreement\.md|clause `personnel\/standard` is in agreement\.md but not in agreement\.zh\.md/);
    expect(read(join(dir, 'agreement.zh-en.html'))).toBe(before);
  });
});
