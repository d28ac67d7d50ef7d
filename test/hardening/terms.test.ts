import { describe, expect, it } from 'vitest';
import { parseTerms } from '../../src/terms/parse.js';
import { UserError, formatProblem } from '../../src/errors.js';
import { decodeText } from '../../src/cli/fs.js';

const BASE = 'form: agreement\nparties:\n  - { id: a, name: Government of Aldera }\n  - { id: b, name: Government of Borduria }\n';
function problems(source: string): string[] {
  try {
    parseTerms(source, 't.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return (e as UserError).problems.map(formatProblem);
  }
  return [];
}

describe('item 15: bytes that are not text', () => {
  const cases: [string, Buffer, RegExp][] = [
    ['Latin-1 in a value', Buffer.concat([Buffer.from(`${BASE}title: Acuerdo de cooperaci`), Buffer.from([0xf3]), Buffer.from('n\n')]), /t\.yaml:5:28: byte 0xf3 is not UTF-8/],
    ['a lone continuation byte', Buffer.concat([Buffer.from(`${BASE}title: x`), Buffer.from([0x80]), Buffer.from('\n')]), /t\.yaml:5:9: byte 0x80/],
    ['a truncated sequence at the end', Buffer.concat([Buffer.from(`${BASE}title: x`), Buffer.from([0xe2, 0x82])]), /t\.yaml:5:9:/],
    ['an overlong encoding', Buffer.concat([Buffer.from(`${BASE}title: x`), Buffer.from([0xc0, 0xaf]), Buffer.from('\n')]), /t\.yaml:5:9:/],
    ['a NUL byte', Buffer.concat([Buffer.from(`${BASE}title: a`), Buffer.from([0]), Buffer.from('b\n')]), /t\.yaml:5:9: a NUL byte/],
  ];
  for (const [name, bytes, says] of cases) {
    it(`${name}: refused with file, line and column`, () => {
      let error: UserError | undefined;
      try {
        decodeText(bytes, 't.yaml', 'terms file');
      } catch (e) {
        error = e as UserError;
      }
      expect(error).toBeInstanceOf(UserError);
      expect(error!.problems.map(formatProblem).join('\n')).toMatch(says);
    });
  }
  it('a NUL character in the text itself (from any caller): line and column', () => {
    expect(problems(`${BASE}title: a\u0000b\n`).join('\n')).toMatch(/t\.yaml:5:9: a NUL character/);
  });
  it('valid UTF-8, U+FFFD typed as such included, is read', () => {
    expect(decodeText(Buffer.from('title: é 中 🚀 \uFFFD\n'), 't.yaml')).toBe('title: é 中 🚀 \uFFFD\n');
  });
});

describe('item 16: YAML tags, a second document, a comma in a flow mapping', () => {
  it.each([
    ['!!js/function', `${BASE}title: !!js/function "function () {}"\n`, /5:8: the YAML tag `!!js\/function`/],
    ['a custom tag on a mapping', `form: agreement\nparties:\n  - !party { id: a, name: A }\n  - { id: b, name: B }\n`, /3:5: the YAML tag `!party`/],
    ['!!str', `${BASE}title: !!str 12\n`, /5:8: the YAML tag `!!str`/],
    ['a tag on a list', `${BASE}languages: !langs [en]\n`, /5:12: the YAML tag `!langs`/],
  ])('%s is refused with its line', (_n, source, says) => {
    expect(problems(source).join('\n')).toMatch(says);
  });
  it('a second document: remove the separator', () => {
    for (const second of ['---\ntitle: x\n', '--- \nlanguages: [en]\n', '...\n---\n']) {
      const p = problems(`${BASE}${second}`).join('\n');
      expect(p).toMatch(/second YAML document/);
      expect(p).toMatch(/remove the `---`/);
      expect(p).not.toMatch(/parseAllDocuments/);
    }
  });
  it('a comma that ends a value inside { ... }: quote the value', () => {
    const p = problems(`${BASE}cooperation: { areas: [earth-observation], project: { name: X, description: joint development, launch and operation } }\n`).join('\n');
    expect(p).toMatch(/cooperation\.project\.description: `launch and operation` reads as the rest of a sentence/);
    expect(p).toContain('description: "joint development, launch and operation"');
    const q = problems(`form: agreement\nparties:\n  - { id: a, name: Ministry of Science, Technology and Innovation }\n  - { id: b, name: B }\n`).join('\n');
    expect(q).toContain('name: "Ministry of Science, Technology and Innovation"');
  });
});

describe('item 17: messages say what was expected', () => {
  const at = (yaml: string) => problems(`${BASE}${yaml}`).join('\n');
  it('arbitrators: 1, 3 or 5; a number, not text', () => {
    expect(at('disputes: { arbitration: { arbitrators: 7 } }\n')).toMatch(/arbitrators: 7 is not allowed; expected 1, 3 or 5/);
    expect(at('disputes: { arbitration: { arbitrators: "3" } }\n')).toMatch(/arbitrators: must be a number, not text: write 3 without quotes/);
    expect(at('disputes: { arbitration: { arbitrators: three } }\n')).toMatch(/arbitrators: must be a number: 1, 3 or 5 \(got the text "three"\)/);
    expect(at('term: { years: "10" }\n')).toMatch(/term\.years: must be a number, not text: write 10 without quotes/);
  });
  it('.inf and .nan are named, not "null"', () => {
    for (const [v, shown] of [['.inf', '`.inf`'], ['-.inf', '`-.inf`'], ['.nan', '`.nan`']]) {
      const p = at(`term: { years: ${v} }\n`);
      expect(p).toContain(shown);
      expect(p).not.toMatch(/null/);
    }
  });
  it('a bad language code names the bad item; unknown and repeated codes are refused', () => {
    expect(at('languages: [en, EN]\n')).toMatch(/languages\[1\]: .*\(got "EN"; write `en`\)/);
    expect(at('languages: [en, xx]\n')).toMatch(/languages\[1\]: `xx` is not an ISO 639-1 language code/);
    expect(at('languages: [en, fr, en]\n')).toMatch(/languages\[2\]: `en` is listed twice/);
    expect(at('languages: [en, zh, ar]\n')).toBe('');
  });
});

describe('item 18: names nobody can read, signature years', () => {
  for (const [name, v] of [
    ['zero-width spaces', '\u200B\u200B'],
    ['a word joiner and a bidi mark', '\u2060\u200F'],
    ['Hangul fillers', '\u3164\u3164'],
    ['a Braille blank', '\u2800'],
  ]) {
    it(`a party name made only of ${name} is refused, naming the characters`, () => {
      const p = problems(`form: agreement\nparties:\n  - { id: a, name: ${JSON.stringify(v)} }\n  - { id: b, name: B }\n`).join('\n');
      expect(p).toMatch(/parties\[0\]\.name: is made only of characters that show nothing \(U\+/);
    });
  }
  it('other text fields too (a place, a project name)', () => {
    expect(problems(`${BASE}signing: { place: "\\u200B" }\n`).join('\n')).toMatch(/signing\.place: is made only of characters/);
  });
  it('a signature date in year 0, 1 or 9999 is refused; 2027 is read', () => {
    for (const d of ['0000-01-01', '0001-01-01', '1066-10-14', '9999-12-31']) expect(problems(`${BASE}signing: { date: ${d} }\n`).join('\n')).toMatch(/signing\.date: the year/);
    expect(problems(`${BASE}signing: { date: 2027-03-15 }\n`)).toEqual([]);
  });
});
