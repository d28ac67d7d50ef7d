import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { UserError } from '../../src/errors.js';
import { MAX_TERMS_BYTES, parseTerms } from '../../src/terms/parse.js';
import { MINIMAL } from '../helpers/engine.js';
import { EXAMPLES, read } from '../helpers/run.js';

/**
 * Whatever the text, the loader returns terms or throws a UserError listing at least one problem,
 * each with a message: never another exception (a crash with a stack), never a hang.
 */
function loadsOrExplains(source: string): 'ok' | UserError {
  try {
    parseTerms(source, 'terms.yaml');
    return 'ok';
  } catch (e) {
    if (!(e instanceof UserError)) throw new Error(`not a UserError for ${JSON.stringify(source.slice(0, 200))}: ${(e as Error)?.stack ?? String(e)}`);
    expect(e.exitCode).toBe(2);
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) expect(p.message.trim()).not.toBe('');
    return e;
  }
}

const KEYS = ['version', 'form', 'title', 'parties', 'id', 'name', 'shortName', 'state', 'type', 'signatory', 'cooperation', 'areas', 'project', 'launch', 'jurisdiction', 'registration', 'ip', 'liability', 'regime', 'disputes', 'steps', 'term', 'languages', 'signing', 'date', '__proto__', 'constructor', 'prototype', '<<', ''];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 12 }));
const scalar = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom('agreement', 'cross-waiver', '2027-03-15', 'a', 'b'));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, fc.array(tie('tree'), { maxLength: 4 }), fc.dictionary(key, tie('tree'), { maxKeys: 5 })),
}));

/** YAML fragments that exercise the parser's corners: tags, anchors, flow, block scalars, directives. */
const FRAGMENTS = ['&a ', '*a', '!!str ', '!!binary ', '!!js/function ', '!custom ', '? ', ': ', '- ', '[', ']', '{', '}', ',', '|', '>-', '"', "'", '#', '\n', '  ', '---\n', '...\n', '%YAML 1.2\n', '<<: *a\n', '\\u0000', '\t', '~', '0x1F', '.inf', '-.nan', '1e400', '2027-02-30'];

describe('terms loader under hostile input (property-based)', () => {
  it('any Unicode text loads or fails with exit 2 and located messages', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => void loadsOrExplains(s)), { numRuns: 400 });
  });

  it('any sequence of YAML syntax fragments loads or fails cleanly', () => {
    const text = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...KEYS), fc.string({ maxLength: 6 })), { maxLength: 60 }).map((xs) => xs.join(''));
    fc.assert(fc.property(text, (s) => void loadsOrExplains(s)), { numRuns: 400 });
  });

  it('any structure serialised as YAML loads or fails cleanly', () => {
    fc.assert(fc.property(tree, (t) => void loadsOrExplains(stringify(t, { aliasDuplicateObjects: false }))), { numRuns: 300 });
  });

  it('a valid file with one value replaced anywhere by anything loads or fails cleanly', () => {
    const base = read(EXAMPLES[0]!).split('\n');
    const edit = fc.record({ line: fc.nat({ max: base.length - 1 }), value: fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 30 }), tree.map((t) => JSON.stringify(t) ?? 'null')) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        const lines = [...base];
        for (const e of edits) lines[e.line] = lines[e.line]!.replace(/:\s.*$|$/, `: ${e.value}`);
        loadsOrExplains(lines.join('\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('prototype keys are refused at any depth, in block or flow style, quoted or not', () => {
    const where = fc.constantFrom(
      (k: string) => `${k}: {polluted: true}\n${MINIMAL}`,
      (k: string) => `${MINIMAL}cooperation:\n  project:\n    ${k}:\n      polluted: true\n`,
      (k: string) => `${MINIMAL.replace('id: a', `id: a\n    ${k}: x`)}`,
      (k: string) => `${MINIMAL}signing: {"${k}": {x: 1}}\n`,
      (k: string) => `${MINIMAL}languages: [{'${k}': 1}]\n`,
    );
    fc.assert(
      fc.property(fc.constantFrom('__proto__', 'constructor', 'prototype'), where, (k, make) => {
        const e = loadsOrExplains(make(k));
        expect(e).not.toBe('ok');
        expect((e as UserError).problems.some((p) => p.message.includes(`\`${k}\` is not allowed`) && p.line !== undefined)).toBe(true);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
    );
  });
});

describe('terms loader resource bounds', () => {
  const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 9; i++) laughs.push(`${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(9).fill(`*${'abcdefghi'[i - 1]}`).join(',')}]`);

  it.each([
    ['billion laughs', `${MINIMAL}${laughs.join('\n')}\n`, /aliases are limited/],
    ['a self-referencing alias', `${MINIMAL}title: &t [*t]\n`, /expected text, got a list/],
    ['50,000 nested flow sequences', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, /nested deeper than 32 levels/],
    ['20,000 nested flow mappings', `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`, /nested deeper than 32 levels/],
    ['100,000 nested compact sequences', `${'- '.repeat(100_000)}1`, /nested deeper than 32 levels/],
    ['40 nested block mappings', Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}a:`).join('\n') + ' 1', /nested deeper than 32 levels/],
    ['20,000 keys', Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`).join('\n'), /keys; a terms file has a few hundred/],
    ['a file over the size limit', `${MINIMAL}title: "${'x'.repeat(MAX_TERMS_BYTES)}"\n`, /KiB, refused before parsing/],
    ['a 250 KB party name', `${MINIMAL.replace('name: Government of the Republic of Aldera', `name: "${'x'.repeat(250_000)}"`)}`, /at most|<=300|too big/i],
    ['a NUL byte', `${MINIMAL}title: "a\\0b"\n`, null],
    ['a !!js/function tag', `${MINIMAL}title: !!js/function "function () { return process }"\n`, null],
    ['two documents', `${MINIMAL}---\n${MINIMAL}`, /second YAML document/],
    ['a mapping as a key', `${MINIMAL}? {a: 1}\n: x\n`, /keys must be plain words/],
  ])('%s: fails with exit 2 and says why, or loads literally', (_name, source, message) => {
    const r = loadsOrExplains(source);
    if (message === null) return;
    expect(r).not.toBe('ok');
    expect((r as UserError).problems.map((p) => p.message).join('\n')).toMatch(message);
  });

  it('more problems than anyone reads are summarised, not all listed', () => {
    const src = `${MINIMAL}${Array.from({ length: 500 }, (_, i) => `unknown${i}: 1`).join('\n')}\n`;
    const e = loadsOrExplains(src) as UserError;
    expect(e.problems.length).toBeLessThanOrEqual(51);
    expect(e.problems.at(-1)!.message).toMatch(/more problems not shown/);
  });
});
