import { containsTerm } from '../render/render.js';
import { parseDraftFile } from '../draftfile/parse.js';
import { renderArticle } from '../export/markdown.js';
import type { Draft } from '../render/draft.js';
import { FORM_TITLE } from '../render/view.js';
import type { ResolvedTerms } from '../terms/resolve.js';
import { INTERGOVERNMENTAL_FORMS, NON_BINDING_FORMS, SUBORDINATE_FORMS } from '../terms/resolve.js';
import type { Area, Form } from '../terms/schema.js';

/**
 * What the text rules read: the instrument's articles as Markdown, and the facts they depend on.
 * Built from the structured draft (with the facts taken from the terms) or from a draft file on
 * disk (with the facts read off the text), so the same rules review both.
 */
export interface DocArticle {
  number: number;
  title: string;
  /** From the clause marker or the structured draft; absent when a hand edit removed the marker. */
  clauseId?: string;
  /** The article's Markdown, heading included. */
  text: string;
  /** 1-based line of the heading in the file, when reviewing a file. */
  line?: number;
}

export interface DocFacts {
  form?: Form;
  binding: boolean;
  intergovernmental: boolean;
  subordinate: boolean;
  launch: boolean;
  commercial: boolean;
  exportControlled: boolean;
  areas: Area[];
  facilities: boolean;
  languages: number;
  /** The instrument is a contract (its character, as the plan decided it or as the text shows it). */
  contract: boolean;
}

export interface ReviewDoc {
  /** The file name, when reviewing a file. */
  file?: string;
  title: string;
  /** The preamble, articles and signature block, without the drafting notes, line by line. */
  lines: { text: string; line: number }[];
  articles: DocArticle[];
  facts: DocFacts;
}

/** A contract's formulae: its recitals close with "NOW, THEREFORE", its execution clause names the representatives. */
export const CONTRACT_MARKS = /\bNOW,? THEREFORE\b|\bIN WITNESS WHEREOF, the Parties have caused\b/;

export const HEADING = /^## Article (\d+) — (.+)$/;

/** The structured draft of a terms file, with the facts taken from the terms. */
export function docFromDraft(draft: Draft, t: ResolvedTerms): ReviewDoc {
  const articles = draft.articles.map((a) => ({ number: a.number, title: a.title, clauseId: a.clauseId, text: renderArticle(a) }));
  const body = [...draft.preamble, ...articles.map((a) => a.text), ...draft.testimonium].join('\n\n');
  return {
    title: draft.title,
    lines: body.split('\n').map((text, i) => ({ text, line: i + 1 })),
    articles,
    facts: {
      form: t.form,
      binding: t.binding,
      intergovernmental: t.intergovernmental,
      subordinate: t.subordinate,
      launch: Boolean(t.launch) || t.hasArea('launch-services', 'in-orbit-delivery'),
      commercial: t.commercialInvolved,
      exportControlled: t.exportControlled,
      areas: t.areas,
      facilities: t.facilities.length > 0,
      languages: t.languages.length,
      contract: draft.character?.kind === 'contract',
    },
  };
}

const FORMS_BY_TITLE = (Object.entries(FORM_TITLE) as [Form, string][]).sort((a, b) => b[1].length - a[1].length);

