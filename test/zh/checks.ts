import type { Draft } from '../../src/render/draft.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
/** The words of a Chinese text, by the segmenter Node carries (ICU), not by bare characters. */
export const words = (text: string) => [...segmenter.segment(text)].filter((s) => s.isWordLike).map((s) => s.segment);

/** Modal verbs of obligation that a memorandum must not use. */
const MODALS = new Set(['应', '应当', '必须', '须']);

/**
 * What a Chinese treaty officer would flag in a rendered Chinese text: template residue, English
 * left in the text, binding modals in a memorandum, treaty vocabulary in a contract.
 */
export function chineseProblems(d: Draft, o: { binding: boolean; contract: boolean }): string[] {
  const out: string[] = [];
  const texts: [string, string][] = [
    ['title', d.title],
    ...d.preamble.map((p, i): [string, string] => [`preamble ${i + 1}`, p]),
    ['agreed formula', d.agreedFormula],
    ...d.articles.flatMap((a) => [
      [`第${a.number}条 title`, a.title] as [string, string],
      ...a.blocks.flatMap((b, i) => [[`第${a.number}条 ¶${i + 1}`, b.text] as [string, string], ...b.items.map((it, j): [string, string] => [`第${a.number}条 ¶${i + 1}(${j + 1})`, it.text])]),
    ]),
    ...d.testimonium.map((p, i): [string, string] => [`testimonium ${i + 1}`, p]),
    ...d.signatures.flatMap((s): [string, string][] => [['signature', s.heading], ['signature', s.title]]),
  ];
  for (const [where, text] of texts) {
    const residue = /\{\{|\}\}|undefined|\[object Object\]|\bNaN\b|[\uE000-\uE003]/.exec(text);
    if (residue) out.push(`${where}: template residue \`${residue[0]}\``);
    // English words: a Latin word with two or more lower-case letters (codes like CBERS-6 or ICC stay).
    const english = /[A-Za-z]*[a-z]{2,}[A-Za-z]*/.exec(text);
    if (english) out.push(`${where}: English word \`${english[0]}\` in the Chinese text: ${text.slice(0, 80)}`);
    if (!o.binding) {
      const modal = words(text).find((w) => MODALS.has(w));
      if (modal) out.push(`${where}: the modal ${modal} in a memorandum: ${text.slice(0, 80)}`);
      if (words(text).includes('生效')) out.push(`${where}: 生效 in a memorandum (开始执行): ${text.slice(0, 80)}`);
    }
    if (o.contract) {
      for (const treaty of ['缔约', '外交途径', '批准书']) if (text.includes(treaty)) out.push(`${where}: treaty vocabulary ${treaty} in a contract: ${text.slice(0, 80)}`);
    }
  }
  return out;
}
