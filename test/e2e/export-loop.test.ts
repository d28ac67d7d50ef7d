import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/wordfile/read.js';
import { EXAMPLES, read, run, tempDir } from '../helpers/run.js';

const CBERS = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;
const LUNAR = EXAMPLES.find((f) => f.endsWith('lunar-mou.yaml'))!;
const DATE = 'w:date="2026-12-01T09:00:00Z"';

/** A folder with agreement.yaml and the agreement.md drafted from it. */
function project(example = CBERS) {
  const dir = tempDir();
  copyFileSync(example, join(dir, 'agreement.yaml'));
  expect(run(['draft', 'agreement.yaml'], { cwd: dir }).code).toBe(0);
  return { dir, md: join(dir, 'agreement.md'), docx: join(dir, 'agreement.docx'), html: join(dir, 'agreement.html') };
}
const docText = (file: string) => readDocx(readFileSync(file)).paragraphs.map((p) => p.text).join('\n');
/** Edits document.xml as Word would save it (the creator stays "spacecoop"). */
function wordEdit(file: string, f: (xml: string) => string) {
  const files = unzipSync(readFileSync(file));
  files['word/document.xml'] = strToU8(f(strFromU8(files['word/document.xml']!)));
  writeFileSync(file, zipSync(files));
}
const files = (dir: string) => readdirSync(dir).sort();

describe('export: the Markdown draft as it stands (built binary)', () => {
  it.each([
    ['an agreement', CBERS, 'The Parties shall share the costs', 'The Parties shall share equally the costs'],
    ['a memorandum', LUNAR, 'to record the intention of the Participants', 'to record the common intention of the Participants'],
  ])('%s: a hand edit in the .md is in the .docx and the .html', (_n, example, from, to) => {
    const p = project(example);
    writeFileSync(p.md, read(p.md).replace(from, to));
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: p.dir }).code).toBe(0);
    expect(run(['export', 'agreement.md', '--format', 'html'], { cwd: p.dir }).code).toBe(0);
    expect(docText(p.docx)).toContain(to);
    expect(read(p.html)).toContain(to);
    // draft TERMS --format docx regenerates the same Markdown draft and exports it: the edit survives.
    expect(run(['draft', 'agreement.yaml', '--format', 'docx'], { cwd: p.dir }).code).toBe(0);
    expect(docText(p.docx)).toContain(to);
  });

  it('a hand-written paragraph, list, emphasis, table and raw HTML come through; the HTML is escaped', () => {
    const p = project();
    const added = ['A paragraph the drafter wrote, with *emphasis* and **weight**.', '', '- first point', '- second point', '', '| Milestone | Date |', '| --- | --- |', '| Launch | 2028 |', '', 'Raw <script>alert(1)</script> and <b>bold</b> typed in.'];
    writeFileSync(p.md, read(p.md).replace('<!-- /spacecoop:clause -->\n\n<!-- spacecoop:clause exchange/', `<!-- /spacecoop:clause -->\n\n${added.join('\n')}\n\n<!-- spacecoop:clause exchange/`));
    expect(run(['export', 'agreement.md', '--format', 'html'], { cwd: p.dir }).code).toBe(0);
    const page = read(p.html);
    expect(page).toContain('<em>emphasis</em>');
    expect(page).toContain('<strong>weight</strong>');
    expect(page).toContain('<td>Launch</td><td>2028</td>');
    expect(page).toContain('Raw &lt;script&gt;alert(1)&lt;/script&gt; and &lt;b&gt;bold&lt;/b&gt; typed in.');
    expect(page).not.toMatch(/<script|<b>/);
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: p.dir }).code).toBe(0);
    const doc = readDocx(readFileSync(p.docx));
    expect(doc.paragraphs.find((x) => x.text.startsWith('A paragraph the drafter wrote'))!.runs.some((r) => r.italic && r.text === 'emphasis')).toBe(true);
    expect(doc.paragraphs.filter((x) => x.cell && x.text === '2028')).toHaveLength(1);
    expect(doc.paragraphs.some((x) => x.text === 'second point' && x.numbering)).toBe(true);
  });

  it('refuses unresolved conflicts (exit 1, nothing written); once resolved for counsel\'s text, that text is exported', () => {
    const p = project();
    writeFileSync(p.md, read(p.md).replace('consist of three arbitrators', 'consist of three independent arbitrators'));
    writeFileSync(join(p.dir, 'agreement.yaml'), read(join(p.dir, 'agreement.yaml')).replace('arbitrators: 3', 'arbitrators: 5'));
    const r = run(['draft', 'agreement.yaml', '--format', 'docx'], { cwd: p.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('agreement.md has 1 unresolved merge conflict; no docx file is written');
    expect(existsSync(p.docx)).toBe(false);
    const e = run(['export', 'agreement.md', '--format', 'html'], { cwd: p.dir });
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/agreement\.md:\d+:1: conflict in Article 18/);
    expect(existsSync(p.html)).toBe(false);
    // Resolve in favour of counsel's text (ours): keep the first side, drop the markers.
    writeFileSync(p.md, read(p.md).replace(/<<<<<<< [^\n]*\n([\s\S]*?)=======\n[\s\S]*?>>>>>>> [^\n]*\n/g, '$1'));
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: p.dir }).code).toBe(0);
    expect(run(['export', 'agreement.md', '--format', 'html'], { cwd: p.dir }).code).toBe(0);
    for (const text of [docText(p.docx), read(p.html)]) {
      expect(text).toContain('consist of three independent arbitrators');
      expect(text).not.toContain('five arbitrators');
    }
  });

  it('draft AGREEMENT.md --format docx exports the draft instead of reading it as a terms file', () => {
    const p = project();
    const r = run(['draft', 'agreement.md', '--format', 'docx'], { cwd: p.dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/problem/);
    expect(docText(p.docx)).toContain('Article 12 — Registration, Jurisdiction and Control');
  });

  it('--no-notes applies to the export only, never to the working draft', () => {
    const p = project();
    expect(run(['draft', 'agreement.yaml', '--format', 'docx', '--no-notes'], { cwd: p.dir }).code).toBe(0);
    expect(docText(p.docx)).not.toContain('Drafting notes');
    expect(read(p.md)).toContain('## Drafting notes for review');
    expect(run(['draft', 'agreement.yaml', '--format', 'html', '--draft', 'other.md'], { cwd: p.dir }).code).toBe(0);
    expect(existsSync(join(p.dir, 'other.md'))).toBe(true);
  });
});