/** A draft file: articles by their `## Article N — Title` headings, clause ids from the markers. */
export function docFromMarkdown(text: string, file?: string): ReviewDoc {
  const { segments } = parseDraftFile(text.replace(/\r\n/g, '\n'));
  const lines: ReviewDoc['lines'] = [];
  for (const s of segments) {
    if (s.kind === 'notes') continue;
    s.text.split('\n').forEach((l, i) => lines.push({ text: l, line: s.line + i }));
  }
  let title = '';
  const articles: DocArticle[] = [];
  let current: DocArticle | undefined;
  for (const s of segments) {
    if (s.kind === 'notes') continue;
    s.text.split('\n').forEach((l, i) => {
      const line = s.line + i;
      if (!title && /^# /.test(l)) title = l.slice(2).trim();
      const h = HEADING.exec(l);
      if (h) {
        current = { number: Number(h[1]), title: h[2]!.trim(), text: l, line, ...(s.kind === 'clause' ? { clauseId: s.id } : {}) };
        articles.push(current);
      } else if (/^#{1,2} /.test(l) || (s.kind === 'clause' && s.id.startsWith('instrument/'))) {
        current = undefined;
      } else if (current) {
        current.text += `\n${l}`;
      }
    });
    // An article ends with its clause; text after the closing marker belongs to no article.
    if (s.kind === 'clause') current = undefined;
  }
  const all = lines.map((l) => l.text).join('\n');
  const form = FORMS_BY_TITLE.find(([, t]) => title.startsWith(t))?.[0];
  const participants = (all.match(/\bParticipants?\b/g) ?? []).length;
  const parties = (all.match(/\bPart(y|ies)\b/g) ?? []).length;
  const binding = form ? !NON_BINDING_FORMS.includes(form) : participants <= parties;
  const preamble = (segments.find((s) => s.kind === 'clause' && s.id === 'instrument/preamble')?.text ?? all).split('\n').find((l) => l.trim()) ?? '';
  const governments = (title.match(/\bGovernment\b/g) ?? []).length >= 2 || (preamble.match(/\bGovernment\b/g) ?? []).length >= 2;
  const languagesLine = articles.find((a) => /Authentic Texts|Languages/i.test(a.title))?.text ?? '';
  const languageList = /(?:done|texts of this \w+) in the (.+?) languages?\b/.exec(languagesLine)?.[1] ?? '';
  return {
    ...(file ? { file } : {}),
    title,
    lines,
    articles,
    facts: {
      ...(form ? { form } : {}),
      binding,
      intergovernmental: binding && governments && (!form || INTERGOVERNMENTAL_FORMS.includes(form)),
      subordinate: form ? SUBORDINATE_FORMS.includes(form) : false,
      launch: /\b(shall|will) launch\b|\bLaunch Vehicle\b|\blaunch services\b/.test(all),
      commercial: /\bcontinuing supervision\b/.test(all),
      exportControlled: articles.some((a) => a.clauseId?.startsWith('export-control/') || /Export Control/i.test(a.title)),
      areas: [],
      facilities: false,
      languages: languageList ? languageList.split(/,\s*|\s+and\s+/).filter(Boolean).length : 1,
      contract: CONTRACT_MARKS.test(all),
    },
  };
}

/** The article a topic lives in: by clause id when the marker survives, else by its heading. */
export function findArticle(doc: ReviewDoc, topic: string, title: RegExp): DocArticle | undefined {
  return doc.articles.find((a) => a.clauseId?.startsWith(`${topic}/`)) ?? doc.articles.find((a) => title.test(a.title));
}

/** The body of an article without its heading. */
export function bodyOf(a: DocArticle): string {
  // Every rule asks for the bodies of the same articles: one string per article, so the sentence
  // cache below finds it without hashing a new copy each time.
  let body = bodies.get(a);
  if (body === undefined) bodies.set(a, (body = a.text.replace(/^## .*\n?/, '')));
  return body;
}
const bodies = new WeakMap<DocArticle, string>();

/** Sentences, roughly: split after `.`, `;` or `:` followed by space, and at paragraph breaks. */
export function sentences(text: string): string[] {
  // Each rule reads the same articles' sentences: split each text once per review.
  let split = sentenceCache.get(text);
  if (!split) {
    if (sentenceCache.size > 2000) sentenceCache.clear();
    split = text
      .split(/\n\s*\n|(?<=[.;:])\s+/)
      .map((s) => s.replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    sentenceCache.set(text, split);
  }
  return split;
}
const sentenceCache = new Map<string, string[]>();

const NEGATION = /\b(not|nothing|no|neither|nor|without prejudice)\b/i;
const CONDITION = /\b(if|unless|where|when|until|once)\b[^,]*,/gi;
/** "A dispute not settled within 90 days shall be submitted to arbitration": a condition without "if". */
const UNSETTLED = /\b(not|never) (yet )?(been )?(settled|resolved|agreed|amicably settled)\b/gi;

/**
 * Is what `re` finds in `sentence` denied (“does not grant any exemption”)? Only the words before
 * it count, without conditions (“If the dispute is not settled ..., either Party may submit it to
 * arbitration” is not a denial of arbitration).
 */
export function negated(sentence: string, re?: RegExp): boolean {
  const i = re ? sentence.search(re) : sentence.length;
  const before = sentence.slice(0, i < 0 ? sentence.length : i).replace(CONDITION, ' ').replace(UNSETTLED, ' ');
  return NEGATION.test(before);
}

/** Sentences where `re` matches and is not denied. */
export const affirms = (text: string, re: RegExp): string[] => sentences(text).filter((s) => re.test(s) && !negated(s, re));

export function where(a: DocArticle): string {
  return `Article ${a.number}`;
}

export function at(a: DocArticle): { where: string; line?: number } {
  return a.line !== undefined ? { where: where(a), line: a.line } : { where: where(a) };
}

/** Does `text` use `term`, or its plural, as a whole word? */
export const usesTerm = containsTerm;
