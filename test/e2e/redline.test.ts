import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, read, run, tempDir } from '../helpers/run.js';

const CBERS = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;

describe('spacecoop redline (built binary)', () => {
  const dir = tempDir();
  copyFileSync(CBERS, join(dir, 'a.yaml'));
  run(['draft', 'a.yaml', '--out', 'round1.md'], { cwd: dir });
  writeFileSync(join(dir, 'a.yaml'), read(join(dir, 'a.yaml')).replace('personnelExchange: true', 'personnelExchange: false').replace('arbitrators: 3', 'arbitrators: 5'));
  run(['draft', 'a.yaml', '--out', 'round2.md'], { cwd: dir });

  it('prints the redline of a round: summary first, then each article with CriticMarkup', () => {
    const r = run(['redline', 'round1.md', 'round2.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Redline: Protocol between/);
    expect(r.stdout).toContain('- Articles removed (1): former Article 16 — Exchange of Personnel');
    expect(r.stdout).toMatch(/- Changed \(\d+\): .*Article 17 — Settlement of Disputes \(was Article 18\)/);
    expect(r.stdout).toContain('{~~three~>five~~} arbitrators');
    expect(r.stdout).toContain('## Former Article 16 — Exchange of Personnel (removed)');
    // Amendment moved from 19 to 18 and its reference followed: no change is shown.
    expect(r.stdout).toMatch(/- Renumbered only \(\d+\): .*Article 19 — Amendment \(was Article 20\)/);
    expect(r.stderr).toMatch(/0 added, 1 removed, \d+ changed, \d+ unchanged/);
  });

  it('--out writes the redline to a file', () => {
    const r = run(['redline', 'round1.md', 'round2.md', '--out', 'changes.md'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'changes.md'), 'utf8')).toMatch(/^# Redline: /);
  });

  it('refuses a file spacecoop did not write, and a missing one', () => {
    writeFileSync(join(dir, 'mine.md'), '# My notes\n');
    const mine = run(['redline', 'mine.md', 'round2.md'], { cwd: dir });
    expect(mine.code).toBe(2);
    expect(mine.stderr).toContain('mine.md was not written by spacecoop');
    expect(run(['redline', 'nope.md', 'round2.md'], { cwd: dir }).code).toBe(2);
  });
});
