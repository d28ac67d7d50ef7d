import type { Library } from '../../library/library.js';
import { SUBORDINATE_FORMS } from '../../terms/resolve.js';
import { CONTRACT_MARKS, type DocArticle, type ReviewDoc } from '../doc.js';
import { runRules } from '../rule.js';
import { TEXT_RULES } from '../rules/text.js';
import type { Finding } from '../types.js';
import { readCharacter, type Character } from './character.js';
import { operativeSentences, scoreText, type Score } from './scorecard.js';
import { splitText, type SplitText, type TextArticle } from './split.js';
import { suggestFor, type Suggestion } from './suggest.js';

export { classifyText, type TextKind } from './kind.js';
export { sniffBytes, type Sniffed } from './input.js';
export { splitText } from './split.js';
export { scoreText, PROVISIONS } from './scorecard.js';
export type { Character } from './character.js';

/**
 * One line of the scorecard, as `check --json` prints it: the score (provision, name, status,
 * article, 1-based line, evidence, lacks, specificWhen) without the internal article reference,
 * and, for a missing or vague provision, the library's clauses and the terms fields that choose
 * between them (null when specific).
 */
export interface ScorecardEntry extends Omit<Score, 'at' | 'titled'> {
  suggest: Suggestion | null;
}

export interface ForeignReview {
  /** How the text was cut: `article lines`, `headings`, `numbered titles` or `none`, and into how many parts. */
  structure: { found: SplitText['structure']; articles: number };
  title: string;
  character: Character;
  scorecard: ScorecardEntry[];
  findings: Finding[];
  /** What the words alone cannot settle; said plainly so the reader does not take silence for a pass. */
  notJudged: string[];
}

/**
 * The text rules that can be judged from a text spacecoop did not write (docs/legal-reference.md consistency
 * rules 1, 2, 5, 7, 12, 13, 14, 18, 19, 20, and references). The others need facts the words do
 * not give (who launches, whether contractors take part, which areas): see `notJudged`.
 */
export const FOREIGN_RULE_IDS: readonly string[] = [
  'mou-binding-language',
  'mou-binding-provision',
  'exemption-needs-treaty',
  'jurisdiction-follows-registration',
  'un-registration',
  'waiver-keeps-convention',
  'waiver-exceptions',
  'arbitration-incomplete',
  'order-of-precedence',
  'termination-survival',
  'entry-into-force-form',
  'languages-divergence',
  'broken-reference',
];

export const NOT_JUDGED: readonly string[] = [
  'Whether the State named to register an object is a launching State of it (it launches, procures the launch, or provides the site): the text rarely says who launches.',
  'Whether the signatories can bind their States, and whether domestic approval (ratification, parliamentary approval) must come before entry into force.',
  'Whether export-controlled goods or technical data will change hands, and so whether a transfer clause is needed.',
  'Whether contractors or commercial entities take part, and so whether a cross-waiver must flow down to them.',
  'Area-specific provisions (crew jurisdiction, a ground facility\u2019s host-State terms, launch apportionment) are checked only where the text itself names the activity.',
];

const LANGUAGE_NAMES = /\b(English|Chinese|French|Spanish|Russian|Arabic|Portuguese|German|Italian|Japanese|Korean|Hindi|Urdu|Swahili|Indonesian|Malay|Thai|Vietnamese|Turkish|Persian|Farsi|Dutch|Polish|Ukrainian|Kazakh|Mongolian|Amharic|Bengali|Sinhala|Tamil|Greek|Hebrew|Romanian|Hungarian|Czech|Swedish|Norwegian|Finnish|Danish)\b/g;

/**
 * Reviews any agreement text: the scorecard, the instrument's character, and the text rules that
 * apply to words. Pure: `library` gives the suggestions, nothing is read or printed.
 */
export function reviewForeignText(text: string, library: Pick<Library, 'variants' | 'get'>): ForeignReview {
  const split = splitText(text);
  const operative = operativeSentences(split);
  const character = readCharacter(split, operative);
  const scores = scoreText(split);
  const doc = reviewDoc(split, character, scores);
  const labels = new Map(split.articles.map((a) => [a.number, a]));
  // Cross-references can be checked only where the text numbers its articles itself.
  const numbered = split.articles.every((a) => a.numbered);
  const rules = TEXT_RULES.filter((r) => FOREIGN_RULE_IDS.includes(r.id) && (numbered || r.id !== 'broken-reference'));
  const findings = runRules(rules, { doc, knownTerms: [] }).map((f) => relabel(f, labels));
  return {
    structure: { found: split.structure, articles: split.articles.length },
    title: split.title,
    character,
    scorecard: scores.map((s) => entry(s, library, character.binding)),
    findings,
    notJudged: [...NOT_JUDGED],
  };
}

