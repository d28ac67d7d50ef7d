// Regenerating an edited draft: the three-way merge alone (parse, decode the base, merge per clause,
// renumber, encode the new base), on synthetic drafts of 50 to 400 articles with 20 hand edits and
// new terms that reword one article in ten, drop one near the top (so every later article is
// renumbered) and add one.
import { join } from 'node:path';

export async function bench({ ROOT, library, source, median }) {
  const { draftFromTermsText } = await import(join(ROOT, 'dist', 'engine.js'));
  const { renderMarkdown } = await import(join(ROOT, 'dist', 'export', 'markdown.js'));
  const { freshDraft, mergeDraft } = await import(join(ROOT, 'dist', 'draftfile', 'merge.js'));
  const sample = draftFromTermsText(source, 'cbers.yaml', library).draft;

  // Cross-references point within the same copy of the sample and are resolved after the change,
  // as the renderer resolves them after numbering.
  const make = (n, change) => {
    const articles = [];
    for (let i = 0; i < n; i++) {
      const a = sample.articles[i % sample.articles.length];
      const copy = Math.floor(i / sample.articles.length);
      const ref = (t) => t.replace(/\bArticle (\d+)\b(?! of (?!this))/g, (_m, k) => `Article {${sample.articles[Number(k) - 1]?.clauseId ?? 'x'}-${copy}}`);
      articles.push({ ...a, clauseId: `${a.clauseId}-${copy}`, blocks: a.blocks.map((b) => ({ ...b, text: ref(b.text), items: b.items.map((it) => ({ ...it, text: ref(it.text) })) })) });
    }
    const changed = (change ? change(articles) : articles).map((a, i) => ({ ...a, number: i + 1 }));
    const number = new Map(changed.map((a) => [a.clauseId, a.number]));
    const resolve = (t) => t.replace(/\{([^}]+)\}/g, (_m, id) => String(number.get(id) ?? 1));
    const articlesOut = changed.map((a) => ({ ...a, blocks: a.blocks.map((b) => ({ ...b, text: resolve(b.text), items: b.items.map((it) => ({ ...it, text: resolve(it.text) })) })) }));
    return renderMarkdown({ ...sample, articles: articlesOut });
  };
  const newTerms = (articles) => {
    const out = articles.map((a, i) => (i % 10 === 3 ? { ...a, blocks: a.blocks.map((b, j) => (j === 0 ? { ...b, text: `${b.text} This applies as amended.` } : b)) } : a));
    const extra = { ...out[5], clauseId: 'extra/new', title: 'Additional Provisions' };
    out.splice(2, 1);
    out.splice(out.length - 3, 0, extra);
    return out;
  };
  const editDraft = (text, n) => {
    const lines = text.split('\n');
    const headings = lines.flatMap((l, i) => (l.startsWith('## Article ') ? [i] : []));
    for (let k = 0; k < 20; k++) {
      const at = headings[Math.floor((k * headings.length) / 20)] + 2;
      lines[at] = `${lines[at]} The Parties may agree otherwise in writing (edit ${k}).`;
    }
    return lines.join('\n');
  };

  const rows = [];
  const times = {};
  for (const n of [50, 100, 200, 400]) {
    const edited = editDraft(freshDraft(make(n)), n);
    const generated = make(n, newTerms);
    for (let i = 0; i < 5; i++) mergeDraft(edited, generated);
    const ms = [];
    for (let i = 0; i < 21; i++) {
      const t = process.hrtime.bigint();
      mergeDraft(edited, generated);
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    times[n] = median(ms);
    const target = n === 200 ? '< 50 ms' : '';
    rows.push({ name: `regenerate, ${n} articles, 20 edits (median)`, value: `${times[n].toFixed(1)} ms = ${((times[n] / n) * 1000).toFixed(0)} µs/article`, target, ok: n === 200 ? times[n] < 50 : true });
  }
  const ratio = times[400] / times[50];
  rows.push({ name: 'regenerate, 400 vs 50 articles (linear = 8x)', value: `${ratio.toFixed(1)}x`, target: '<= 12x', ok: ratio <= 12 });
  return rows;
}