describe('every write is guarded (built binary)', () => {
  it('a Word file changed since spacecoop wrote it is refused (exit 2, nothing written); --overwrite keeps every earlier backup', () => {
    const p = project();
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: p.dir }).code).toBe(0);
    // Re-exporting over its own untouched file is fine.
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: p.dir }).code).toBe(0);
    wordEdit(p.docx, (xml) => xml.replace('three arbitrators', 'five arbitrators'));
    const reviewed = readFileSync(p.docx);
    const before = files(p.dir);
    for (const args of [['export', 'agreement.md', '--format', 'docx'], ['draft', 'agreement.yaml', '--format', 'docx'], ['draft', 'agreement.yaml', '--format', 'docx', '--force']]) {
      const r = run(args, { cwd: p.dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('agreement.docx was changed since spacecoop wrote it');
      expect(r.stderr).toContain('spacecoop import agreement.docx');
      expect(readFileSync(p.docx).equals(reviewed)).toBe(true);
      expect(files(p.dir)).toEqual(before);
    }
    expect(run(['export', 'agreement.md', '--format', 'docx', '--overwrite'], { cwd: p.dir }).code).toBe(0);
    expect(readFileSync(join(p.dir, 'agreement.backup.docx')).equals(reviewed)).toBe(true);
    wordEdit(p.docx, (xml) => xml.replace('three arbitrators', 'nine arbitrators'));
    expect(run(['export', 'agreement.md', '--format', 'docx', '--overwrite'], { cwd: p.dir }).code).toBe(0);
    expect(readFileSync(join(p.dir, 'agreement.backup.docx')).equals(reviewed)).toBe(true);
    expect(docText(join(p.dir, 'agreement.backup-2.docx'))).toContain('nine');
  });

  it('a file spacecoop did not write is refused for Word, HTML and redline output', () => {
    const p = project();
    copyFileSync(p.md, join(p.dir, 'round1.md'));
    for (const [name, args] of [
      ['mine.docx', ['export', 'agreement.md', '--format', 'docx', '--out', 'mine.docx']],
      ['mine.html', ['export', 'agreement.md', '--format', 'html', '--out', 'mine.html']],
      ['mine.md', ['redline', 'round1.md', 'agreement.md', '--out', 'mine.md']],
      ['mine2.docx', ['redline', 'round1.md', 'agreement.md', '--format', 'docx', '--out', 'mine2.docx']],
    ] as const) {
      writeFileSync(join(p.dir, name), 'my own notes');
      const r = run([...args], { cwd: p.dir });
      expect(r.code, name).toBe(2);
      expect(r.stderr).toContain(`${name} exists and was not written by spacecoop`);
      expect(read(join(p.dir, name))).toBe('my own notes');
    }
  });

  it('never writes over its own inputs, however the path is spelled', () => {
    const p = project();
    copyFileSync(p.md, join(p.dir, 'round1.md'));
    const md = read(p.md);
    for (const args of [
      ['redline', 'round1.md', 'agreement.md', '--out', './agreement.md'],
      ['redline', 'round1.md', 'agreement.md', '--out', `${p.dir}/round1.md`],
      ['redline', 'round1.md', 'agreement.md', '--format', 'docx', '--out', './round1.md', '--overwrite'],
      ['export', 'agreement.md', '--format', 'html', '--out', './agreement.md', '--overwrite'],
      ['draft', 'agreement.yaml', '--format', 'docx', '--out', 'agreement.yaml'],
    ]) {
      const r = run(args, { cwd: p.dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/is one of this command's inputs/);
    }
    expect(read(p.md)).toBe(md);
    expect(read(join(p.dir, 'round1.md'))).toBe(md);
  });

  it('a redline file spacecoop wrote is replaced; one edited since is refused', () => {
    const p = project();
    copyFileSync(p.md, join(p.dir, 'round1.md'));
    writeFileSync(p.md, read(p.md).replace('three arbitrators', 'five arbitrators'));
    expect(run(['redline', 'round1.md', 'agreement.md', '--out', 'changes.md'], { cwd: p.dir }).code).toBe(0);
    expect(run(['redline', 'round1.md', 'agreement.md', '--out', 'changes.md'], { cwd: p.dir }).code).toBe(0);
    writeFileSync(join(p.dir, 'changes.md'), `${read(join(p.dir, 'changes.md'))}\nMy note on the redline.\n`);
    expect(run(['redline', 'round1.md', 'agreement.md', '--out', 'changes.md'], { cwd: p.dir }).code).toBe(2);
  });
});

