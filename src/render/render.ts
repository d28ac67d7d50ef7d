import { UserError } from '../errors.js';
import type { Definition, Library } from '../library/library.js';
import type { Plan } from '../plan/plan.js';
import { languageName, type ResolvedTerms } from '../terms/resolve.js';
import { blankInfo } from './blanks.js';
import type { Article, Block, ChoiceNote, Draft, OpenPoint, Signature } from './draft.js';
import { escapeMarkdown } from './escape.js';
import { BLANK_MARK, blankToken, OPEN as TOKEN_OPEN, TOKEN_RE } from './tokens.js';
import { chineseNumber, formatDate, formatDateZh, joinListZh } from '../library/helpers.js';
import { formTitleZh, toChineseView } from './view-zh.js';
import { ARBITRATION_SOURCES, ARTICLE_LABEL, buildView, FORM_TITLE, joinList, nameInText, shortTitle, type View } from './view.js';
import { AREA_TITLES, TOPIC_TITLES } from './titles.js';

export interface RenderOptions {
  /** Party handle named first in title, preamble and signature block (the alternat). */
  alternat?: string;
  /**
   * The language of the text: English (default) or Chinese (`zh`), from the library's twins
   * (`library.zh` must be loaded). Same articles, numbering and clause ids in both.
   */
  lang?: 'en' | 'zh';
}

/** An article's number as the text writes it: "Article 12" or 第十二条. */
export function articleRef(n: number, lang: 'en' | 'zh'): string {
  return lang === 'zh' ? `第${chineseNumber(n)}条` : `Article ${n}`;
}

/** Instrument templates: not articles, but the skeleton around them. */
export const INSTRUMENT_CLAUSES = {
  preamble: 'instrument/preamble',
  testimonium: 'instrument/testimonium',
} as const;

/**
 * Terms + plan + library -> a structured, numbered draft. Pure: no I/O, no clock.
 */
