import type { Article, Draft } from '../../src/render/draft.js';
import { renderMarkdown } from '../../src/export/markdown.js';

/** A small article: id, title and its paragraphs (a paragraph may use `{ref:ID}` for "Article N"). */
export interface Spec {
  id: string;
  title: string;
  paras: string[];
}

export const A = (id: string, title: string, ...paras: string[]): Spec => ({ id, title, paras });

/** The Markdown spacecoop would generate for these articles, numbered in order, refs resolved. */
export function generate(specs: Spec[], options: { title?: string; notes?: boolean } = {}): string {
  const number = new Map(specs.map((s, i) => [s.id, i + 1]));
  const resolve = (t: string) => t.replace(/\{ref:([^}]+)\}/g, (_m, id: string) => `Article ${number.get(id)}`);
  const articles: Article[] = specs.map((s, i) => ({
    number: i + 1,
    clauseId: s.id,
    topic: s.id.split('/')[0]!,
    title: s.title,
    blocks: s.paras.map((p, j) => ({ ...(s.paras.length > 1 ? { number: j + 1 } : {}), text: resolve(p), items: [] })),
  }));
  const draft: Draft = {
    title: options.title ?? 'Agreement between Aldera and Borduria on Space Cooperation',
    form: 'agreement',
    binding: true,
    partyWord: 'Parties',
    preamble: ['The Government of Aldera and the Government of Borduria,'],
    agreedFormula: 'Have agreed as follows:',
    articles,
    testimonium: ['Done at [●].'],
    signatures: [
      { heading: 'For Aldera', name: '[●]', title: '[●]' },
      { heading: 'For Borduria', name: '[●]', title: '[●]' },
    ],
    notes: { openPoints: [], choices: [], reviews: articles.map((a) => ({ article: a.number, clauseId: a.clauseId, title: a.title, text: 'Check it.' })), sources: [] },
  };
  return renderMarkdown(draft, { notes: options.notes ?? false });
}

/** Five articles, the second referring to the fourth. */
export const BASE_SPECS: Spec[] = [
  A('objective/standard', 'Objective', 'The Parties shall cooperate in Earth observation.'),
  A('exchange/standard', 'Exchange of Data', 'Each Party shall furnish Technical Data.', 'Proprietary Information is protected under {ref:ip/joint}.', 'Nothing in this Article affects Article 2 of the Convention Establishing the World Intellectual Property Organization.'),
  A('jurisdiction/launching-party', 'Registration, Jurisdiction and Control', 'The launching Party shall register the satellite.', 'It shall retain jurisdiction and control.'),
  A('ip/joint', 'Intellectual Property', 'Foreground Intellectual Property is owned jointly.', 'Each Party grants a royalty-free licence.', 'Confidentiality lasts five (5) years.'),
  A('disputes/arbitration', 'Settlement of Disputes', 'The Parties shall consult for ninety (90) days.', 'Then either Party may submit the dispute to arbitration.', 'The seat of arbitration shall be The Hague.'),
];

/** Replace the first occurrence of `from` in `text`; fails loudly if it is not there. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture edit: \`${from}\` not found`);
  return text.replace(from, to);
}

export function withSpec(specs: Spec[], id: string, change: (s: Spec) => Spec | undefined): Spec[] {
  return specs.flatMap((s) => (s.id === id ? [change(s)].filter((x): x is Spec => x !== undefined) : [s]));
}

/** The visible text of a draft file: without the embedded base. */
export const visible = (text: string) => text.replace(/\n<!-- spacecoop:base [\s\S]*?\n-->\n?$/, '');
