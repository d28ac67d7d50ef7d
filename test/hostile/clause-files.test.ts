import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLibrary, draftFromTermsText } from '../../src/engine.js';
import { UserError } from '../../src/errors.js';
import { HELPER_NAMES } from '../../src/library/helpers.js';
import { readClauseDir } from '../../src/library/load.js';
import { MINIMAL } from '../helpers/engine.js';
import { ROOT, tempDir } from '../helpers/run.js';

const BUILTIN = [...readClauseDir(join(ROOT, 'clauses')), ...readClauseDir(join(ROOT, 'templates'))];

function clauseFile(body: string, id = 'liability/evil'): string {
  return `---\nid: ${id}\ntitle: Liability\nfits: Never.\nsources:\n  - Liability Convention (1972)\nreview: Check it.\n---\n${body}\n`;
}

/** An overlay folder with one clause file; returns the folder and the file's path. */
function overlay(body: string, name = 'evil'): { dir: string; file: string } {
  const dir = tempDir();
  mkdirSync(join(dir, 'liability'));
  const file = join(dir, 'liability', `${name}.hbs`);
  writeFileSync(file, body);
  return { dir, file };
}

/** Loads the overlay and drafts with it; returns the liability article's text or the UserError. */
function draftWith(dir: string): string | UserError {
  try {
    const library = compileLibrary([...BUILTIN, ...readClauseDir(dir)]);
    const { draft } = draftFromTermsText(`${MINIMAL}liability:\n  regime: evil\n`, 't.yaml', library);
    const a = draft.articles.find((x) => x.clauseId === 'liability/evil')!;
    return a.blocks.map((b) => [b.text, ...b.items.map((i) => i.text)].join('\n')).join('\n');
  } catch (e) {
    if (e instanceof UserError) return e;
    throw e;
  }
}

describe('--clauses files are data, not code', () => {
  it('clause templates can call only the pure helpers (no file, network, environment or lookup helper)', () => {
    expect([...HELPER_NAMES].sort()).toEqual(
      ['Parties', 'Party', 'Shall', 'agree', 'agrees', 'and', 'blank', 'count', 'date', 'decide', 'decided', 'enter-into-force', 'enters-into-force', 'entry-into-force', 'eq', 'has-area', 'in-force', 'list', 'ne', 'not', 'obligations', 'other-party', 'or', 'plural', 'ref', 'refs', 'shall', 'words'].sort(),
    );
  });

  const TRICKS = [
    '{{constructor.constructor}}',
    '{{constructor.constructor "globalThis.pwned = 1"}}',
    '{{#with (constructor.constructor "globalThis.pwned = 1")}}{{this}}{{/with}}',
    '{{__proto__}}',
    '{{__proto__.polluted}}',
    '{{#with "x"}}{{constructor}}{{/with}}',
    '{{#with "x"}}{{constructor.constructor "globalThis.pwned = 1"}}{{/with}}',
    '{{#with "x"}}{{#with (constructor.constructor "globalThis.pwned = 1")}}{{this}}{{/with}}{{/with}}',
    '{{#each parties}}{{constructor.name}}{{/each}}',
    '{{lookup this "constructor"}}',
    '{{lookup (lookup this "constructor") "constructor"}}',
    '{{#with (lookup this "__proto__")}}{{constructor}}{{/with}}',
    '{{@root.constructor}}',
    '{{this.constructor.constructor}}',
    '{{#each parties}}{{lookup this "__defineGetter__"}}{{/each}}',
    '{{log "x"}}',
    '{{> ../../../etc/passwd}}',
    '{{require "fs"}}',
    '{{process.env.HOME}}',
  ];

  it.each(TRICKS)('%s: runs no code, pollutes no prototype, shows no function or secret', (template) => {
    const { dir } = overlay(clauseFile(`The Parties agree: ${template}.`));
    let r: string | UserError | Error;
    try {
      r = draftWith(dir);
    } catch (e) {
      r = e as Error; // see the next test: a runtime refusal that is not yet a UserError
    }
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    if (typeof r === 'string') {
      expect(r).not.toMatch(/function|native code|\[object|process|root:|Object\b/);
      if (process.env.HOME) expect(r).not.toContain(process.env.HOME);
    } else if (r instanceof UserError) {
      expect(r.exitCode).toBe(2);
      expect(r.problems.some((p) => p.file.endsWith(join('liability', 'evil.hbs')) && typeof p.line === 'number')).toBe(true);
    } else {
      // Handlebars' prototype access control refused the access at render time.
      expect(r.message).toMatch(/not defined in|Cannot use 'in' operator/);
    }
  });

  // A prototype name reached through a scoped path (inside #with or #each, or via this.) is refused
  // when the library loads, as a UserError naming the clause file and line.
  describe('prototype names in scoped paths are a load error naming file and line', () => {
    for (const template of ['{{#with "x"}}{{constructor}}{{/with}}', '{{#each parties}}{{constructor.name}}{{/each}}', '{{this.constructor.constructor}}']) {
      it(template, () => {
        const { dir } = overlay(clauseFile(`The Parties agree: ${template}.`));
        const r = draftWith(dir);
        expect(r).toBeInstanceOf(UserError);
        expect((r as UserError).problems[0]!.message).toContain('which a clause cannot use');
      });
    }
  });

  it.each([
    ['an unclosed block', clauseFile('The Parties:\n\n{{#if binding}}\nshall agree.'), /template syntax/],
    ['an unknown helper', clauseFile('Line one.\n\n{{readFile "/etc/passwd"}}'), /unknown helper `readFile`/],
    ['an unknown variable', clauseFile('One.\n\nTwo {{secretKey}}.'), /`secretKey` is not in the terms model/],
    ['broken front matter', '---\nid: liability/evil\ntitle: [unclosed\n---\nBody.\n', /YAML syntax/],
    ['a missing front matter field', '---\nid: liability/evil\ntitle: T\n---\nBody.\n', /is required/],
    ['no front matter', 'Just text.\n', /starts with a `---` line/],
  ])('a broken clause file (%s) is an error naming the file and line', (_name, text, message) => {
    const { dir, file } = overlay(text);
    const e = draftWith(dir);
    expect(e).toBeInstanceOf(UserError);
    const all = [(e as UserError).message, ...(e as UserError).problems.map((p) => `${p.file}:${p.line}: ${p.message}`)].join('\n');
    expect(all).toMatch(message);
    expect(all).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+`));
  });

  it('names the line of a template error inside the body', () => {
    const { dir, file } = overlay(clauseFile('One.\n\nTwo.\n\nThree {{nope}}.'));
    const e = draftWith(dir) as UserError;
    expect(e.problems[0]).toMatchObject({ file, line: 13 });
  });

  it('a clause folder cannot reach outside itself: symbolic links and nested folders are refused', () => {
    const outside = tempDir();
    writeFileSync(join(outside, 'secret.hbs'), clauseFile('Secret.'));
    const { dir } = overlay(clauseFile('Fine.'));
    symlinkSync(join(outside, 'secret.hbs'), join(dir, 'liability', 'linked.hbs'));
    expect(() => readClauseDir(dir)).toThrow(/not symbolic links/);

    const nested = tempDir();
    mkdirSync(join(nested, 'liability', 'deeper'), { recursive: true });
    expect(() => readClauseDir(nested)).toThrow(/one level deep/);

    const linkedDir = tempDir();
    symlinkSync(outside, join(linkedDir, 'liability'));
    expect(() => readClauseDir(linkedDir)).toThrow(/not symbolic links/);
  });
});