export function renderDraft(t: ResolvedTerms, plan: Plan, english: Library, options: RenderOptions = {}): Draft {
  const lang = options.lang ?? 'en';
  const zh = lang === 'zh';
  if (zh && !english.zh) throw new Error('renderDraft: the Chinese twins are not loaded (loadLibrary(..., { zh: true }))');
  const library = zh ? twinLibrary(english) : english;
  const variants = Object.fromEntries(plan.choices.map((c) => [c.topic, c.variant]));
  const view = buildView(t, variants, plan.character);
  if (zh) toChineseView(view, t);
  if (options.alternat && view.parties[1].id === options.alternat) {
    view.parties.reverse();
    view.first = view.parties[0];
    view.second = view.parties[1];
    view.contract.parties.reverse();
  }

  // Render every selected clause first; numbering and references come after.
  const bodies = plan.articles.map((a) => {
    const clause = library.get(a.clauseId);
    const text = clause.render(view);
    // Parsed first: splitting flattens the text Handlebars built piece by piece, once, so the
    // definitions' scan below joins flat strings.
    return { planned: a, clause, text, blocks: parseBlocks(text) };
  });

  // The parent instrument's short title is a defined term of Article 1, like the library's own,
  // unless the preamble introduces it ("hereinafter ...") for the designation it recites: a term is
  // defined once (counsel round 2, A-12).
  const preambleDefinesParent = (t.source.parties ?? []).some((p) => p.designatedBy);
  const parentDate = view.parent?.date ? (zh ? formatDateZh(view.parent.date) : formatDate(view.parent.date)) : blankToken('parentInstrument.date');
  const parentRef = t.source.parentInstrument && view.parent && !preambleDefinesParent
    ? zh
      ? { term: `《${view.parent.short}》`, body: `指${parentDate}签署的《${view.parent.title}》` }
      : { term: view.parent.short, body: `means the ${view.parent.title}, signed on ${parentDate}` }
    : undefined;
  // The English Definitions article defines the parent instrument's short title only where the text uses it.
  const englishUsesParent = zh && Boolean(t.source.parentInstrument) && containsTerm(bodiesEnglish(english, t, plan, variants), englishParentTerm(t));
  // The Chinese text defines the terms the English text defines, in the same order, so both
  // Definitions articles have the same paragraphs (a Chinese term such as 发射 is also part of 发射国).
  const definitionsText = zh
    ? renderDefinitionsZh(english, library, view, englishTerms(english, t, plan, variants), englishUsesParent ? parentRef : undefined, englishUsesParent ? englishParentTerm(t) : undefined)
    : renderDefinitions(library, view, bodies.map((b) => b.text).join('\n'), parentRef);
  const articles: Omit<Article, 'number'>[] = [];
  if (definitionsText) articles.push({ clauseId: 'definitions', topic: 'definitions', title: zh ? '定义' : 'Definitions', blocks: parseBlocks(definitionsText) });
  for (const b of bodies) articles.push({ clauseId: b.clause.id, topic: b.planned.topic, title: b.clause.renderTitle(view), blocks: b.blocks });

  const numbered: Article[] = articles.map((a, i) => ({ ...a, number: i + 1 }));
  const articleOf = new Map<string, number>();
  for (const a of numbered) if (!articleOf.has(a.topic)) articleOf.set(a.topic, a.number);
  for (const a of numbered) if (!articleOf.has(a.clauseId)) articleOf.set(a.clauseId, a.number);

  const articleNumber = (arg: string, where: string): number => {
    const n = articleOf.get(arg) ?? articleOf.get(arg.split('/')[0]!);
    if (n !== undefined) return n;
    const clause = numbered.find((a) => articleRef(a.number, lang) === where)?.clauseId;
    const file = clause && library.has(clause) ? library.get(clause).file : where;
    throw new UserError(`${file}: {{ref "${arg}"}} refers to \`${arg}\`, which is not an article of this draft`, {
      hint: 'A cross-reference names a topic (e.g. "liability") or a clause id of an article the plan includes.',
    });
  };
  const blanks = new Map<string, OpenPoint>();
  const partyLabel = (path: string) => {
    const m = /^parties\[(\d)\]/.exec(path);
    const tasks = /^cooperation\.responsibilities\.(.+)$/.exec(path);
    const party = m ? t.parties[Number(m[1])] : tasks ? t.parties.find((p) => p.id === tasks[1]) : undefined;
    return party ? escapeMarkdown(party.label) : undefined;
  };
  // A short name with its article ("the Chinese Party") is capitalised where it opens a paragraph or sentence.
  const opening = sentenceOpenings(view.parties.map((p) => p.label));
  const resolve = (text: string, where: string) => opening(resolveTokens(text, where), true);
  // A sub-item continues the sentence that introduces it: "(a) the Chinese Party: 60 per cent;".
  const resolveItem = (text: string, where: string) => opening(resolveTokens(text, where), false);
  const resolveTokens = (text: string, where: string) =>
    // Most paragraphs hold no reference or blank: no token opener, nothing to replace.
    !text.includes(TOKEN_OPEN)
      ? text
      : text.replace(TOKEN_RE, (_m, kind: string, arg: string) => {
      if (kind === 'ref') {
        const numbers = [...new Set(arg.split(',').map((topic) => articleNumber(topic, where)))].sort((x, y) => x - y);
        if (zh) return joinListZh(numbers.map((n) => articleRef(n, 'zh')));
        return numbers.length === 1 ? `Article ${numbers[0]}` : `Articles ${joinList(numbers.map(String))}`;
      }
      const point = blanks.get(arg) ?? { path: arg, ...blankInfo(arg, partyLabel(arg)), where: [] };
      if (!point.where.includes(where)) point.where.push(where);
      blanks.set(arg, point);
      return BLANK_MARK;
    });
  const resolveBlocks = (blocks: Block[], where: string): Block[] =>
    blocks.map((b) => ({
      ...b,
      text: resolve(b.text, where),
      items: b.items.map((i) => ({ ...i, text: resolveItem(i.text, where) })),
    }));

  const titleText = zh
    ? t.source.zh?.title
      ? escapeMarkdown(t.source.zh.title)
      : t.source.title
        ? blankToken('zh.title')
        : view.character === 'contract'
          ? deriveContractTitleZh(view)
          : deriveTitleZh(t, view)
    : t.source.title
      ? escapeMarkdown(t.source.title)
      : view.character === 'contract'
        ? deriveContractTitle(view)
        : deriveTitle(t, view);
  const title = resolve(titleText, 'title');
  const preamble = parseParagraphs(library.get(plan.skeleton?.preamble ?? INSTRUMENT_CLAUSES.preamble).render(view)).map((p) => resolve(p, 'preamble'));
  const finalArticles = numbered.map((a) => ({ ...a, title: resolve(a.title, articleRef(a.number, lang)), blocks: resolveBlocks(a.blocks, articleRef(a.number, lang)) }));
  const testimonium = parseParagraphs(library.get(plan.skeleton?.testimonium ?? INSTRUMENT_CLAUSES.testimonium).render(view)).map((p) => resolve(p, 'signature block'));
  const signatures: Signature[] = view.parties.map((p) => ({
    heading: zh ? resolve(`${p.name}代表`, 'signature block') : `For ${(view.character === 'contract' ? view.contract.parties.find((q) => q.id === p.id)!.full : p.full).replace(/ \([^)]*\)$/, '')}`,
    name: resolve(p.signatoryName, 'signature block'),
    title: resolve(p.signatoryTitle, 'signature block'),
  }));

  // The notes are in English in both texts, with the English short names.
  const notesOpening = zh ? sentenceOpenings(t.parties.map((p) => escapeMarkdown(p.label))) : opening;
  const choices: ChoiceNote[] = plan.choices.map((c) => {
    const article = finalArticles.find((a) => a.topic === c.topic)!;
    const clause = english.get(article.clauseId);
    return {
      topic: c.topic,
      topicTitle: TOPIC_TITLES[c.topic] ?? clause.meta.title,
      clauseId: clause.id,
      article: article.number,
      chosenBy: c.chosenBy,
      reason: notesOpening(c.reason, true),
      ...(c.fallbackFrom ? { fallbackFrom: c.fallbackFrom } : {}),
      sources: sourcesOf(clause.meta.sources, t.arbitration.rules),
    };
  });
  // The notes are English: a Chinese draft's view holds Chinese names, so its notes get an English view.
  let englishView: object | undefined;
  const reviewView = () => (zh ? (englishView ??= buildView(t, variants, plan.character)) : view);
  const reviews = finalArticles
    .filter((a) => english.has(a.clauseId))
    .map((a) => ({ article: a.number, clauseId: a.clauseId, title: a.title, text: english.get(a.clauseId).renderReview(reviewView()) }))
    .filter((r) => r.text !== '');
  const cited = new Set<string>();
  for (const a of finalArticles) if (english.has(a.clauseId)) for (const s of sourcesOf(english.get(a.clauseId).meta.sources, t.arbitration.rules)) cited.add(s);
  const sources = [...cited].sort();

  return {
    title,
    form: t.form,
    binding: t.binding,
    partyWord: zh ? '双方' : t.binding ? 'Parties' : 'Participants',
    ...(zh ? { lang: 'zh' as const } : {}),
    preamble,
    agreedFormula: zh
      ? view.character === 'contract'
        ? '双方经友好协商，达成协议如下：'
        : t.binding
          ? '达成协议如下：'
          : '达成谅解如下：'
      : (plan.skeleton?.agreedFormula ?? (t.binding ? 'Have agreed as follows:' : 'Have reached the following understanding:')),
    ...(plan.character ? { character: { kind: plan.character.character, label: plan.character.label, reason: plan.character.reason } } : {}),
    articles: finalArticles,
    testimonium,
    signatures,
    notes: {
      texts: {
        authentic: t.languages.map(languageName),
        written: t.languages.filter((l) => l === 'en' || l === 'zh').map(languageName),
        toPrepare: t.languages.filter((l) => l !== 'en' && l !== 'zh').map(languageName),
      },
      openPoints: [...blanks.values()],
      choices,
      reviews,
      sources,
    },
    // The notes are in English in both texts: the alternat names the party as the English text does.
    firstParty: zh ? escapeMarkdown(t.party(view.parties[0].id).label) : view.parties[0].label,
  };
}

