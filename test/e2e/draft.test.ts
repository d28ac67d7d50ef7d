import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, EXAMPLES, lintMarkdown, read, ROOT, run, tempDir } from '../helpers/run.js';

describe('spacecoop draft (built binary)', () => {
  it.each(EXAMPLES.map((f) => [basename(f), f]))('drafts %s: numbered articles, the four provisions, lint-clean', (_name, file) => {
    const dir = tempDir();
    const out = join(dir, 'draft.md');
    const r = run(['draft', file, '--out', out]);
    expect(r.stderr).toContain(`wrote ${out}`);
    expect(r.code).toBe(0);
    const md = read(out);
    expect(md.startsWith('<!-- spacecoop:draft v1 -->\n# ')).toBe(true);
    const numbers = [...md.matchAll(/^## Article (\d+) — /gm)].map((m) => Number(m[1]));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    // A contract states the four provisions in its own terms (procured registration, a licence to operate, a launch-phase allocation).
    expect(md).toMatch(/^## Article \d+ — Registration, (Jurisdiction and Control|Authorisation and Supervision)$/m);
    expect(md).toMatch(/^## Article \d+ — Intellectual Property and (Confidentiality|Licence to Operate)$/m);
    expect(md).toMatch(/^## Article \d+ — (Cross-Waiver of Liability|Liability|Allocation of Liability)$/m);
    expect(md).toMatch(/^## Article \d+ — Settlement of Disputes$/m);
    expect(md).toContain('## Drafting notes for review');
    expect(md).not.toMatch(/\{\{|undefined|\[object Object\]|\uE000/);
    expect(lintMarkdown(md)).toBe('');
  });

  it('writes beside the terms file when --out is not given', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'agreement.yaml'), read(EXAMPLES[0]!));
    const r = run(['draft', 'agreement.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'agreement.md'))).toBe(true);
  });

  it('writes to stdout with --out -, diagnostics to stderr', () => {
    const r = run(['draft', EXAMPLES[0]!, '--out', '-']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^<!-- spacecoop:draft v1 -->/);
    expect(r.stderr).not.toContain('<!--');
  });

  it('--no-notes leaves the drafting notes out', () => {
    const r = run(['draft', EXAMPLES[0]!, '--out', '-', '--no-notes']);
    expect(r.stdout).not.toContain('Drafting notes');
    expect(lintMarkdown(r.stdout)).toBe('');
  });

  it('never overwrites a file spacecoop did not write', () => {
    const dir = tempDir();
    const out = join(dir, 'mine.md');
    writeFileSync(out, '# My own notes\n');
    const r = run(['draft', EXAMPLES[0]!, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('was not written by spacecoop');
    expect(read(out)).toBe('# My own notes\n');
  });

  it.each(['docx', 'html'])('replaces a .%s it wrote, never one it did not', (format) => {
    const dir = tempDir();
    const out = join(dir, `agreement.${format}`);
    expect(run(['draft', EXAMPLES[0]!, '--format', format, '--draft', join(dir, 'agreement.md'), '--out', out]).code).toBe(0);
    expect(run(['draft', EXAMPLES[0]!, '--format', format, '--draft', join(dir, 'agreement.md'), '--out', out]).code).toBe(0);
    const theirs = join(dir, `theirs.${format}`);
    writeFileSync(theirs, 'not ours');
    const r = run(['draft', EXAMPLES[0]!, '--format', format, '--draft', join(dir, 'agreement.md'), '--out', theirs]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('was not written by spacecoop');
    expect(read(theirs)).toBe('not ours');
  });

  it('reports the review after drafting, with the hint to run check', () => {
    const dir = tempDir();
    // Two Governments, in force on signature: a warning (entry into force needs their internal procedures).
    writeFileSync(join(dir, 'terms.yaml'), `form: agreement\n${GOOD_PARTIES}entryIntoForce: signature\n`);
    const r = run(['draft', 'terms.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/check: .*1 warning.* — run `spacecoop check terms\.yaml`/);
  });

  it('counts open points in the singular when there is one, on every path that reports them', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'terms.yaml'),
      `form: framework-agreement
parties:
  - { id: a, name: Aldera Space Agency, state: Republic of Aldera, signatory: { name: Ana Alder, title: Director General } }
  - { id: b, name: Borduria Space Agency, state: Kingdom of Borduria, signatory: { name: Boris Bord, title: President } }
cooperation:
  areas: [space-science]
  responsibilities: [{ party: a, tasks: [build the instrument] }, { party: b, tasks: [analyse the data] }]
disputes: { steps: [consultation] }
signing: { place: Alderburg }
`,
    );
    const written = run(['draft', 'terms.yaml'], { cwd: dir });
    expect(written.stderr).toMatch(/\b1 open point \(see the drafting notes\)/);
    const piped = run(['draft', 'terms.yaml', '--out', '-'], { cwd: dir });
    expect(piped.stderr).toContain('1 open point: see the drafting notes');
    expect(piped.stderr).not.toMatch(/1 open points/);
  });

  it('prints the JSON Schema of the terms file', () => {
    const r = run(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.liability.properties.regime.enum).toEqual(expect.arrayContaining(['cross-waiver', 'convention-only']));
    expect(schema.required).toEqual(expect.arrayContaining(['form', 'parties']));
    expect(schema.additionalProperties).toBe(false);
  });

  it('keeps schema/terms.schema.json, which the examples point editors to, in step with the loader', () => {
    expect(read(join(ROOT, 'schema', 'terms.schema.json'))).toBe(run(['schema']).stdout);
  });
});

const GOOD_PARTIES = `parties:
  - { id: a, name: Aldera Space Agency, state: Republic of Aldera }
  - { id: b, name: Borduria Space Agency, state: Kingdom of Borduria }
`;

describe('bad input: exit 2, a located message, no file written', () => {
  const cases: [string, string, RegExp][] = [
    ['enum typo', `form: agreement\n${GOOD_PARTIES}liability:\n  regime: cross-waver\n`, /terms\.yaml:6:11: liability\.regime: `cross-waver` is not allowed: did you mean `cross-waiver`\?/],
    ['unknown key', `form: agreement\n${GOOD_PARTIES}langauges: [en]\n`, /terms\.yaml:5:1: langauges: unknown key `langauges`: did you mean `languages`\?/],
    ['three parties', `form: agreement\n${GOOD_PARTIES}  - { id: c, name: Third }\n`, /terms\.yaml:5:\d+: parties\[2\]: a bilateral instrument has exactly two parties; this file lists 3/],
    ['dangling handle', `form: agreement\n${GOOD_PARTIES}cooperation:\n  launch: { launchingParty: c }\n`, /terms\.yaml:6:\d+: cooperation\.launch\.launchingParty: `c` is not a party handle/],
    ['YAML syntax error', `form: agreement\nparties:\n  - id: a\n   name: x\n`, /terms\.yaml:\d+:\d+: YAML syntax/],
    ['empty file', '', /terms\.yaml:1:1: the file is empty/],
    ['__proto__ key', `form: agreement\n${GOOD_PARTIES}__proto__: { polluted: true }\n`, /terms\.yaml:5:1: __proto__: the key `__proto__` is not allowed/],
    ['missing parties', 'form: agreement\n', /parties: is required/],
  ];
  it.each(cases)('%s', (_name, yaml, message) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'terms.yaml'), yaml);
    const r = run(['draft', 'terms.yaml', '--out', 'out.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(readdirSync(dir)).toEqual(['terms.yaml']);
  });

  it('a missing terms file', () => {
    const r = run(['draft', 'nope.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.yaml: no such terms file');
  });

  it('an unknown command or option is a usage error', () => {
    expect(run(['drfat']).code).toBe(2);
    expect(run(['draft', EXAMPLES[0]!, '--bogus']).code).toBe(2);
  });

  it('a clause overlay that is a symbolic link is refused', () => {
    const dir = tempDir();
    const overlay = join(dir, 'clauses');
    const topic = join(overlay, 'liability');
    mkdirSync(topic, { recursive: true });
    symlinkSync('/etc/hostname', join(topic, 'evil.hbs'));
    const r = run(['draft', EXAMPLES[0]!, '--out', '-', '--clauses', overlay]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not symbolic links');
  });
});

describe('hostile party names come out literally', () => {
  it.each([
    ['template syntax', '{{form}} {{#each parties}}x{{/each}}', /\{\{form\}\}/],
    ['HTML', '<script>alert(1)</script>', /<script>/],
    ['a heading', '# Not a heading', /^# Not a heading/m],
    ['a link', '[x](https://example.com)', /\[x\]\(https:/],
  ])('%s', (_name, hostile, raw) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'terms.yaml'), `form: agreement\nparties:\n  - id: a\n    name: ${JSON.stringify(hostile)}\n  - { id: b, name: Borduria }\n`);
    const r = run(['draft', 'terms.yaml', '--out', '-'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(raw);
    expect(r.stdout).not.toContain('agreement x'); // never evaluated as a template
    expect(lintMarkdown(r.stdout)).toBe('');
  });
});

describe('output to a pipe', () => {
  it('when the reader closes the pipe early (| head): the part read is whole lines, and the exit code is never 0 unless all was written', () => {
    const r = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} draft ${JSON.stringify(EXAMPLES[0]!)} --out - | head -n 1; echo "rc=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stdout).toBe('<!-- spacecoop:draft v1 -->\n');
    expect(r.stderr).not.toMatch(/internal error|at .*:\d+:\d+/);
    // All of it fits in the pipe's buffer (exit 0), or the writer saw the pipe close (exit 2, said so).
    expect(r.stderr).toMatch(/rc=0|rc=2/);
    if (r.stderr.includes('rc=2')) expect(r.stderr).toMatch(/cannot write to standard output/);
  });
});

describe('a draft saved with a byte-order mark', () => {
  it('is still recognised as spacecoop\'s by draft and check', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'agreement.yaml'), read(EXAMPLES[0]!));
    expect(run(['draft', 'agreement.yaml'], { cwd: dir }).code).toBe(0);
    writeFileSync(join(dir, 'agreement.md'), `\uFEFF${read(join(dir, 'agreement.md'))}`);
    expect(run(['draft', 'agreement.yaml'], { cwd: dir }).stderr).toContain('agreement.md is up to date');
    expect(run(['check', 'agreement.md'], { cwd: dir }).stdout).toContain('agreement.md (draft)');
  });
});
