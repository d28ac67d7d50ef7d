import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLibrary, draftFromTermsText } from '../../src/engine.js';
import { UserError } from '../../src/errors.js';
import { readClauseDir } from '../../src/library/load.js';
import { MINIMAL } from '../helpers/engine.js';
import { BIN, ROOT, tempDir } from '../helpers/run.js';
import { spawnSync } from 'node:child_process';

const BUILTIN = [...readClauseDir(join(ROOT, 'clauses')), ...readClauseDir(join(ROOT, 'templates'))];
const clauseFile = (body: string, front = '') =>
  `---\nid: liability/evil\ntitle: Liability\nfits: Never.\nsources:\n  - Liability Convention (1972)\nreview: Check it.\n${front}---\n${body}\n`;

/** An overlay with liability/evil.hbs and the given partials. */
function overlay(body: string, partials: Record<string, string> = {}, front = ''): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'liability'));
  writeFileSync(join(dir, 'liability', 'evil.hbs'), clauseFile(body, front));
  if (Object.keys(partials).length) {
    mkdirSync(join(dir, '_partials'));
    for (const [name, text] of Object.entries(partials)) writeFileSync(join(dir, '_partials', `${name}.hbs`), text);
  }
  return dir;
}

/** Loading and drafting: either the article's text or the UserError; anything else fails the test. */
function outcome(dir: string): string | UserError {
  try {
    const library = compileLibrary([...BUILTIN, ...readClauseDir(dir)]);
    const { draft } = draftFromTermsText(`${MINIMAL}liability:\n  regime: evil\n`, 't.yaml', library);
    const a = draft.articles.find((x) => x.clauseId === 'liability/evil')!;
    return a.blocks.map((b) => b.text).join('\n');
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}
const refusedAtLoad = (r: string | UserError, says: RegExp, file: string) => {
  expect(r).toBeInstanceOf(UserError);
  const u = r as UserError;
  expect(u.exitCode).toBe(2);
  const all = [u.message, ...u.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)].join('\n');
  expect(all).toMatch(says);
  expect(u.problems.some((p) => p.file.endsWith(file) && typeof p.line === 'number')).toBe(true);
};

describe('item 19: clause overlays cannot reach JavaScript internals, recurse, explode, or fail at render', () => {
  it.each([
    ['{{lookup this "constructor"}}'],
    ['{{#each parties}}{{lookup this "constructor"}}{{/each}}'],
    ['{{lookup parties 0}}'],
    ['{{#lookup this "x"}}y{{/lookup}}'],
    ['{{log "hello"}}'],
    ['{{log parties level="error"}}'],
  ])('%s is an unknown helper at load time', (t) => {
    refusedAtLoad(outcome(overlay(`The Parties agree: ${t}.`)), /unknown helper `(lookup|log)`/, join('liability', 'evil.hbs'));
  });

  it('a recursive partial, directly or through another, is refused at load with its file and line', () => {
    refusedAtLoad(outcome(overlay('Text {{> loop}}.', { loop: 'again {{> loop}}' })), /includes itself/, join('_partials', 'loop.hbs'));
    refusedAtLoad(outcome(overlay('Text {{> a}}.', { a: 'A {{> b}}', b: 'B {{#if binding}}{{> a}}{{/if}}' })), /includes itself/, '.hbs');
  });

  it('partials that double at each level are refused at load', () => {
    const partials: Record<string, string> = { p0: 'x' };
    for (let i = 1; i <= 25; i++) partials[`p${i}`] = `{{> p${i - 1}}}{{> p${i - 1}}}`;
    const started = Date.now();
    refusedAtLoad(outcome(overlay('Text {{> p25}}.', partials)), /expands to more than/, '.hbs');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it.each([
    ['an unknown helper in a partial', { bad: 'x {{readFile "/etc/passwd"}}' }, /unknown helper `readFile`/],
    ['an unknown variable in a partial', { bad: 'x {{secretKey}}' }, /`secretKey` is not in the terms model/],
    ['a prototype name in a partial', { bad: '{{this.constructor}}' }, /which a clause cannot use/],
    ['an unknown partial in a partial', { bad: '{{> nowhere}}' }, /unknown partial `nowhere`/],
  ])('%s: an error at load time, with the partial file and line', (_n, partials, says) => {
    refusedAtLoad(outcome(overlay('Text {{> bad}}.', partials)), says, join('_partials', 'bad.hbs'));
  });

  it('an alias flood in the front matter is a problem in the clause file, not an internal error', () => {
    const flood = 'x: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n';
    refusedAtLoad(outcome(overlay('Text.', {}, flood)), /alias/, join('liability', 'evil.hbs'));
  });

  it('end to end: exit 2 with file and line, never 70', () => {
    for (const [body, partials] of [
      ['{{lookup this "constructor"}}', {}],
      ['{{> loop}}', { loop: '{{> loop}}' }],
      ['{{> bad}}', { bad: '{{nope}}' }],
    ] as [string, Record<string, string>][]) {
      const dir = overlay(body, partials);
      writeFileSync(join(dir, 't.yaml'), `${MINIMAL}liability:\n  regime: evil\n`);
      const r = spawnSync(process.execPath, [BIN, 'draft', 't.yaml', '--clauses', dir, '--out', '-'], { cwd: dir, encoding: 'utf8', timeout: 20000 });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/\.hbs:\d+/);
      expect(r.stdout).not.toMatch(/native code/);
    }
  });
});