/**
 * For labels written with their article ("the Chinese Party"): text -> the same text with "The" where
 * such a label opens it (`opensSentence`: a paragraph, not a sub-item that continues one) or opens a
 * sentence (after ". ", "? " or "! "). Other labels: the identity.
 */
function sentenceOpenings(labels: string[]): (text: string, opensSentence: boolean) => string {
  const withArticle = labels.filter((l) => ARTICLE_LABEL.test(l));
  if (withArticle.length === 0) return (text) => text;
  const names = withArticle.map((l) => l.slice(4).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const before = (opener: string) => new RegExp(`(${opener})the (?=(?:${names})(?![\\p{L}\\p{N}]))`, 'gu');
  const [atStart, within] = [before('^|[.?!]\\s+'), before('[.?!]\\s+')];
  return (text, opensSentence) => (text.includes('the ') ? text.replace(opensSentence ? atStart : within, '$1The ') : text);
}

/** "Launch Services Agreement for the Taifa-2 Satellite between the Kenya Space Agency and Aryavarta ...": the deal first, as contracts are titled. */
function deriveContractTitle(view: View): string {
  const c = view.contract;
  const names = c.parties.map((p) => p.full.replace(/ \(“[^”]*”\)$/, ''));
  const project = view.project ? ` for the ${view.project.name} Project` : '';
  return `${c.deal}${project} between ${names[0]} and ${names[1]}`;
}

/** A clause's sources as the notes cite them: of the arbitration rules, only the ones chosen. */
function sourcesOf(sources: readonly string[], rules: string): string[] {
  let others = otherRules.get(rules);
  if (!others) otherRules.set(rules, (others = new Set(Object.entries(ARBITRATION_SOURCES).filter(([id]) => id !== rules).map(([, s]) => s))));
  return sources.filter((s) => !others.has(s));
}
/** For each choice of arbitration rules, the sources of the other rules (which the notes leave out). */
const otherRules = new Map<string, Set<string>>();

/**
 * "Protocol between A and B on the CBERS-6 Project"; without a project, "on Cooperation in Earth
 * Observation and Satellite Navigation", with a serial comma where an area's own name has "and".
 */
function deriveTitle(t: ResolvedTerms, view: View): string {
  const names = view.parties.map((p) => nameInText(p.name, p.commercial));
  const areas = t.areas.map((a) => AREA_TITLES[a]);
  const list = areas.length > 2 && areas.some((a) => / and /.test(a)) ? `${areas.slice(0, -1).join(', ')}, and ${areas[areas.length - 1]}` : joinList(areas);
  const subject = view.project
    ? `on the ${view.project.name} Project`
    : areas.length
      ? `on Cooperation in ${list}`
      : 'on Cooperation in the Exploration and Use of Outer Space for Peaceful Purposes';
  return `${FORM_TITLE[t.form]} between ${names[0]} and ${names[1]} ${subject}`;
}

/**
 * Definitions used by the selected clauses: a term is included when it appears in the text, and a
 * definition may itself use other defined terms, so the set grows to a fixed point. Each piece of
 * text is scanned once, for all terms at a time.
 */
function renderDefinitions(library: Library, view: View, text: string, extra?: { term: string; body: string }): string {
  const byTerm = definitionsByTerm(library, view.character);
  const used = new Map<string, string>();
  if (extra && findTerms(text, new Map([[extra.term, extra]])).length) used.set(extra.term, extra.body);
  if (byTerm.size === 0 && used.size === 0) return '';
  let pending = findTerms(text, byTerm);
  while (pending.length) {
    const next: string[] = [];
    for (const term of pending) {
      if (used.has(term)) continue;
      const def = byTerm.get(term)!;
      const body = definitionText(def, view);
      used.set(term, body);
      // A definition that renders empty belongs to another kind of instrument (a contract's
      // "Separation" in a treaty that mentions a "Satellite Launch Center").
      if (!body) continue;
      next.push(...(def.fixed ? fixedTerms(def, body, byTerm) : findTerms(body, byTerm)));
    }
    pending = next;
  }
  if (used.size === 0) return '';
  const terms = [...used.keys()].filter((term) => used.get(term)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (terms.length === 0) return '';
  // One definition is a sentence, not a single-item list.
  if (terms.length === 1) return `For the purposes of this ${view.Instrument}, “${terms[0]}” ${used.get(terms[0]!)!.replace(/[.;]$/, '')}.`;
  const lines = [`For the purposes of this ${view.Instrument}:`, ''];
  terms.forEach((term, i) => {
    const end = i === terms.length - 1 ? '.' : ';';
    lines.push(`(a) “${term}” ${used.get(term)!.replace(/[.;]$/, '')}${end}`);
  });
  return lines.join('\n');
}

/** A definition's text on one line. A fixed definition's (one with no expression) is the same in every draft: made once. */
function definitionText(def: Definition, view: View): string {
  if (!def.fixed) return oneLine(def.render(view));
  let text = fixedText.get(def);
  if (text === undefined) fixedText.set(def, (text = oneLine(def.body)));
  return text;
}
/** Runs of white space (or a tab or line break alone) that `oneLine` turns into one space. */
const LOOSE_SPACE = /[^\S ]|  /;
const oneLine = (s: string) => {
  const t = s.trim();
  return LOOSE_SPACE.test(t) ? t.replace(/\s+/g, ' ') : t;
};
const fixedText = new WeakMap<Definition, string>();

/** The defined terms a fixed definition's text uses, found once for each set of definitions. */
function fixedTerms(def: Definition, text: string, byTerm: Map<string, Definition>): string[] {
  let perSet = fixedTermsCache.get(def);
  if (!perSet) fixedTermsCache.set(def, (perSet = new WeakMap()));
  let terms = perSet.get(byTerm);
  if (!terms) perSet.set(byTerm, (terms = findTerms(text, byTerm)));
  return terms;
}
const fixedTermsCache = new WeakMap<Definition, WeakMap<object, string[]>>();

const byTermCache = new WeakMap<object, Map<string, Map<string, Definition>>>();
/** The definitions an instrument of this character can use: a contract's own terms only in a contract. */
function definitionsByTerm(library: Library, character: string): Map<string, Definition> {
  let perCharacter = byTermCache.get(library.definitions);
  if (!perCharacter) byTermCache.set(library.definitions, (perCharacter = new Map()));
  let m = perCharacter.get(character);
  if (!m) {
    m = new Map([...library.definitions.values()].filter((d) => definitionFits(d.meta.only, character)).map((d) => [d.term, d]));
    perCharacter.set(character, m);
  }
  return m;
}

/** Whether a definition marked `only: <character>` belongs in an instrument of this character. */
export function definitionFits(only: string | undefined, character: string): boolean {
  return only === undefined || only === character;
}

/**
 * The forms a defined term takes in running text, as a stem and its endings: "Related Entit" + "y"
 * or "ies", "Good" + "" or "s". A text is searched for the stem once, and each hit's ending checked.
 */
function termForms(term: string): { stem: string; endings: readonly string[] } {
  return /[^aeiou]y$/.test(term) ? { stem: term.slice(0, -1), endings: ['y', 'ies'] } : { stem: term, endings: ['', 's'] };
}

const WORD = /[\p{L}\p{N}-]/u;
const formsCache = new WeakMap<object, { stem: string; endings: readonly string[]; term: string }[]>();

/**
 * Every defined term that occurs in `text` as a whole word, singular or plural. Native indexOf per
 * term (its stem), then a check of the ending and the word boundaries at each hit: far cheaper
 * than one large Unicode pattern.
 */
function findTerms(text: string, byTerm: Map<string, unknown>): string[] {
  text = withoutTreatyTitles(text);
  let forms = formsCache.get(byTerm);
  if (!forms) {
    forms = [...byTerm.keys()].map((term) => ({ ...termForms(term), term }));
    formsCache.set(byTerm, forms);
  }
  const found: string[] = [];
  for (const { stem, endings, term } of forms) {
    search: for (let i = text.indexOf(stem); i >= 0; i = text.indexOf(stem, i + 1)) {
      if (i > 0 && WORD.test(text[i - 1]!)) continue;
      const end = i + stem.length;
      for (const ending of endings) {
        if (!text.startsWith(ending, end)) continue;
        const after = text[end + ending.length];
        if (after === undefined || !WORD.test(after)) {
          found.push(term);
          break search;
        }
      }
    }
  }
  return found;
}

/**
 * Words of a treaty's proper title that happen to be defined terms ("Damage", "Space Object" in the
 * Convention on International Liability for Damage Caused by Space Objects) are not uses of those
 * terms: blanked out, same length, before the scan.
 */
const TREATY_TITLE_WORDS = /International Liability for Damage Caused by Space Objects/g;
function withoutTreatyTitles(text: string): string {
  return text.includes('Damage Caused') ? text.replace(TREATY_TITLE_WORDS, (m) => ' '.repeat(m.length)) : text;
}

const singleTerms = new Map<string, Map<string, string>>();
/** Whether `text` uses a defined term, singular or plural; the renderer and the review agree on it. */
export function containsTerm(text: string, term: string): boolean {
  let one = singleTerms.get(term);
  if (!one) singleTerms.set(term, (one = new Map([[term, term]])));
  return findTerms(text, one).length > 0;
}

/**
 * Whether an instrument's title names a party, by its name or short name as a whole word ("ASA" is
 * not named by a title with "NASA"): a party it does not name acts under it by designation.
 */
export function titleNamesParty(title: string, party: { name?: string | undefined; shortName?: string | undefined }): boolean {
  return [party.name, party.shortName].some((n) => n !== undefined && n !== '' && containsTerm(title, n));
}

const NUMBERED = /^(\d+)\.\s+(.*)$/;
const ITEM = /^\s*\(([a-z]{1,3})\)\s+(.*)$/;

/**
 * A rendered clause body -> paragraphs. `1.` starts a numbered paragraph (renumbered in order, so a
 * conditional paragraph leaves no gap), `(a)` starts a sub-item (relettered), any other line starts
 * an unnumbered paragraph after a blank line or continues the one before. An article with one
 * paragraph is not numbered, as in treaty practice.
 */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  let inItem = false;
  let blank = true;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) {
      blank = true;
      continue;
    }
    // A numbered paragraph starts with a digit, a sub-item with "(": only then is a pattern tried.
    const first = line.charCodeAt(0);
    const num = first >= 0x30 && first <= 0x39 ? NUMBERED.exec(line) : null;
    const item = first === 0x28 ? ITEM.exec(line) : null;
    if (num) {
      current = { number: 0, text: num[2]!, items: [] };
      blocks.push(current);
      inItem = false;
    } else if (item && current) {
      current.items.push({ label: '', text: item[2]! });
      inItem = true;
    } else if (current && !blank) {
      if (inItem) current.items[current.items.length - 1]!.text += ` ${line}`;
      else current.text += ` ${line}`;
    } else {
      current = { text: line, items: [] };
      blocks.push(current);
      inItem = false;
    }
    blank = false;
  }
  const numbered = blocks.filter((b) => b.number !== undefined);
  if (numbered.length === 1 && blocks.length === 1) delete numbered[0]!.number;
  else numbered.forEach((b, i) => (b.number = i + 1));
  for (const b of blocks) b.items.forEach((it, i) => (it.label = letter(i)));
  return blocks;
}

