import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasScript, session } from '../helpers/pty.js';
import { run, tempDir } from '../helpers/run.js';

describe('spacecoop new (built binary)', () => {
  it('without a terminal: exit 2, says to use `spacecoop draft TERMS`, writes nothing', () => {
    const dir = tempDir();
    const r = run(['new'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('stdin is not one');
    expect(r.stderr).toContain('spacecoop draft TERMS');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!hasScript)('in a terminal: answers typed and Enter on the rest give a terms file and a draft', async () => {
    const dir = tempDir();
    const s = session(['new'], dir);
    const answers: [RegExp, string][] = [
      [/\? Full official name of the first party.*/, 'Aldera Space Agency\r'],
      [/\? Short name used in the text \(ASA\)/, '\r'],
      [/\? State of ASA.*/, 'Republic of Aldera\r'],
      [/\? What kind of body is ASA\?/, '\r'],
      [/\? Title of ASA's signatory.*/, 'Director General\r'],
      [/\? Name of ASA's signatory.*/, '\r'],
      [/\? Full official name of the second party.*/, 'Borduria Space Agency\r'],
      [/\? Short name used in the text \(BSA\)/, '\r'],
      [/\? State of BSA.*/, 'Kingdom of Borduria\r'],
      [/\? What kind of body is BSA\?/, '\r'],
      [/\? Title of BSA's signatory.*/, '\r'],
      [/\? Name of BSA's signatory.*/, '\r'],
      [/\? Which form of instrument\?/, '\r'],
      [/\? Earlier instruments between the parties.*/, '\r'],
      [/\? Areas of cooperation.*/, ' \r'], // tick the first area
      [/\? Project name.*/, '\r'],
      [/\? Objectives.*/, '\r'],
      [/\? Does a party launch.*/, '\r'],
      [/\? Space objects.*/, '\r'],
      [/\? Do export-controlled.*/, '\r'],
      [/\? Are personnel exchanged.*/, '\r'],
      [/\? How are the costs borne\?/, '\r'],
      [/\? Implementing entities.*/, '\r'],
      [/\? Tasks of ASA.*/, 'build the satellite\r'],
      [/\? Tasks of BSA.*/, '\r'],
      [/\? Who owns the results.*/, '\r'],
      [/\? Years that information.*/, '\r'],
      [/Recommended: convention only\..*/, ''],
      [/\? Liability between the parties.*/, '\r'],
      [/\? How are disputes settled\?/, '\r'],
      [/\? Days of consultation.*/, '\r'],
      [/\? Arbitration rules.*/, '\r'],
      [/\? Seat of arbitration.*/, 'Geneva\r'],
      [/\? Number of arbitrators.*/, '\r'],
      [/\? Language of the arbitration.*/, '\r'],
      [/\? Initial duration.*/, '\r'],
      [/\? At the end of the term.*/, '\r'],
      [/\? Length of each renewal period.*/, '\r'],
      [/\? Months of written notice.*/, '\r'],
      [/\? Authentic languages.*/, '\r'],
      [/\? Entry into force.*/, '\r'],
      [/\? Place of signature.*/, 'Geneva\r'],
      [/\? Date of signature.*/, '2027-02-30\r'],
      [/This is not a calendar date/, '\u0015'], // Ctrl+U clears the line
      [/\? Date of signature.*/, '2027-02-28\r'],
      [/Your answers/, ''],
      [/\? Write the terms file and the draft, or revise a section first\?/, '\r'],
    ];
    for (const [pattern, keys] of answers) {
      await s.waitFor(pattern);
      if (keys) s.send(keys);
    }
    expect(await s.exit).toBe(0);
    expect(s.screen()).toMatch(/wrote agreement\.md: \d+ articles/);
    const terms = readFileSync(join(dir, 'agreement.yaml'), 'utf8');
    expect(terms).toContain('seat: Geneva');
    expect(terms).toContain('date: 2027-02-28');
    expect(terms).toContain('areas: [earth-observation]');
    expect(terms).toContain('build the satellite');
    const draft = run(['draft', 'agreement.yaml', '--out', '-'], { cwd: dir });
    expect(draft.code).toBe(0);
    expect(draft.stdout).toBe(readFileSync(join(dir, 'agreement.md'), 'utf8'));
  });

  it.skipIf(!hasScript)('Ctrl+C: asks whether to keep the answers; declining leaves no file and exit 130', async () => {
    const dir = tempDir();
    const s = session(['new'], dir);
    await s.waitFor(/\? Full official name of the first party.*/);
    s.send('Aldera Space Agency\r');
    await s.waitFor(/\? Short name used in the text.*/);
    s.send('\u0003');
    await s.waitFor(/\? Keep the answers given so far in agreement\.resume\.yaml.*/);
    s.send('n\r');
    expect(await s.exit).toBe(130);
    expect(s.screen()).toContain('Nothing was written');
    expect(existsSync(join(dir, 'agreement.yaml'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
