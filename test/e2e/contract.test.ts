import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, read, ROOT, run, tempDir } from '../helpers/run.js';

/** A sale drafted as a treaty, and the same deal drafted as a contract, through the built binary. */
const LEO_TREATY = join(ROOT, 'test', 'interview', 'leo-treaty.yaml');

describe('spacecoop check on sales (built binary)', () => {
  it('warns when a treaty form is used for a sale, and says to use form: contract', () => {
    const r = run(['check', LEO_TREATY]);
    expect(r.code).toBe(0); // a warning, not an error
    expect(r.stdout).toMatch(/^warning .*leo-treaty\.yaml:\d+ \[sale-as-treaty\]/m);
    expect(r.stdout).toContain('Aryavarta launches the Taifa-2 satellite, which KSA owns');
    expect(r.stdout).toContain('Use `form: contract`');
  });

  it('warns for a state enterprise that builds a satellite for a Government under an agreement, too', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'terms.yaml'),
      `form: agreement
parties:
  - { id: gov, name: Government of the Republic of Aldera, state: Republic of Aldera, type: government }
  - { id: se, name: Borduria Aerospace Corporation, state: Kingdom of Borduria, type: state-enterprise }
cooperation:
  spaceObjects: [ { name: Aldera-1 satellite, ownedBy: [gov], builtBy: se } ]
`,
    );
    const r = run(['check', 'terms.yaml'], { cwd: dir });
    expect(r.stdout).toMatch(/\[sale-as-treaty\]/);
    expect(r.stdout).toContain('builds the Aldera-1 satellite for');
  });

  it.each(EXAMPLES.map((f) => [basename(f), f]))('is quiet on %s', (_name, file) => {
    const r = run(['check', file]);
    expect(r.stdout).not.toContain('[sale-as-treaty]');
    expect(r.stdout).not.toContain('[treaty-formula-in-contract]');
  });

  it('a contract draft edited back into treaty language is an error in check', () => {
    const dir = tempDir();
    const out = join(dir, 'leo.md');
    expect(run(['draft', join(ROOT, 'examples', 'leo-delivery.yaml'), '--out', out]).code).toBe(0);
    writeFileSync(out, read(out).replace('takes effect on the Effective Date', 'shall enter into force on the date of its signature'));
    const r = run(['check', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/\[treaty-formula-in-contract\][\s\S]*a contract uses entry into force/);
  });
});