function entry(s: Score, library: Pick<Library, 'variants' | 'get'>, binding: boolean): ScorecardEntry {
  return {
    provision: s.provision,
    name: s.name,
    status: s.status,
    article: s.article,
    line: s.line,
    evidence: s.evidence,
    lacks: s.lacks,
    specificWhen: s.specificWhen,
    suggest: s.status === 'specific' ? null : suggestFor(s.provision, library, binding),
  };
}

/** The rules name articles "Article N (Title)"; a text that says "Section N", or has unnumbered parts, is quoted as it is written. */
function relabel(f: Finding, articles: Map<number, TextArticle>): Finding {
  const m = f.where ? /^Article (\d+)$/.exec(f.where) : null;
  const a = m ? articles.get(Number(m[1])) : undefined;
  if (!m || !a) return f;
  const prefix = new RegExp(`^${f.where} \\([^)]*\\)`);
  const name = a.title && a.title !== a.label ? `${a.label} (${a.title})` : a.label;
  return { ...f, where: a.label, message: prefix.test(f.message) ? f.message.replace(prefix, name) : f.message.startsWith(f.where!) ? a.label + f.message.slice(f.where!.length) : f.message };
}

/** The same shape the text rules read for our drafts, built from the words of any text. */
function reviewDoc(split: SplitText, character: Character, scores: Score[]): ReviewDoc {
  const tags = new Map<TextArticle, string>();
  // An article titled for a provision is that provision's; an article titled for something else only where it settles one.
  for (const s of [...scores].sort((a, b) => Number(b.titled ?? false) - Number(a.titled ?? false))) {
    if (!s.at || (!s.titled && s.at.title !== '' && s.status !== 'specific')) continue;
    // A jurisdiction article for the registration rules is one that speaks of registration.
    if (s.provision === 'jurisdiction' && !s.at.paragraphs.some((p) => /\bregist(er|ers|ered|ering|ration|ry)\b/i.test(p.text))) continue;
    if (!tags.has(s.at)) tags.set(s.at, `${s.provision}/text`);
  }
  const eif = character.entryIntoForce ? split.articles.find((a) => a.line <= character.entryIntoForce!.line && a.paragraphs.some((p) => p.line === character.entryIntoForce!.line)) : undefined;
  if (eif && !tags.has(eif)) tags.set(eif, 'final/entry-into-force/text');
  const langs = split.articles.find((a) => a.paragraphs.some((p) => /\bauthentic\b/i.test(p.text)) && !tags.has(a));
  if (langs) tags.set(langs, 'final/languages/text');
  const articles: DocArticle[] = split.articles.map((a) => {
    const body = a.paragraphs.map((p) => (p.number && /^\d/.test(p.number) ? `${p.number}. ${p.text}` : p.text)).join('\n\n');
    const tag = tags.get(a);
    return { number: a.number, title: a.title || a.label, text: `## ${a.label} — ${a.title}\n${body}`, line: a.line, ...(tag ? { clauseId: tag } : {}) };
  });
  const all = [...split.preamble, ...split.articles.flatMap((a) => a.paragraphs)];
  const languageText = all.filter((p) => /\bauthentic\b|\blanguages?\b|\bdone (at|in)\b|\bin duplicate\b/i.test(p.text)).map((p) => p.text).join(' ');
  const languages = new Set(languageText.match(LANGUAGE_NAMES) ?? []).size;
  const operative = split.articles.flatMap((a) => a.paragraphs.map((p) => p.text)).join('\n');
  return {
    title: split.title,
    lines: all.map((p) => ({ text: p.text, line: p.line })),
    articles,
    facts: {
      ...(character.form ? { form: character.form } : {}),
      binding: character.binding,
      intergovernmental: character.binding && character.intergovernmental,
      subordinate: character.form ? SUBORDINATE_FORMS.includes(character.form) : false,
      launch: /\blaunch(es|ed|ing)?\b/i.test(operative),
      commercial: character.parties.some((p) => p.type === 'commercial'),
      exportControlled: split.articles.some((a) => /Export Control|Technology Safeguards/i.test(a.title)),
      areas: [],
      facilities: false,
      languages: Math.max(1, languages),
      contract: character.form === 'contract' || CONTRACT_MARKS.test(all.map((p) => p.text).join('\n')),
    },
  };
}
