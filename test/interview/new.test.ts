import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CANCELLED, runNew } from '../../src/cli/new.js';
import { UserError } from '../../src/errors.js';
import { tempDir } from '../helpers/run.js';
import { CTRL_C, DEFAULT, scripted } from './fake.js';
import { FRESH_SCRIPTS } from './scripts.js';

let stderr: string;
beforeEach(() => {
  stderr = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
});
afterEach(() => vi.restoreAllMocks());

const files = (dir: string) => readdirSync(dir).sort();
const opts = (dir: string) => ({ terms: join(dir, 'agreement.yaml'), out: join(dir, 'agreement.md') });

describe('spacecoop new (in process, prompts scripted)', () => {
  it('writes the terms file and the draft, and lists the open points', async () => {
    const dir = tempDir();
    const user = scripted(FRESH_SCRIPTS['lunar-mou.yaml']!);
    expect(await runNew(opts(dir), { ...user, interactive: true })).toBe(0);
    expect(files(dir)).toEqual(['agreement.md', 'agreement.yaml']);
    const terms = readFileSync(join(dir, 'agreement.yaml'), 'utf8');
    expect(terms).toMatch(/^# yaml-language-server: \$schema=\/.*\/schema\/terms\.schema\.json\n/);
    expect(readFileSync(join(dir, 'agreement.md'), 'utf8')).toMatch(/^<!-- spacecoop:draft v1 -->/);
    expect(stderr).toContain(`wrote ${join(dir, 'agreement.yaml')}`);
    expect(stderr).toMatch(/wrote .*agreement\.md: \d+ articles, \d+ open points? \(see the drafting notes\)\n(.*\n)*? {2}- .*\(signing\.date\)/);
  });

  it('a second run that keeps every answer leaves the terms file as it was, hand edits and all', async () => {
    const dir = tempDir();
    await runNew(opts(dir), { ...scripted(FRESH_SCRIPTS['cbers.yaml']!), interactive: true });
    const edited = readFileSync(join(dir, 'agreement.yaml'), 'utf8').replace('version: 1\n', '# counsel: check the cost share\nversion: 1\n');
    writeFileSync(join(dir, 'agreement.yaml'), edited);
    expect(await runNew(opts(dir), { ...scripted({}, { otherwise: 'enter' }), interactive: true })).toBe(0);
    expect(readFileSync(join(dir, 'agreement.yaml'), 'utf8')).toBe(edited);
    expect(stderr).toContain('agreement.yaml: unchanged');
  });

  it('a second run accepts a draft an editor saved with a byte-order mark', async () => {
    const dir = tempDir();
    await runNew(opts(dir), { ...scripted(FRESH_SCRIPTS['cbers.yaml']!), interactive: true });
    writeFileSync(join(dir, 'agreement.md'), `\uFEFF${readFileSync(join(dir, 'agreement.md'), 'utf8')}`);
    expect(await runNew(opts(dir), { ...scripted({}, { otherwise: 'enter' }), interactive: true })).toBe(0);
    expect(stderr).not.toContain('was not written by spacecoop');
  });

  it('a second run names the fields it changed', async () => {
    const dir = tempDir();
    await runNew(opts(dir), { ...scripted(FRESH_SCRIPTS['cbers.yaml']!), interactive: true });
    await runNew(opts(dir), { ...scripted({ 'term.years': 7 }, { otherwise: 'enter' }), interactive: true });
    expect(stderr).toContain('agreement.yaml: 1 field changed (term.years)');
    expect(readFileSync(join(dir, 'agreement.yaml'), 'utf8')).toContain('  years: 7\n');
  });

  it('Ctrl+C: nothing written unless the user keeps the answers; then the next run resumes from them', async () => {
    const dir = tempDir();
    const stop = scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, 'cooperation.funding': CTRL_C, 'keep-answers': false });
    expect(await runNew(opts(dir), { ...stop, interactive: true })).toBe(CANCELLED);
    expect(files(dir)).toEqual([]);
    expect(stderr).toContain('Nothing was written');

    const keep = scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, 'cooperation.funding': CTRL_C, 'keep-answers': true });
    expect(await runNew(opts(dir), { ...keep, interactive: true })).toBe(CANCELLED);
    expect(files(dir)).toEqual(['agreement.resume.yaml']);
    expect(stderr).toMatch(/To resume, run `spacecoop new --terms .*agreement\.yaml --out .*agreement\.md` again/);

    const resumed = scripted({
      resume: true,
      ...Object.fromEntries(Object.keys(FRESH_SCRIPTS['cbers.yaml']!).map((id) => [id, DEFAULT])),
      'cooperation.funding': 'shared',
      'cooperation.objectives[2]': '',
      'cooperation.spaceObjects[1].name': '',
      'cooperation.implementingEntities[2].name': '',
      'cooperation.facilities[0].name': '',
      'disputes.steps': 'consultation,mediation,arbitration',
      'disputes.arbitration.seat': 'The Hague',
      'term.years': 10,
      languages: 'zh, pt, en',
      zh: false,
      'signing.place': 'Beijing',
      'signing.date': '2027-03-15',
    });
    expect(await runNew(opts(dir), { ...resumed, interactive: true })).toBe(0);
    expect(resumed.question('parties[1].name')?.default).toBe('Brazilian Space Agency');
    expect(files(dir)).toEqual(['agreement.md', 'agreement.yaml']);
  });

  it('Ctrl+C before any answer writes nothing and asks nothing more', async () => {
    const dir = tempDir();
    const user = scripted({ 'parties[0].name': CTRL_C });
    expect(await runNew(opts(dir), { ...user, interactive: true })).toBe(CANCELLED);
    expect(user.ids()).toEqual(['parties[0].name']);
    expect(files(dir)).toEqual([]);
  });

  it('without a terminal: exit 2, pointing to `spacecoop draft`', async () => {
    const error = await runNew(opts(tempDir()), { interactive: false }).catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.exitCode).toBe(2);
    expect(error.hint).toContain('spacecoop draft TERMS');
  });

  it('refuses before the first question when --out is not a spacecoop draft, or --terms does not load', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'agreement.md'), '# My notes\n');
    const user = scripted({});
    await expect(runNew(opts(dir), { ...user, interactive: true })).rejects.toThrow(/agreement\.md exists and was not written by spacecoop/);
    const other = tempDir();
    writeFileSync(join(other, 'agreement.yaml'), 'form: agreemnt\nparties: []\n');
    const error = await runNew(opts(other), { ...user, interactive: true }).catch((e) => e);
    expect(error.problems[0].message).toContain('did you mean `agreement`');
    expect(error.hint).toContain('fix it first');
    expect(user.asked).toEqual([]);
    expect(existsSync(join(other, 'agreement.md'))).toBe(false);
  });
});