describe('redline --format docx: native tracked changes (built binary)', () => {
  it('Accept All gives the new draft, Reject All the old one, word by word, with the author', () => {
    const p = project();
    copyFileSync(p.md, join(p.dir, 'round1.md'));
    writeFileSync(join(p.dir, 'agreement.yaml'), read(join(p.dir, 'agreement.yaml')).replace('personnelExchange: true', 'personnelExchange: false').replace('arbitrators: 3', 'arbitrators: 5'));
    expect(run(['draft', 'agreement.yaml'], { cwd: p.dir }).code).toBe(0);
    const r = run(['redline', 'round1.md', 'agreement.md', '--format', 'docx', '--out', 'changes.docx', '--author', 'Treaty Office'], { cwd: p.dir });
    expect(r.code).toBe(0);
    for (const [md, out] of [['round1.md', 'old.docx'], ['agreement.md', 'new.docx']] as const) expect(run(['export', md, '--format', 'docx', '--no-notes', '--out', out], { cwd: p.dir }).code).toBe(0);
    const body = (ps: { text: string; toc?: boolean | undefined }[]) => ps.filter((x) => !x.toc && x.text.trim() !== '').map((x) => x.text);
    const red = readDocx(readFileSync(join(p.dir, 'changes.docx')));
    const text = (f: string) => body(readDocx(readFileSync(join(p.dir, f))).paragraphs);
    const accepted = body(red.paragraphs.map((x) => ({ ...x, text: x.text })));
    const rejected = body(red.paragraphs.map((x) => ({ ...x, text: x.original })));
    expect(accepted.slice(1)).toEqual(text('new.docx').slice(1));
    expect(rejected.slice(1)).toEqual(text('old.docx').slice(1));
    const changed = red.paragraphs.find((x) => x.runs.some((r) => r.change?.kind === 'ins' && r.text.includes('five')))!;
    expect(changed.runs.find((r) => r.change?.kind === 'del')).toMatchObject({ text: 'three', change: { author: 'Treaty Office' } });
    // The removed article is there, deleted, heading and all.
    expect(red.paragraphs.some((x) => x.original.includes('Exchange of Personnel') && x.text === '' && x.mark?.kind === 'del')).toBe(true);
  });

  it('refuses a draft with pending CriticMarkup or conflict markers, with a message', () => {
    const p = project();
    copyFileSync(p.md, join(p.dir, 'round1.md'));
    writeFileSync(p.md, read(p.md).replace('three arbitrators', '{~~three~>five~~} arbitrators'));
    const r = run(['redline', 'round1.md', 'agreement.md', '--format', 'docx', '--out', 'changes.docx'], { cwd: p.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/agreement\.md holds pending changes or comments \(CriticMarkup\)/);
    expect(r.stderr).toMatch(/agreement\.md:\d+:1: pending CriticMarkup/);
    expect(existsSync(join(p.dir, 'changes.docx'))).toBe(false);
  });
});

describe('the negotiation round trip (built binary)', () => {
  it('export, counsel edits with track changes and a comment, import, check, export again, import again: nothing lost', () => {
    const p = project();
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: p.dir }).code).toBe(0);
    wordEdit(p.docx, (xml) => {
      const at = xml.indexOf('three arbitrators');
      const start = xml.lastIndexOf('<w:r>', at);
      const end = xml.indexOf('</w:r>', at) + 6;
      const t = /<w:t[^>]*>([\s\S]*?)<\/w:t>/.exec(xml.slice(start, end))![1]!;
      const [before, after] = t.split('three');
      const r = (s: string) => `<w:r><w:t xml:space="preserve">${s}</w:t></w:r>`;
      return `${xml.slice(0, start)}${r(before!)}<w:del w:id="91" w:author="Ana Souza" ${DATE}><w:r><w:delText>three</w:delText></w:r></w:del><w:ins w:id="92" w:author="Ana Souza" ${DATE}>${r('five')}</w:ins>${r(after!)}${xml.slice(end)}`.replace(
        'The Parties shall share the costs',
        'The Parties shall share all the costs',
      );
    });
    const imp = run(['import', 'agreement.docx'], { cwd: p.dir });
    expect(imp.code).toBe(0);
    expect(imp.stderr).toMatch(/Article 7 +changed: 1 edited/);
    expect(imp.stderr).toMatch(/Article 18 +changed: 1 edited, 2 pending changes/);
    const md = read(p.md);
    expect(md).toContain('The Parties shall share all the costs');
    expect(md).toContain('consist of {~~three~>five~~}{>>@Ana Souza<<} arbitrators');
    const check = run(['check', 'agreement.md', '--json'], { cwd: p.dir });
    const findings = JSON.parse(check.stdout).findings as { rule: string; severity: string; message: string }[];
    expect(findings.find((f) => f.rule === 'pending-change')).toMatchObject({ severity: 'warning', message: expect.stringContaining('by Ana Souza') });
    // The Word file is now an input of the draft; exporting again replaces it only with --overwrite.
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: p.dir }).code).toBe(2);
    expect(run(['export', 'agreement.md', '--format', 'docx', '--overwrite'], { cwd: p.dir }).code).toBe(0);
    const again = readDocx(readFileSync(p.docx));
    const para = again.paragraphs.find((x) => x.text.includes('five arbitrators'))!;
    expect(para.original).toContain('three arbitrators');
    expect(para.runs.find((r) => r.change?.kind === 'ins')!.change!.author).toBe('Ana Souza');
    // Importing the re-exported file changes nothing: the pending change travelled and came back whole.
    expect(run(['import', 'agreement.docx'], { cwd: p.dir }).code).toBe(0);
    expect(read(p.md)).toBe(md);
    // Regenerating after a terms change keeps the pending change as hand-written text.
    writeFileSync(join(p.dir, 'agreement.yaml'), read(join(p.dir, 'agreement.yaml')).replace('personnelExchange: true', 'personnelExchange: false'));
    expect(run(['draft', 'agreement.yaml'], { cwd: p.dir }).code).toBe(0);
    expect(read(p.md)).toContain('consist of {~~three~>five~~}{>>@Ana Souza<<} arbitrators');
    expect(read(p.md)).not.toContain('## Article 16 — Exchange of Personnel');
  });

  it('import refuses a Word file spacecoop did not export, with a message and nothing written', () => {
    const p = project();
    writeFileSync(join(p.dir, 'other.docx'), 'not a zip');
    const md = read(p.md);
    const r = run(['import', 'other.docx', '--into', 'agreement.md'], { cwd: p.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('other.docx is not a Word document (.docx)');
    expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(read(p.md)).toBe(md);
  });
});

