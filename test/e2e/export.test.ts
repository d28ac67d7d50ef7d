import { existsSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paragraphs, unzip } from '../export/unzip.js';
import { EXAMPLES, read, run, tempDir } from '../helpers/run.js';

const CBERS = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;

describe('spacecoop draft --format docx|html (built binary)', () => {
  it('writes a Word document beside the terms file: title, parties, Word-numbered articles, annex', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'agreement.yaml'), read(CBERS));
    const r = run(['draft', 'agreement.yaml', '--format', 'docx'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote agreement.docx');
    const files = unzip(readFileSync(join(dir, 'agreement.docx')));
    const ps = paragraphs(files.get('word/document.xml')!.toString('utf8'));
    expect(ps[0]!.style).toBe('Title');
    expect(ps[0]!.text).toMatch(/^Protocol between the China National Space Administration and the Brazilian Space Agency/);
    expect(ps.some((p) => p.text.startsWith('The China National Space Administration (CNSA)') && p.text.includes('Brazilian Space Agency (AEB)'))).toBe(true);
    const articles = ps.filter((p) => p.style === 'Heading2' && p.text.startsWith('Article '));
    expect(articles.map((p) => Number(/^Article (\d+) — /.exec(p.text)![1]))).toEqual(articles.map((_, i) => i + 1));
    expect(articles.some((p) => /— Registration, Jurisdiction and Control$/.test(p.text))).toBe(true);
    expect(ps.filter((p) => p.numId !== undefined && p.ilvl === '0').length).toBeGreaterThan(30);
    expect(ps.some((p) => p.text === 'Annex: Drafting notes for review')).toBe(true);
  });

  it('--no-notes leaves the annex out of the Word document', () => {
    const dir = tempDir();
    const out = join(dir, 'clean.docx');
    expect(run(['draft', CBERS, '--format', 'docx', '--no-notes', '--draft', join(dir, 'clean.md'), '--out', out]).code).toBe(0);
    expect(unzip(readFileSync(out)).get('word/document.xml')!.toString('utf8')).not.toContain('Drafting notes');
  });

  it('--format html --out - writes one self-contained page to stdout', () => {
    const r = run(['draft', CBERS, '--format', 'html', '--draft', join(tempDir(), 'agreement.md'), '--out', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(r.stdout).toContain('<h2>Article 12 — Registration, Jurisdiction and Control</h2>');
    expect(r.stdout).not.toMatch(/<script|<link|\ssrc=/i);
  });

  it('refuses to write through a symbolic link at --out, and says so', () => {
    const dir = tempDir();
    const elsewhere = join(tempDir(), 'elsewhere.docx');
    writeFileSync(elsewhere, 'keep');
    symlinkSync(elsewhere, join(dir, 'agreement.docx'));
    const r = run(['draft', CBERS, '--format', 'docx', '--draft', join(dir, 'agreement.md'), '--out', join(dir, 'agreement.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a symbolic link; spacecoop does not write through links');
    expect(read(elsewhere)).toBe('keep');
    expect(readlinkSync(join(dir, 'agreement.docx'))).toBe(elsewhere);
  });
});

describe('hostile terms files (built binary): exit 2, a message, no stack', () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) laughs.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);
  it.each([
    ['billion laughs', `form: agreement\n${laughs.join('\n')}\n`, /aliases are limited/],
    ['deep nesting', `${'['.repeat(100_000)}${']'.repeat(100_000)}`, /nested deeper than 32 levels/],
    ['a huge file', `form: agreement\ntitle: "${'x'.repeat(400_000)}"\n`, /larger than 256 KiB/],
    ['a prototype key', 'form: agreement\n__proto__:\n  polluted: true\n', /`__proto__` is not allowed/],
    ['binary junk', '\u0000\u0001\u00ff\ufffe{[&*!|>', /NUL byte/],
  ])('%s', (_name, source, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.yaml'), source);
    for (const format of ['md', 'docx']) {
      const r = run(['draft', 't.yaml', '--format', format], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
      expect(existsSync(join(dir, `t.${format}`))).toBe(false);
    }
  });
});
