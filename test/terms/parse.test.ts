import { describe, expect, it } from 'vitest';
import { UserError, type Problem } from '../../src/errors.js';
import { INVISIBLE, parseTerms, SHOWS_SOMETHING } from '../../src/terms/parse.js';
import { MINIMAL } from '../helpers/engine.js';

function problems(source: string): Problem[] {
  try {
    parseTerms(source, 'terms.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return [...(e as UserError).problems];
  }
  throw new Error('expected the terms to be rejected');
}

describe('parseTerms', () => {
  it('accepts a minimal file: form and two parties', () => {
    const { terms } = parseTerms(MINIMAL, 'terms.yaml');
    expect(terms.form).toBe('agreement');
    expect(terms.parties.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('suggests the near miss for an enum typo, with its line and path', () => {
    const [p, ...rest] = problems(`${MINIMAL}liability:\n  regime: cross-waver\n`);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 8, column: 11, path: 'liability.regime' });
    expect(p!.message).toContain('did you mean `cross-waiver`?');
  });

  it('skips the invisible-text test only for text that shows something: no character that always shows is one that shows nothing', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      if (SHOWS_SOMETHING.test(ch)) expect(INVISIBLE.test(ch), `U+${c.toString(16)}`).toBe(false);
    }
    // Text that shows nothing is still refused, however it starts.
    for (const v of ['\u200B\u200B', '\u3000\u3164', '\u00A0\u00AD', '\u0301\u0301']) {
      expect(problems(MINIMAL.replace('name: Government of the Republic of Aldera', `name: "${v}"`)).map((p) => p.message).join('\n')).toMatch(/show nothing/);
    }
  });

  it('says which code a language in the wrong case is, for every language field, and only there', () => {
    const ps = problems(`${MINIMAL}languages: [EN, Zh, english]\nprevailingLanguage: FR\n`);
    expect(ps.find((p) => p.path === 'languages[0]')!.message).toMatch(/\(got "EN"; write `en`\)$/);
    expect(ps.find((p) => p.path === 'languages[1]')!.message).toMatch(/\(got "Zh"; write `zh`\)$/);
    expect(ps.find((p) => p.path === 'languages[2]')!.message).not.toContain('write');
    expect(ps.find((p) => p.path === 'prevailingLanguage')!.message).toMatch(/\(got "FR"; write `fr`\)$/);
    // A handle that happens to spell a language code gets no such hint.
    const [id] = problems(MINIMAL.replace('id: a', 'id: EN'));
    expect(id!.path).toBe('parties[0].id');
    expect(id!.message).not.toContain('write `en`');
  });

  it('suggests the near miss for an unknown key', () => {
    const [p] = problems(`${MINIMAL}cooperation:\n  exportControled: true\n`);
    expect(p).toMatchObject({ line: 8, path: 'cooperation.exportControled' });
    expect(p!.message).toContain('did you mean `exportControlled`?');
  });

  it('reports every problem at once, not just the first', () => {
    const ps = problems(`form: agrement\nparties:\n  - id: A\n    name: x\n  - id: b\n    name: y\nsigning: { date: 2027-02-30 }\n`);
    expect(ps.map((p) => p.path)).toEqual(expect.arrayContaining(['form', 'parties[0].id', 'signing.date']));
    expect(ps.find((p) => p.path === 'form')!.message).toContain('did you mean `agreement`?');
  });

  it('requires exactly two parties', () => {
    const [p] = problems(`${MINIMAL}  - id: c\n    name: Third\n`);
    expect(p).toMatchObject({ path: 'parties[2]', line: 7 });
    expect(p!.message).toContain('exactly two parties; this file lists 3');
  });

  it('resolves party handles and suggests the near miss', () => {
    const [p] = problems(`${MINIMAL}cooperation:\n  launch: { launchingParty: bb }\n`);
    expect(p).toMatchObject({ path: 'cooperation.launch.launchingParty', line: 8 });
    expect(p!.message).toContain('`bb` is not a party handle: did you mean `b`?');
  });

  it('reports YAML syntax errors with their line', () => {
    const [p] = problems('form: agreement\nparties: [\n');
    expect(p!.message).toMatch(/^YAML syntax/);
    expect(p!.line).toBeGreaterThanOrEqual(2);
  });

  it('rejects an empty file with a hint of what is needed', () => {
    expect(problems('')[0]!.message).toContain('the file is empty');
    expect(problems('# only a comment\n')[0]!.message).toContain('the file is empty');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s anywhere', (key) => {
    const [p] = problems(`${MINIMAL}cooperation:\n  ${key}: { polluted: true }\n`);
    expect(p).toMatchObject({ path: `cooperation.${key}`, line: 8 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bounds alias expansion (billion laughs)', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(', ')}]`);
    const [p] = problems(`${bomb.join('\n')}\n`);
    expect(p!.message).toMatch(/alias/i);
  });

  it('refuses a file larger than the limit before parsing it', () => {
    expect(() => parseTerms(`# ${'x'.repeat(300 * 1024)}\n${MINIMAL}`, 't.yaml')).toThrow(/larger than/);
  });

  it('checks variant names against the clause library, overlay included', () => {
    const src = `${MINIMAL}liability:\n  regime: my-waiver\n`;
    expect(problems(src)[0]!.message).toContain('`my-waiver` is not allowed');
    const { terms } = parseTerms(src, 't.yaml', { variants: { liability: ['cross-waiver', 'my-waiver'] } });
    expect(terms.liability?.regime).toBe('my-waiver');
  });

  it('requires dispute steps to start with consultation and keep their order', () => {
    expect(problems(`${MINIMAL}disputes: { steps: [arbitration] }\n`)[0]!.message).toContain('first step must be `consultation`');
    expect(problems(`${MINIMAL}disputes: { steps: [consultation, arbitration, mediation] }\n`)[0]!.message).toContain('in the order');
  });

  it('checks that cost shares add up to 100%', () => {
    const src = `${MINIMAL}cooperation:\n  funding: shared\n  costShare: [{ party: a, percent: 60 }, { party: b, percent: 30 }]\n`;
    expect(problems(src)[0]!.message).toContain('add up to 90%');
  });
});
