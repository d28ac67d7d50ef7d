import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { cases } from '../matrix/cases.js';
import { builtinLibrary } from '../helpers/engine.js';
import { chineseProblems } from './checks.js';

/**
 * Every form × every variant of the four topics, in Chinese: the same articles as the English text,
 * no residue, no English word, and the memorandum's voice (no 应, no 生效).
 */
describe('clause matrix in Chinese', () => {
  const all = cases().map((c) => ({ ...c, yaml: c.yaml.replace(/^languages: \[([^\]]*)\]/m, 'languages: [zh, $1]') }));
  for (const form of [...new Set(all.map((c) => c.form))]) {
    it(`renders every variant in a ${form}, article for article with the English`, () => {
      const problems: string[] = [];
      const library = builtinLibrary();
      for (const c of all.filter((x) => x.form === form)) {
        const en = draftFromTermsText(c.yaml, 'matrix.yaml', library).draft;
        const zh = draftFromTermsText(c.yaml, 'matrix.yaml', library, { lang: 'zh' }).draft;
        const ids = (d: typeof en) => d.articles.map((a) => a.clauseId).join(' ');
        if (ids(en) !== ids(zh)) problems.push(`${c.name}: articles differ`);
        const paras = (d: typeof en) => d.articles.map((a) => `${a.blocks.length}:${a.blocks.map((b) => b.items.length).join(',')}`).join(' ');
        if (paras(en) !== paras(zh)) problems.push(`${c.name}: paragraphs differ: ${paras(en)} / ${paras(zh)}`);
        problems.push(...chineseProblems(zh, { binding: zh.binding, contract: false }).map((p) => `${c.name}: ${p}`));
      }
      expect(problems.slice(0, 15)).toEqual([]);
    });
  }
});