function letter(i: number): string {
  return i < 26 ? String.fromCharCode(97 + i) : letter(Math.floor(i / 26) - 1) + String.fromCharCode(97 + (i % 26));
}

function parseParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => {
      const one = p.trim();
      // Most paragraphs are one line already: the pattern runs only on those that are not.
      return one.includes('\n') ? one.replace(/\s*\n\s*/g, ' ') : one;
    })
    .filter(Boolean);
}

/**
 * The Chinese library: the twins, with a stand-in for each clause an overlay added without a twin
 * (a blank title and body, so the Chinese text keeps its article and says what is missing).
 */
function twinLibrary(english: Library): Library {
  const zh = english.zh!;
  if (zh.missing.length === 0) return zh;
  return {
    ...zh,
    has: (id) => zh.has(id) || english.has(id),
    get: (id) => {
      if (zh.has(id)) return zh.get(id);
      const en = english.get(id);
      const blank = blankToken(`zh-twin:${id}`);
      return { ...en, render: () => blank, renderTitle: () => blank };
    },
  };
}

/** The English text of the same draft's articles, before numbering. */
function bodiesEnglish(english: Library, t: ResolvedTerms, plan: Plan, variants: Record<string, string>): string {
  const view = buildView(t, variants, plan.character);
  return plan.articles.map((a) => english.get(a.clauseId).render(view)).join('\n');
}

