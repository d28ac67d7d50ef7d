import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLibrary } from '../../src/engine.js';
import { parseClauseFile } from '../../src/library/clause-file.js';
import { chineseNumber, formatDateZh, joinListZh } from '../../src/library/helpers.js';
import { readClauseDir } from '../../src/library/load.js';
import { parseChineseNumber } from '../../src/draftfile/refs.js';
import { tempDir } from '../helpers/run.js';
import { failure } from '../helpers/errors.js';

const EN_FRONT = 'id: liability/test\ntitle: Test\nfits: Tests.\ndefines: [Damage]\nsources: ["Liability Convention (1972), Art. V"]\nreview: Read it.';
const en = (body: string) => parseClauseFile(`---\n${EN_FRONT}\n---\n${body}\n`, 'clauses/liability/test.hbs', 'liability/test');
const zh = (body: string, front = 'id: liability/test\nlang: zh\ntitle: 测试') => parseClauseFile(`---\n${front}\n---\n${body}\n`, 'clauses/liability/test.zh.hbs', 'liability/test', 'zh');
const DEF_EN = parseClauseFile('---\nid: definitions/damage\nterm: Damage\n---\nmeans loss of life\n', 'clauses/definitions/damage.hbs', 'definitions/damage');
const DEF_ZH = parseClauseFile('---\nid: definitions/damage\nlang: zh\nterm: 损害\n---\n指生命的丧失\n', 'clauses/definitions/damage.zh.hbs', 'definitions/damage', 'zh');
const EN_BODY = '1. Each {{Party}} {{shall}} bear its own Damage.\n\n1. {{launcher.label}} informs:\n\n(a) the other;\n\n(b) {{ref "disputes"}}.';
const ZH_BODY = '1. {{Party}}{{shall}}自行承担其损害。\n\n1. {{launcher.label}}通知：\n\n(a) 另一方；\n\n(b) {{ref "disputes"}}。';

