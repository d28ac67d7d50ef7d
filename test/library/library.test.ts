import { describe, expect, it } from 'vitest';
import { compileLibrary } from '../../src/engine.js';
import { parseClauseFile } from '../../src/library/clause-file.js';
import { builtinLibrary } from '../helpers/engine.js';
import { failure } from '../helpers/errors.js';

const FRONT = 'id: liability/test\ntitle: Test\nfits: Tests.\nsources: [Liability Convention (1972), Art. V]\nreview: Read it.';
const clause = (body: string, front = FRONT) => parseClauseFile(`---\n${front}\n---\n${body}\n`, 'clauses/liability/test.hbs', 'liability/test');
const compile = (body: string) => compileLibrary([clause(body)]);

describe('clause files', () => {
  it('loads the built-in library with every topic of the four Section 4.4 provisions', () => {
    const lib = builtinLibrary();
    for (const topic of ['jurisdiction', 'ip', 'liability', 'disputes']) expect(lib.variants(topic).length, topic).toBeGreaterThan(0);
  });

  it('requires complete front matter, naming the missing field', () => {
    const e = failure(() => clause('x', 'id: liability/test\ntitle: Test'));
    expect(e.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['fits', 'sources', 'review']));
  });

  it('suggests the near miss for a misspelt front matter key', () => {
    const e = failure(() => clause('x', `${FRONT}\nsourcez: []`));
    expect(e.problems[0]!.message).toContain('did you mean `sources`?');
  });

  it('requires the id to match the file path', () => {
    const e = failure(() => parseClauseFile(`---\n${FRONT}\n---\nx\n`, 'clauses/ip/test.hbs', 'ip/test'));
    expect(e.problems[0]!.message).toContain('makes it `ip/test`');
  });

  it('fails at load on a variable the terms model does not have, with file and line', () => {
    const e = failure(() => compile('1. The {{Parties}} agree.\n\n1. Seat: {{disputes.seat}} and {{arbitraton.seat}}.'));
    expect(e.problems[0]).toMatchObject({ file: 'clauses/liability/test.hbs', line: 10 });
    expect(e.problems[0]!.message).toContain('`arbitraton.seat` is not in the terms model');
  });

  it('fails at load on an unknown helper or partial', () => {
    expect(failure(() => compile('{{shal}} x {{readFile "/etc/passwd"}}')).problems.map((p) => p.message).join('\n')).toContain('unknown helper `readFile`');
    expect(failure(() => compile('{{> nothing}}')).problems[0]!.message).toContain('unknown partial `nothing`');
  });

  it('fails at load on template syntax errors', () => {
    expect(failure(() => compile('{{#if binding}}open')).problems[0]!.message).toMatch(/template syntax/);
  });

  it('requires every defined term a clause declares to have a definition', () => {
    const e = failure(() => compileLibrary([clause('x', `${FRONT}\ndefines: [Protected Space Operation]`)]));
    expect(e.problems[0]!.message).toContain('has no definition');
  });
});

describe('templates with no expression', () => {
  it('render as Handlebars renders them: their text, whatever the view, in both languages', async () => {
    const Handlebars = (await import('handlebars')).default;
    const { COMPILE_OPTIONS } = await import('../../src/library/assemble.js');
    const { loadLibrary } = await import('../../src/cli/library.js');
    const view = { any: 'view' };
    let fixed = 0;
    for (const library of [builtinLibrary(), builtinLibrary().zh!, loadLibrary()]) {
      for (const entry of [...library.clauses.values(), ...library.definitions.values()]) {
        if (entry.body.includes('{{')) continue;
        fixed++;
        expect(entry.render(view), entry.id).toBe(Handlebars.compile(entry.body, COMPILE_OPTIONS)(view));
      }
    }
    // A third of the definitions are fixed text; the shortcut is taken.
    expect(fixed).toBeGreaterThan(10);
    expect([...builtinLibrary().definitions.values()].filter((d) => d.fixed).map((d) => d.term)).toContain('Damage');
  });
});
