import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, read, ROOT, run, tempDir } from '../helpers/run.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'review');

describe('spacecoop check (built binary)', () => {
  it.each(EXAMPLES.map((f) => [basename(f), f]))('%s checks with no error (exit 0)', (_name, file) => {
    const r = run(['check', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`(passes|clean): .*${basename(file)} \\(terms\\)`));
    expect(r.stdout).not.toMatch(/^error /m);
  });

  it.each(EXAMPLES.map((f) => [basename(f), f]))('the draft of %s checks with no error (exit 0)', (_name, file) => {
    const dir = tempDir();
    const out = join(dir, 'draft.md');
    expect(run(['draft', file, '--out', out]).code).toBe(0);
    const r = run(['check', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(draft)');
  });

  it('a deliberately inconsistent terms file exits 1 and names the rule, the field, the fix and the source', () => {
    const r = run(['check', join(FIXTURES, 'waiver-flow-down', 'terms.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[waiver-flow-down]');
    expect(r.stdout).toMatch(/terms\.yaml:\d+ .*liability\.flowDown|liability\.flowDown: is false/);
    expect(r.stdout).toContain('fix: Set `liability.flowDown: true`');
    expect(r.stdout).toContain('source: 14 CFR 1266.104 (1266.102 for the ISS)');
    expect(r.stdout).toMatch(/fails: .* 1 error/);
  });

  it('a ground-stations cooperation with no station and host is an error, and the draft shows the blank', () => {
    const r = run(['check', join(FIXTURES, 'ground-station-without-facility', 'terms.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[ground-station-without-facility]');
    expect(r.stdout).toContain('cooperation.facilities');
    const d = run(['draft', join(FIXTURES, 'ground-station-without-facility', 'terms.yaml'), '--out', '-']);
    expect(d.stdout).toMatch(/## Article \d+ — Ground Facilities on the Territory of the Other Party\n\n1\. The Parties shall establish and operate \[●\]/);
  });

  it('an overlay that lets agencies allocate crew and criminal jurisdiction, or return crew to the other party, fails the check', () => {
    for (const rule of ['crew-jurisdiction-level', 'rescue-return']) {
      const dir = join(FIXTURES, rule);
      expect(run(['check', join(dir, 'terms.yaml')]).stdout).not.toContain(`[${rule}]`);
      const r = run(['check', join(dir, 'terms.yaml'), '--clauses', join(dir, 'clauses')]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(`[${rule}]`);
    }
  });

  it('--clauses overlays the library before the review', () => {
    const dir = join(FIXTURES, 'waiver-keeps-convention');
    expect(run(['check', join(dir, 'terms.yaml')]).code).toBe(0);
    const r = run(['check', join(dir, 'terms.yaml'), '--clauses', join(dir, 'clauses')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[waiver-keeps-convention]');
  });

  it('--json prints a stable document for CI', () => {
    const r = run(['check', join(FIXTURES, 'registering-not-launching', 'terms.yaml'), '--json']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['file', 'kind', 'summary', 'findings']);
    expect(report.kind).toBe('terms');
    expect(report.summary.errors).toBeGreaterThan(0);
    const f = report.findings.find((x: { rule: string }) => x.rule === 'registering-not-launching');
    expect(f).toMatchObject({ severity: 'error', where: 'jurisdiction.registeringParty' });
    expect(typeof f.line).toBe('number');
    for (const x of report.findings) expect(Object.keys(x)).toEqual(expect.arrayContaining(['rule', 'severity', 'message', 'fix', 'source']));
  });

  it('a hand-edited draft with a conflict and a removed article exits 1', () => {
    const dir = tempDir();
    const out = join(dir, 'draft.md');
    run(['draft', EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!, '--out', out]);
    const edited = read(out)
      .replace(/<!-- spacecoop:clause liability\/cross-waiver -->[\s\S]*?<!-- \/spacecoop:clause -->\n/, '')
      .replace('The objectives of the Cooperative Activities are:', 'The objectives of the Cooperative Activities are:\n<<<<<<< your edit\nmine\n=======\ntheirs\n>>>>>>> regenerated');
    writeFileSync(out, edited);
    const r = run(['check', out, '--json']);
    expect(r.code).toBe(1);
    const rules = JSON.parse(r.stdout).findings.map((x: { rule: string }) => x.rule);
    expect(rules).toEqual(expect.arrayContaining(['missing-key-provision', 'merge-conflict', 'broken-reference']));
  });

  it('exits 2 for unreadable input, with no findings printed', () => {
    const dir = tempDir();
    const missing = run(['check', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such');
    expect(missing.stdout).toBe('');
    mkdirSync(join(dir, 'folder'));
    expect(run(['check', join(dir, 'folder')]).code).toBe(2);
    writeFileSync(join(dir, 'bad.yaml'), 'form: treaty\nparties: []\n');
    const bad = run(['check', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.yaml');
  });
});