describe('Chinese twins: one library, two languages, checked at load time', () => {
  it('a twin sits beside its English file as <variant>.zh.hbs and is never read as another variant', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'liability'));
    writeFileSync(join(dir, 'liability', 'test.hbs'), `---\n${EN_FRONT}\n---\n${EN_BODY}\n`);
    writeFileSync(join(dir, 'liability', 'test.zh.hbs'), `---\nid: liability/test\nlang: zh\ntitle: 测试\n---\n${ZH_BODY}\n`);
    const sources = readClauseDir(dir);
    expect(sources.map((s) => [s.id, s.lang])).toEqual([['liability/test', 'en'], ['liability/test', 'zh']]);
    const lib = compileLibrary([...sources, DEF_EN, DEF_ZH]);
    expect(lib.variants('liability')).toEqual(['test']);
    expect(lib.zh?.get('liability/test').meta.title).toBe('测试');
    // The twin follows the English text's sources and review.
    expect(lib.zh?.get('liability/test').meta.sources).toEqual(['Liability Convention (1972), Art. V']);
  });

  it('refuses a twin file in a language the library has no twins in, naming the file', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'liability'));
    writeFileSync(join(dir, 'liability', 'test.pt.hbs'), 'x');
    expect(failure(() => readClauseDir(dir)).message).toMatch(/test\.pt\.hbs.*not a language the library has twins in/);
  });

  it('refuses a twin whose paragraphs, items, variables or defined terms differ from the English text', () => {
    const cases: [string, RegExp][] = [
      [ZH_BODY.replace('1. {{launcher.label}}', '{{launcher.label}}'), /1 numbered paragraph \(`1\.`\) line where the English text .* has 2/],
      [ZH_BODY.replace('(b) {{ref "disputes"}}。', '{{ref "disputes"}}。'), /1 item \(`\(a\)`\) line where the English text .* has 2/],
      [ZH_BODY.replace('{{launcher.label}}', '{{launcher.state}}'), /does not use `launcher\.label`.*uses `launcher\.state`|uses `launcher\.state`/s],
      [ZH_BODY.replace('{{ref "disputes"}}', '{{ref "liability"}}'), /does not use `ref:disputes`/],
      [ZH_BODY.replace('损害', '伤害'), /does not use `损害`, the zh form of the defined term `Damage`/],
    ];
    for (const [body, message] of cases) {
      const e = failure(() => compileLibrary([en(EN_BODY), zh(body), DEF_EN, DEF_ZH]));
      expect(e.problems.map((p) => `${p.file}: ${p.message}`).join('\n'), body).toMatch(message);
      expect(e.problems.every((p) => p.file.endsWith('.zh.hbs') || p.file.endsWith('.hbs'))).toBe(true);
    }
  });

  it('a defined term written in a partial the clause includes, at any depth, counts as used; a partial twin without it still fails', () => {
    const part = (id: string, body: string, lang?: 'zh') =>
      parseClauseFile(body, `clauses/_partials/${id}${lang ? `.${lang}` : ''}.hbs`, `_partials/${id}`, lang);
    const EN = '1. Each {{Party}} {{shall}} bear it.\n{{> share}}';
    const ZH = '1. {{Party}}{{shall}}自行承担。\n{{> share}}';
    // The term sits in the included partial (as the registration and IP articles keep theirs).
    const direct = [en(EN), zh(ZH), part('share', '\n1. Its own Damage.\n'), part('share', '\n1. 其自身的损害。\n', 'zh'), DEF_EN, DEF_ZH];
    expect(compileLibrary(direct).zh?.get('liability/test').meta.title).toBe('测试');
    // Two levels down, inside a block.
    const nested = [
      en(EN), zh(ZH),
      part('share', '{{#if binding}}{{> inner}}{{/if}}\n'), part('share', '{{#if binding}}{{> inner}}{{/if}}\n', 'zh'),
      part('inner', '\n1. Its own Damage.\n'), part('inner', '\n1. 其自身的损害。\n', 'zh'),
      DEF_EN, DEF_ZH,
    ];
    expect(compileLibrary(nested).zh?.get('liability/test').meta.title).toBe('测试');
    // Neither the clause twin nor any partial twin it includes uses the term: still refused.
    const missing = [en(EN), zh(ZH), part('share', '\n1. Its own Damage.\n'), part('share', '\n1. 其自身的伤害。\n', 'zh'), DEF_EN, DEF_ZH];
    expect(failure(() => compileLibrary(missing)).problems.map((p) => p.message).join('\n')).toMatch(/does not use `损害`, the zh form of the defined term `Damage`/);
  });

  it('an overlay that replaces an English partial drops the built-in twins that include it, at any depth, and reports them missing', () => {
    const part = (id: string, body: string, file: string, lang?: 'zh') => parseClauseFile(body, file, `_partials/${id}`, lang);
    const EN = '1. Each {{Party}} {{shall}} bear it.\n{{> share}}';
    const ZH = '1. {{Party}}{{shall}}自行承担。\n{{> share}}';
    const builtin = (f: string) => !f.startsWith('/overlay');
    const overlay = part('share', '\n1. Its own Damage, and more.\n', '/overlay/_partials/share.hbs');
    // Directly: the clause twin includes the replaced partial.
    const direct = [en(EN), zh(ZH), part('share', '\n1. Its own Damage.\n', 'clauses/_partials/share.hbs'), part('share', '\n1. 其自身的损害。\n', 'clauses/_partials/share.zh.hbs', 'zh'), DEF_EN, DEF_ZH, overlay];
    for (const b of [builtin, undefined]) {
      const lib = compileLibrary(direct, b);
      expect([...(lib.zh?.missing ?? [])].sort()).toEqual(['_partials/share', 'liability/test']);
      expect(lib.get('liability/test').render({ Party: 'Party', binding: true })).toContain('and more');
    }
    // Through another partial: the built-in twin of the outer partial is dropped too.
    const nested = [
      en('1. Each {{Party}} {{shall}} bear it.\n{{> outer}}'), zh('1. {{Party}}{{shall}}自行承担。\n{{> outer}}'),
      part('outer', '{{> share}}', 'clauses/_partials/outer.hbs'), part('outer', '{{> share}}', 'clauses/_partials/outer.zh.hbs', 'zh'),
      part('share', '\n1. Its own Damage.\n', 'clauses/_partials/share.hbs'), part('share', '\n1. 其自身的损害。\n', 'clauses/_partials/share.zh.hbs', 'zh'),
      DEF_EN, DEF_ZH, overlay,
    ];
    expect([...(compileLibrary(nested, builtin).zh?.missing ?? [])].sort()).toEqual(['_partials/outer', '_partials/share', 'liability/test']);
  });

  it('refuses a twin with no English text, and a twin front matter with English-only keys', () => {
    const orphan = parseClauseFile('---\nid: liability/other\nlang: zh\ntitle: 其他\n---\n文本\n', 'clauses/liability/other.zh.hbs', 'liability/other', 'zh');
    expect(failure(() => compileLibrary([en(EN_BODY), zh(ZH_BODY), orphan, DEF_EN, DEF_ZH])).problems.map((p) => p.message).join('\n')).toMatch(/twin of `liability\/other`, which has no English text/);
    expect(failure(() => zh(ZH_BODY, 'id: liability/test\nlang: zh\ntitle: 测试\nfits: x')).problems.map((p) => p.message).join('\n')).toMatch(/unknown front matter key `fits`/);
  });

  it('a built-in clause without its twin is an error; an overlay clause without one is reported as missing', () => {
    expect(failure(() => compileLibrary([en(EN_BODY), DEF_EN, DEF_ZH], () => true)).problems.map((p) => p.message).join('\n')).toMatch(/has no zh twin \(clauses\/liability\/test\.zh\.hbs\)/);
    const lib = compileLibrary([en(EN_BODY), DEF_EN, DEF_ZH], () => false);
    expect(lib.zh?.missing).toEqual(['liability/test']);
  });

  it('an overlay that replaces an English clause drops the built-in twin, which no longer matches it', () => {
    const overlay = parseClauseFile(`---\n${EN_FRONT}\n---\n${EN_BODY}\n\n1. One more paragraph.\n`, '/overlay/liability/test.hbs', 'liability/test');
    const lib = compileLibrary([en(EN_BODY), zh(ZH_BODY), DEF_EN, DEF_ZH, overlay], (f) => !f.startsWith('/overlay'));
    expect(lib.zh?.missing).toEqual(['liability/test']);
  });
});

describe('Chinese numbers, dates and lists as treaty texts write them', () => {
  it('numerals both ways', () => {
    const cases: [number, string][] = [[1, '一'], [10, '十'], [12, '十二'], [20, '二十'], [21, '二十一'], [30, '三十'], [90, '九十'], [100, '一百'], [105, '一百零五'], [110, '一百一十'], [365, '三百六十五'], [1000, '一千'], [2005, '二千零五']];
    for (const [n, s] of cases) {
      expect(chineseNumber(n), String(n)).toBe(s);
      expect(parseChineseNumber(s), s).toBe(n);
    }
  });
  it('dates and lists', () => {
    expect(formatDateZh('2027-03-15')).toBe('2027年3月15日');
    expect(joinListZh(['中文', '葡萄牙文', '英文'])).toBe('中文、葡萄牙文和英文');
    expect(joinListZh(['甲', '乙'], '或')).toBe('甲或乙');
  });
});
