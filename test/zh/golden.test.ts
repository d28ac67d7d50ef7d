import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, ROOT } from '../helpers/run.js';
import { chineseProblems } from './checks.js';

/**
 * The Chinese text of each example, read line by line when accepted, pinned in
 * test/golden/<name>.zh.md. An example not concluded in Chinese (leo-delivery) is drafted with zh
 * added to its languages, so that every contract and treaty skeleton has a pinned Chinese text.
 * `UPDATE_GOLDEN=1 npx vitest run test/zh/golden.test.ts` rewrites them after review.
 */
const update = process.env.UPDATE_GOLDEN === '1';
const withChinese = (yaml: string) => (/^languages: \[[^\]]*\bzh\b/m.test(yaml) ? yaml : yaml.replace(/^languages: \[([^\]]*)\]/m, 'languages: [$1, zh]'));

describe('golden Chinese texts of the examples', () => {
  it.each(EXAMPLES.map((f) => [basename(f, '.yaml'), f]))('%s', (name, file) => {
    const yaml = withChinese(readFileSync(file, 'utf8'));
    const library = builtinLibrary();
    const en = draftFromTermsText(yaml, `examples/${name}.yaml`, library).draft;
    const zh = draftFromTermsText(yaml, `examples/${name}.yaml`, library, { lang: 'zh' }).draft;
    const md = renderMarkdown(zh);
    // Same articles, same order, same clause ids as the English text.
    expect(zh.articles.map((a) => `${a.number} ${a.clauseId}`)).toEqual(en.articles.map((a) => `${a.number} ${a.clauseId}`));
    expect(zh.articles.map((a) => a.blocks.length)).toEqual(en.articles.map((a) => a.blocks.length));
    expect(chineseProblems(zh, { binding: zh.binding, contract: zh.form === 'contract' })).toEqual([]);
    // The names the example gives in Chinese leave no blank for a name.
    expect(zh.notes.openPoints.filter((p) => /\.zh\./.test(p.path) || p.path.startsWith('zh-twin:')).map((p) => p.path)).toEqual([]);
    const golden = join(ROOT, 'test', 'golden', `${name}.zh.md`);
    if (update) {
      mkdirSync(join(ROOT, 'test', 'golden'), { recursive: true });
      writeFileSync(golden, md);
    }
    let expected: string;
    try {
      expected = readFileSync(golden, 'utf8');
    } catch {
      throw new Error(`no golden file ${golden}; review the Chinese text, then run with UPDATE_GOLDEN=1`);
    }
    expect(md).toBe(expected);
  });
});