describe('import: options and refusals (built binary)', () => {
  it('--dry-run reports and writes nothing; --into a file spacecoop did not write is refused', () => {
    const p = project();
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: p.dir }).code).toBe(0);
    wordEdit(p.docx, (xml) => xml.replace('three arbitrators', 'five arbitrators'));
    const md = read(p.md);
    const dry = run(['import', 'agreement.docx', '--dry-run'], { cwd: p.dir });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toMatch(/Article 18 +would change: 1 edited/);
    expect(dry.stderr).toContain('dry run: nothing was written');
    expect(read(p.md)).toBe(md);
    writeFileSync(join(p.dir, 'notes.md'), '# My notes\n');
    const foreign = run(['import', 'agreement.docx', '--into', 'notes.md'], { cwd: p.dir });
    expect(foreign.code).toBe(2);
    expect(foreign.stderr).toContain('notes.md was not written by spacecoop; nothing is imported into it');
    expect(read(join(p.dir, 'notes.md'))).toBe('# My notes\n');
  });
});

describe('CriticMarkup typed literally in the terms is text (built binary)', () => {
  it.each([
    ['a party name', 'name: China National Space Administration', 'name: "China {++National++} Space {>>x<<} Administration"', 'China {++National++} Space {>>x<<} Administration'],
    ['a project name', 'name: CBERS-6', 'name: "CBERS-{~~6~>7~~}"', 'CBERS-{~~6~>7~~}'],
  ])('in %s: check finds no pending change, Word shows it as typed, the redline accepts the draft', (_n, from, to, shown) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'agreement.yaml'), read(CBERS).replace(from, to));
    expect(read(join(dir, 'agreement.yaml'))).toContain(to);
    expect(run(['draft', 'agreement.yaml'], { cwd: dir }).code).toBe(0);
    const findings = JSON.parse(run(['check', 'agreement.md', '--json'], { cwd: dir }).stdout).findings as { rule: string }[];
    expect(findings.filter((f) => f.rule === 'pending-change' || f.rule === 'merge-conflict')).toEqual([]);
    expect(run(['export', 'agreement.md', '--format', 'docx'], { cwd: dir }).code).toBe(0);
    const doc = readDocx(readFileSync(join(dir, 'agreement.docx')));
    expect(doc.paragraphs.some((x) => x.text.includes(shown))).toBe(true);
    expect(doc.paragraphs.some((x) => x.runs.some((r) => r.change)) || doc.comments.length > 0).toBe(false);
    copyFileSync(join(dir, 'agreement.md'), join(dir, 'round1.md'));
    expect(run(['redline', 'round1.md', 'agreement.md'], { cwd: dir }).code).toBe(0);
  });
});