/** The English terms the English text of the same draft defines, in the English order. */
function englishTerms(english: Library, t: ResolvedTerms, plan: Plan, variants: Record<string, string>): string[] {
  const view = buildView(t, variants, plan.character);
  const text = bodiesEnglish(english, t, plan, variants);
  const byTerm = definitionsByTerm(english, view.character);
  const used = new Set<string>();
  let pending = findTerms(text, byTerm);
  while (pending.length) {
    const next: string[] = [];
    for (const term of pending) {
      if (used.has(term)) continue;
      const body = byTerm.get(term)!.render(view).trim();
      if (!body) continue;
      used.add(term);
      next.push(...findTerms(body, byTerm));
    }
    pending = next;
  }
  return [...used].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The parent instrument's short title as the English Definitions article has it. */
function englishParentTerm(t: ResolvedTerms): string {
  const p = t.source.parentInstrument!;
  return escapeMarkdown(p.shortTitle ?? shortTitle(p.title));
}

/** 定义: the Chinese forms of the same terms, in the English order; “相关实体”指……；. */
function renderDefinitionsZh(english: Library, zh: Library, view: View, terms: string[], extra?: { term: string; body: string }, extraEnglish?: string): string {
  const entries: { term: string; body: string; en: string }[] = [];
  // The parent instrument's short title sits where the English text sorts it, so the lists align.
  const order = extra && extraEnglish !== undefined ? [...terms, extraEnglish].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : terms;
  for (const en of order) {
    if (extra && en === extraEnglish) {
      entries.push({ term: extra.term, body: extra.body, en });
      continue;
    }
    const def = [...english.definitions.values()].find((d) => d.term === en)!;
    const twin = zh.definitions.get(def.id);
    const body = twin ? twin.render(view).trim().replace(/\s+/g, ' ') : blankToken(`zh-twin:${def.id}`);
    if (!body) continue;
    entries.push({ term: twin?.term ?? blankToken(`zh-twin:${def.id}`), body, en });
  }
  if (extra && extraEnglish === undefined) entries.push({ term: extra.term, body: extra.body, en: '' });
  if (entries.length === 0) return '';
  const strip = (b: string) => b.replace(/[。；;.]$/, '');
  const q = (term: string) => (term.startsWith('《') ? term : `“${term}”`);
  if (entries.length === 1) return `就本${view.Instrument}而言，${q(entries[0]!.term)}${strip(entries[0]!.body)}。`;
  const lines = [`就本${view.Instrument}而言：`, ''];
  entries.forEach((e, i) => lines.push(`(a) ${q(e.term)}${strip(e.body)}${i === entries.length - 1 ? '。' : '；'}`));
  return lines.join('\n');
}

/** 中华人民共和国政府和巴西联邦共和国政府关于CBERS-6项目的议定书. */
function deriveTitleZh(t: ResolvedTerms, view: View): string {
  const names = view.parties.map((p) => p.name);
  const subject = view.project
    ? `关于${view.project.name}项目的`
    : view.areas.length
      ? `关于${joinListZh(view.areas.map((a) => a.phrase))}领域合作的`
      : '关于和平探索和利用外层空间合作的';
  // 关于……合作的协定: the subject already says 合作.
  const form = formTitleZh(t.form, t.intergovernmental).title.replace(/^合作/, '');
  return `${names[0]}和${names[1]}${subject}${form}`;
}

/** 发射服务协议 for a contract: the deal first, then the parties (卡塔尔航天局与……之间的……). */
function deriveContractTitleZh(view: View): string {
  const c = view.contract;
  const names = c.parties.map((p) => view.parties.find((q) => q.id === p.id)!.name);
  const project = view.project ? `${view.project.name}项目` : '';
  return `${names[0]}与${names[1]}${project}${c.deal}`;
}
