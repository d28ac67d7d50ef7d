import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { stripMarkers } from '../helpers/foreign.js';
import { BIN, EXAMPLES, ROOT, run, tempDir } from '../helpers/run.js';

const FOREIGN = join(ROOT, 'test', 'fixtures', 'foreign');
const CASES = readdirSync(FOREIGN).filter((d) => statSync(join(FOREIGN, d)).isDirectory());

interface Expected {
  binding: boolean;
  exit: number;
  scorecard: Record<string, { status: string; article: string | null }>;
  mismatches: number;
  rules: string[];
}

describe('spacecoop check on the other side\'s text (built binary)', () => {
  const table = CASES.flatMap((c) => ['md', 'txt', 'docx'].map((ext) => [c, ext] as const));
  it.each(table)('%s as .%s scores as expected', (name, ext) => {
    const expected = JSON.parse(readFileSync(join(FOREIGN, name, 'expected.json'), 'utf8')) as Expected;
    const r = run(['check', join(FOREIGN, name, `text.${ext}`), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(expected.exit);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['file', 'kind', 'structure', 'title', 'scorecard', 'character', 'summary', 'findings', 'notJudged']);
    expect(report.kind).toBe('text');
    expect(Object.fromEntries(report.scorecard.map((e: { provision: string; status: string; article: string | null }) => [e.provision, { status: e.status, article: e.article }]))).toEqual(expected.scorecard);
    for (const e of report.scorecard) {
      expect(Object.keys(e)).toEqual(['provision', 'name', 'status', 'article', 'line', 'evidence', 'lacks', 'specificWhen', 'suggest']);
      if (e.status === 'missing') expect(e.evidence).toBeNull();
      else expect(readFileSync(join(FOREIGN, name, 'text.md'), 'utf8').replace(/\s+/g, ' ')).toContain(e.evidence);
      if (e.status === 'specific') expect(e.suggest).toBeNull();
      else expect(e.suggest.clauses.length).toBeGreaterThan(0);
    }
    expect(report.character.binding).toBe(expected.binding);
    expect(report.character.mismatches).toHaveLength(expected.mismatches);
    const rules = report.findings.map((f: { rule: string }) => f.rule);
    if (expected.rules.length === 0) expect(rules).toEqual([]);
    else expect(rules).toEqual(expect.arrayContaining(expected.rules));
  });

  it('the screen shows the scorecard first, with article, evidence, what is lacking and the clauses that would fill it', () => {
    const r = run(['check', join(FOREIGN, 'goodwill-memorandum', 'text.md')]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/read as an agreement text .* 7 parts by its "Article N" lines/);
    const card = lines.indexOf('Section 4.4 scorecard');
    expect(card).toBeGreaterThan(0);
    expect(card).toBeLessThan(lines.findIndex((l) => l.startsWith('The instrument as its text shows it')));
    expect(r.stdout).toMatch(/^missing {3}registration, jurisdiction and control$/m);
    expect(r.stdout).toMatch(/^vague {5}settlement of disputes — Article 6 \(line 41\)$/m);
    expect(r.stdout).toContain('“Any difference concerning the interpretation or implementation of this Memorandum will be resolved amicably through friendly consultations between the Participants.”');
    expect(r.stdout).toMatch(/clauses: disputes\/consultation, disputes\/mediation \(spacecoop clauses show ID\)/);
    expect(r.stdout).toContain('decided by: disputes.steps, disputes.consultationDays');
    expect(r.stdout).toContain('mismatch: a Memorandum of Understanding that “enters into force”');
    expect(r.stdout).toContain('Not judged from the text alone');
    expect(r.stdout).toMatch(/fails: .* \(text\): 2 missing, 2 vague, 0 specific; 3 errors/);
  });

  it('the issue\'s memorandum with "## Article 1" headings is reviewed as text, not as YAML', () => {
    const dir = tempDir();
    const file = join(dir, 'their-draft.md');
    writeFileSync(file, '# Memorandum of Understanding on Space Cooperation\n\n## Article 1\n\nThe Participants will cooperate in space science.\n\n## Article 2\n\nThis Memorandum will come into effect on signature.\n');
    const r = run(['check', file]);
    expect(r.stdout).not.toMatch(/YAML/);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('(text): 4 missing');
    // A memorandum that leaves all four out is poor, but not an error: it binds no one.
    expect(r.code).toBe(0);
  });

  it('a binding text that leaves a provision out exits 1 even with no error finding', () => {
    const dir = tempDir();
    const file = join(dir, 'theirs.txt');
    writeFileSync(file, 'AGREEMENT BETWEEN A AGENCY AND B AGENCY\n\nArticle 1 — Objective\n\nThe Parties shall cooperate in space science.\n\nArticle 2 — Entry into Force\n\nThis Agreement shall enter into force on signature.\n');
    const r = run(['check', file, '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
    expect(report.summary.missing).toBe(4);
    expect(r.code).toBe(1);
  });

  it.each(EXAMPLES.map((f) => [f.replace(/.*\//, '')]))('the draft of %s, markers and notes stripped, scores specific on all four', (example) => {
    const dir = tempDir();
    const draft = join(dir, 'draft.md');
    expect(run(['draft', join(ROOT, 'examples', example), '--out', draft]).code).toBe(0);
    const theirs = join(dir, 'as-sent.md');
    writeFileSync(theirs, stripMarkers(readFileSync(draft, 'utf8')));
    const r = run(['check', theirs, '--json']);
    const report = JSON.parse(r.stdout);
    expect(report.kind).toBe('text');
    expect(report.scorecard.map((e: { status: string }) => e.status)).toEqual(['specific', 'specific', 'specific', 'specific']);
  });

  it('a terms file saved as .txt is still checked as a terms file', () => {
    const dir = tempDir();
    const file = join(dir, 'terms.txt');
    writeFileSync(file, readFileSync(EXAMPLES[0]!, 'utf8'));
    const r = run(['check', file]);
    expect(r.stdout).toMatch(/\(terms\)/);
  });

  it('a .docx that is not a Word document, a PDF, Latin-1 and UTF-16 text and a binary each exit 2 and say what they are', () => {
    const dir = tempDir();
    const cases: [string, Buffer, RegExp][] = [
      ['broken.docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x77, 0x6f, 0x72, 0x64, 0x2f]), /not a Word document|zip/],
      ['scan.pdf', Buffer.from('%PDF-1.4\n%\xe2\xe3\n', 'latin1'), /a PDF file/],
      ['latin1.txt', Buffer.from('Acuerdo de cooperaci\xf3n espacial\n', 'latin1'), /not UTF-8 text .*Latin-1/],
      ['utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Article 1', 'utf16le')]), /UTF-16 text/],
      ['program.md', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), /binary file/],
      ['empty.md', Buffer.from(' \n\n'), /is empty/],
    ];
    for (const [name, bytes, message] of cases) {
      writeFileSync(join(dir, name), bytes);
      const r = run(['check', join(dir, name)]);
      expect(r.code, name).toBe(2);
      expect(r.stdout, name).toBe('');
      expect(r.stderr, name).toMatch(message);
      expect(r.stderr, name).not.toMatch(/\n\s+at /);
    }
  });

  it('a named pipe exits 2 at once instead of waiting for a writer', () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const r = spawnSync(process.execPath, [BIN, 'check', fifo], { encoding: 'utf8', timeout: 10_000, env: { ...process.env, NO_COLOR: '1' } });
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('a named pipe');
  });

  // One test per example: each drafts to Word and checks it in two runs of the CLI, well inside the time a test has.
  it.each(EXAMPLES.map((f) => f.split(/[\\/]/).pop()!))('the Word copy of %s passes check: the annex of drafting notes is not read as text, and neither a termination nor a survival clause elsewhere misleads it', (example) => {
    // The drafting notes explain the rules ("only an instrument between Governments ... can grant
    // exemption from customs duties"); read as operative text they were flagged as the text's own.
    const dir = tempDir();
    const terms = join(dir, example);
    writeFileSync(terms, readFileSync(join(ROOT, 'examples', example)));
    expect(run(['draft', terms, '--format', 'docx']).code, example).toBe(0);
    const docx = terms.replace(/\.yaml$/, '.docx');
    const report = JSON.parse(run(['check', docx, '--json']).stdout);
    expect(report.summary.errors, `${example}: ${JSON.stringify(report.findings.filter((f: { severity: string }) => f.severity === 'error'))}`).toBe(0);
    expect(JSON.stringify(report.findings)).not.toMatch(/Drafting notes|Annex: Drafting/);
  });

  it('a Word file with a tracked insertion is read with the insertion accepted', async () => {
    const dir = tempDir();
    const file = join(dir, 'theirs.docx');
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Agreement between the X Agency and the Y Agency', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Article 1 — Settlement of Disputes', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'A dispute shall be referred to the Joint Committee; if it is not settled within ninety days, it shall be settled through diplomatic channels.' }),
            new Paragraph({ text: 'Article 2 — Entry into Force', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'This Agreement shall enter into force on signature.' }),
          ],
        },
      ],
    });
    writeFileSync(file, await Packer.toBuffer(doc));
    const report = JSON.parse(run(['check', file, '--json']).stdout);
    expect(report.title).toBe('Agreement between the X Agency and the Y Agency');
    expect(report.scorecard.find((e: { provision: string }) => e.provision === 'disputes')).toMatchObject({ status: 'specific', article: 'Article 1' });
    expect(report.character.entryIntoForce.article).toBe('Article 2');
  });
});
