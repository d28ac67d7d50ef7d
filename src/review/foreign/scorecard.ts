import { negated, sentences as splitSentences } from '../doc.js';
import type { SplitText, TextArticle } from './split.js';

/**
 * The Section 4.4 scorecard: for each of the four provisions a cooperation agreement must make
 * specific and explicit, whether the text has it (`specific`), mentions it without settling it
 * (`vague`) or says nothing (`missing`). Keyed on substance, not on any one drafting style: who
 * registers and who keeps jurisdiction; who owns what is created; how claims between the parties
 * and by third parties are handled; through which channel and in what time a dispute moves on.
 *
 * Precision first: a provision is `missing` only when no operative sentence touches the subject at
 * all; a hedged sentence ("as appropriate", "will consider") never makes a provision `specific`.
 * Source: IISL 2016, Section 4.4; the criteria follow docs/legal-reference.md's notes on each topic.
 */
export type Provision = 'jurisdiction' | 'ip' | 'liability' | 'disputes';
export type Status = 'missing' | 'vague' | 'specific';

export const PROVISIONS: readonly Provision[] = ['jurisdiction', 'ip', 'liability', 'disputes'];

export interface Sentence {
  text: string;
  article: TextArticle;
  /** "Article 7(2)", "Article 7", or the part's label. */
  place: string;
  line: number;
}

export interface Score {
  provision: Provision;
  name: string;
  status: Status;
  /** Where it rests: "Article 12(4)"; null when missing. */
  article: string | null;
  line: number | null;
  /** The sentence the status rests on, as written; null when missing. */
  evidence: string | null;
  /** What the text lacks, in words (empty when specific). */
  lacks: string[];
  /** What would make the provision specific. */
  specificWhen: string;
  /** The article the provision lives in (for the text rules); undefined when missing. */
  at?: TextArticle;
  /** True when that article's title names the provision ("Liability", "Cross-Waiver"). */
  titled?: boolean;
}

interface Criterion {
  id: string;
  /** A sentence that meets this criterion is about the provision even without its usual words. */
  mentions?: boolean;
  /** What is missing when the criterion is not met, e.g. "no period before the next step". */
  lack: string;
  test: (s: string) => boolean;
}

interface Spec {
  id: Provision;
  name: string;
  title: RegExp;
  mention: (s: string) => boolean;
  criteria: Criterion[];
  specific: (has: (id: string) => boolean) => boolean;
  /** The criteria to report as lacking when the provision is vague. */
  report: (has: (id: string) => boolean) => string[];
  /** The criteria a sentence must carry to be quoted as evidence, most first. */
  evidence: string[];
  specificWhen: string;
}

/** Words that turn an undertaking into a wish: such a sentence never makes a provision specific. */
const HEDGE = /\b(as appropriate|where appropriate|if appropriate|as necessary|where necessary|if necessary|to the extent (possible|practicable)|endeavou?r|may consider|will consider|shall consider|explore|where possible|in due course|in principle|at a later stage|future arrangements?|separate (agreements?|arrangements?) to be)\b/i;
const affirmed = (s: string, re: RegExp) => re.test(s) && !negated(s, re);

const REGISTRATION_WORD = /\bregist(er|ers|ered|ering|ration|ry|rar)\b/i;
const NOT_SPACE_REGISTRATION = /\bregistered (office|address|trade ?marks?|designs?|mail)\b|\bregistration of (intellectual property|patents?|trade ?marks?|designs?|companies)\b/i;
const HOST = /\b(host|territory|territorial|located|situated|stands)\b|\blaws? of the (Argentine|Republic|Kingdom|Federative|People's|Islamic|United|State of|Commonwealth|Federal)/i;
/** Any sentence on the law at a ground facility: about the subject, if not settling it. */
const HOST_LAW_MENTION = (s: string) =>
  /\b(laws?|legislation|jurisdiction)\b/i.test(s) &&
  /\b(station|facility|facilities|site|premises|ground segment|antennas?)\b/i.test(s) &&
  /\b(apply|applies|applicable|govern(s|ed)?|subject to|in accordance with|compl(y|ies)|respect)\b/i.test(s) &&
  HOST.test(s);
/** The facility itself under the host State's law: what a station agreement puts in place of registration. */
const HOST_LAW = (s: string) =>
  HOST.test(s) &&
  (/\b(stations?|facility|facilities|site|premises|ground segment|antennas?)\b[^.;]*\b(subject to|governed by)\b[^.;]*\b(laws?|legislation|jurisdiction)\b/i.test(s) ||
    /\b(laws?|legislation|jurisdiction)\b[^.;]*\b(appl(y|ies)|govern(s)?|extends?)\b[^.;]*\b(station|facility|facilities|site|premises)\b/i.test(s));
const IP_NOUN = /\b(intellectual property|IPR?s?|inventions?|patents?|copyrights?|foreground|background|know-how|software|results|rights in)\b/i;

const SPECS: readonly Spec[] = [
  {
    id: 'jurisdiction',
    name: 'registration, jurisdiction and control',
    title: /Registration|Jurisdiction/i,
    mention: (s) =>
      (REGISTRATION_WORD.test(s) && !NOT_SPACE_REGISTRATION.test(s)) || /\bjurisdiction (and control|over)\b|\bState of Registry\b|\bRegistration Convention\b/i.test(s) || HOST_LAW_MENTION(s),
    criteria: [
      {
        id: 'registrar',
        mentions: true,
        lack: 'does not say which State registers the space object',
        test: (s) =>
          /\b(shall|will|undertakes? to|is to|agree[sd]? that|determine[sd]? (jointly )?that)\b[^.;]*\b(register|be registered|registry|registration|State of Registry)\b/i.test(s) &&
          /\b(State of Registry|Registration Convention|Secretary-General|United Nations|registry|satellites?|space objects?|spacecraft|objects?|elements?|launch)\b/i.test(s) &&
          !/\b(the|both) (Parties|Participants|Sides)\s+(shall|will|may)\s+(\w+\s+)?(register|cooperate|consult|exchange|facilitate)/i.test(s) &&
          !/\b(cooperate|consult|exchange information|facilitate|discuss)\b/i.test(s) &&
          !negated(s, /\bregist/i),
      },
      {
        id: 'jurisdiction',
        mentions: true,
        lack: 'does not say who keeps jurisdiction and control over the object (and any personnel)',
        test: (s) =>
          /\bjurisdiction\b/i.test(s) &&
          /\b(retains?|keeps?|exercises?|shall have|will have|has|have|belongs?|vest(s|ed)?)\b/i.test(s) &&
          /\b(objects?|satellites?|elements?|spacecraft|personnel|crew|astronauts?|State of Registry|regist\w*|station|facility)\b/i.test(s) &&
          !negated(s, /\bjurisdiction\b/i),
      },
      { id: 'host-law', mentions: true, lack: 'does not say whose law applies at a ground facility', test: HOST_LAW },
    ],
    specific: (has) => has('registrar') || has('jurisdiction') || has('host-law'),
    report: (has) => ['registrar', 'jurisdiction'].filter((c) => !has(c)),
    evidence: ['registrar', 'jurisdiction', 'host-law'],
    specificWhen:
      'Name the State that registers each space object and furnishes the information to the United Nations Secretary-General (Registration Convention Arts. II and IV), and say that the State of registry keeps jurisdiction and control over it (Outer Space Treaty Art. VIII); for a ground facility, that the host State\u2019s law applies there.',
  },
  {
    id: 'ip',
    name: 'intellectual property',
    title: /Intellectual Property|Inventions|Patents/i,
    mention: (s) => /\bintellectual property\b|\bIPRs?\b|\bpatents?\b|\bcopyrights?\b|\binventions?\b|\bproprietary (information|rights|data)\b|\bknow-how\b|\btrade secrets?\b/i.test(s),
    criteria: [
      {
        id: 'ownership',
        mentions: true,
        lack: 'does not say who owns intellectual property created in the cooperation',
        test: (s) =>
          IP_NOUN.test(s) &&
          affirmed(s, /\b(owned|ownership|owns?|belong(s|ing)?|vest(s|ed)?|title to|the property of|proprietors?|jointly (own|held|hold))\b/i) &&
          /\b(creat(e|es|ed|ing)|generated|arising|made|developed|foreground|resulting|joint(ly)?|conceived|invent\w*|obtained|produced)\b/i.test(s),
      },
      {
        id: 'retained',
        mentions: true,
        lack: 'does not keep each party\u2019s existing (background) IP with its owner',
        test: (s) => IP_NOUN.test(s) && affirmed(s, /\b(retains?|remains? with|remain the property|keeps?|belongs?|owned|owns|vest(s|ed)? in|title to)\b/i) && !/\b(ensure|protect(ion)?|consult)\b/i.test(s),
      },
      { id: 'licence', lack: 'grants no licence for the cooperation\u2019s purposes', test: (s) => affirmed(s, /\blicen[cs](e|es|ed|ing)\b/i) && IP_NOUN.test(s) },
    ],
    specific: (has) => has('ownership') || (has('retained') && has('licence')),
    report: (has) => ['ownership', 'retained', 'licence'].filter((c) => !has(c)),
    evidence: ['ownership'],
    specificWhen:
      'Say who owns intellectual property created in the cooperation (the party whose personnel create it, the parties jointly, or the provider of each element), that background IP stays with its owner with no implied licence, and the licence each party has for the cooperation\u2019s purposes.',
  },
  {
    id: 'liability',
    name: 'liability',
    title: /Liabilit|Indemn|Waiver|Claims|Risk/i,
    mention: (s) =>
      /\bliabilit(y|ies)\b|\bliable\b|\bwaive[sd]?\b|\bwaivers?\b|\bindemni\w*|\bhold (\w+ )?harmless\b|\bLiability Convention\b|\bown risks?\b|\bcompensat\w+ for (any )?(damage|loss|injury)|\bclaims? (for|arising|against)\b|\bthird[- ](part(y|ies)|States?)\b[^.]*\b(damage|claims?|compensat\w*|liab\w*)/i.test(s),
    criteria: [
      {
        id: 'between',
        mentions: true,
        lack: 'does not settle claims between the parties (a cross-waiver, or liability for fault)',
        test: (s) => /\bwaive[sd]?\b|\bcross-waiver\b|\bindemnif\w*|\bhold (\w+ )?harmless\b|\bapportion\w*\b[^.]*\b(compensation|damage|claims?|liabilit\w*)|\b(compensation|damage|claims?|liabilit\w*)\b[^.]*\bapportion|\bliable\b|\bliability\b[^.]*\b(fault|negligence|shall not exceed|is limited to|cap(ped)?)\b|\blimitation of liability\b|\b(bears?|assumes?)\b[^.]*\brisks?\b|\bjointly and severally\b/i.test(s) && !HEDGE.test(s),
      },
      {
        id: 'third-party',
        lack: 'says nothing of damage to third parties or of the Liability Convention',
        test: (s) => /\bLiability Convention\b|\bConvention on International Liability\b|\bthird[- ](part(y|ies)|States?)\b/i.test(s) && !HEDGE.test(s),
      },
    ],
    specific: (has) => has('between') && has('third-party'),
    report: (has) => ['between', 'third-party'].filter((c) => !has(c)),
    evidence: ['between', 'third-party'],
    specificWhen:
      'Say how claims between the parties are settled (a cross-waiver with its exceptions, or each liable for its own fault), that the Liability Convention still governs claims by third States, and how compensation to third parties is apportioned or indemnified, with prompt consultation on any claim.',
  },
  {
    id: 'disputes',
    name: 'settlement of disputes',
    title: /Disputes?|Consultations?|Differences|Arbitration/i,
    mention: (s) => /\bdisputes?\b|\bdifferences? (arising|between|concerning|regarding|in the interpretation)\b|\bdisagreements?\b|\barbitra\w+|\bconciliation\b|\bmediation\b|\bamicabl\w+|\bfriendly (consultations?|negotiations?)\b/i.test(s),
    criteria: [
      {
        id: 'channel',
        lack: 'names no channel for consultation (implementing agencies, a committee, diplomatic channels)',
        test: (s) =>
          /\bdiplomatic channels?\b|\bthrough (the |their )?(Implementing Agencies|implementing agencies|points? of contact|(Joint|Steering|Coordinat\w+|Management|Programme|Program) (Committee|Board|Group)|heads of|Executive Directors?|Ministr(y|ies)|Ministers?)\b|\bbetween (the |their )?(Implementing Agencies|implementing agencies|points? of contact|heads|Program(me)? Managers|project managers|Executive Directors?)\b|\b(referred|refer|submitted|submit) (it |the dispute |the matter )?to (the )?(\w+ ){0,3}(Committee|Board|heads|Ministers?|Administrators?|Managers|points? of contact)\b/i.test(s),
      },
      {
        id: 'period',
        lack: 'sets no period before the next step',
        test: (s) => /\bwithin\b[^.;]{0,60}\b(days?|weeks?|months?|years?)\b|\b(after|of|from) (\w+ )?\(?\d+\)? (days|weeks|months)\b|\b(\w+ )?\(\d+\) (days|weeks|months)\b|\b(\d+|thirty|sixty|ninety|six|three|two|one hundred (and )?twenty) (calendar )?(days|months)\b/i.test(s),
      },
      {
        id: 'arbitration',
        mentions: true,
        lack: 'provides for arbitration without naming its rules or tribunal',
        test: (s) =>
          /\barbitra(tion|l)\b/i.test(s) && !/\b(no|not|nor|never|without)\s+(\w+\s+){0,3}arbitra/i.test(s) &&
          /\b(Permanent Court of Arbitration|PCA|UNCITRAL|International Chamber of Commerce|ICC|Arbitration Rules|Optional Rules|Rules of Arbitration|(one|three|five|sole|\(\d\)) (\(\d\) )?arbitrators?)\b/i.test(s),
      },
    ],
    specific: (has) => (has('channel') && has('period')) || has('arbitration'),
    report: (has) => ['channel', 'period'].filter((c) => !has(c)),
    evidence: ['channel', 'period', 'arbitration'],
    specificWhen:
      'Name the channel for consultation (the implementing agencies, then diplomatic channels) and a period (e.g. 90 days or six months) before the next step; in a binding text, arbitration with its rules, number of arbitrators, an appointing fallback, seat and language.',
  },
];

/** Abbreviations whose full stop ends no sentence: "Art. V", "No. 3", "e.g.", "Ltd.". */
const ABBREVIATION = /\b(Arts?|No|Nos|para|paras|Sec|Secs|cf|e\.g|i\.e|etc|Co|Ltd|Inc|Corp|St|Mr|Ms|Dr|Prof|U\.S|U\.K|[A-Z])\.(?=\s)/g;
const MASK = '\u2024';

/** Sentences of a paragraph, with abbreviations kept whole; a sentence longer than 1,000 characters is cut with an ellipsis. */
export function sentences(text: string): string[] {
  return splitSentences(text.replace(ABBREVIATION, (m) => m.replace(/\.$/, MASK)))
    .map((x) => x.replaceAll(MASK, '.'))
    .map((x) => (x.length > 1000 ? `${x.slice(0, 999)}…` : x));
}

/** The operative sentences: every article except a Definitions article; the preamble is not a provision. */
export function operativeSentences(split: SplitText): Sentence[] {
  const out: Sentence[] = [];
  for (const a of split.articles) {
    if (/^(Definitions?|Interpretation|Use of Terms)$/i.test(a.title)) continue;
    for (const p of a.paragraphs) {
      const place = placeOf(a, p.number, p.line);
      for (const s of sentences(p.text)) out.push({ text: s, article: a, place, line: p.line });
    }
  }
  return out;
}

/** How a lawyer would cite the paragraph: "Article 7(2)", "Article 4.1" (decimal numbering), "paragraph 3" of an unstructured text. */
function placeOf(a: TextArticle, number: string | undefined, line: number): string {
  if (a.label === 'the text') return number ? `paragraph ${number}` : `line ${line}`;
  if (!number) return a.label;
  const top = number.replace(/\(.*$/, '');
  if (top.includes('.')) return top.startsWith(`${a.number}.`) && a.numbered ? `${a.label}${top.slice(String(a.number).length)}` : `${a.label}, paragraph ${top}`;
  return `${a.label}(${top})`;
}

const RANK: Record<Status, number> = { missing: 0, vague: 1, specific: 2 };

export function scoreText(split: SplitText): Score[] {
  const all = operativeSentences(split);
  return SPECS.map((spec) => scoreOne(spec, all));
}

function scoreOne(spec: Spec, all: Sentence[]): Score {
  const base = { provision: spec.id, name: spec.name, specificWhen: spec.specificWhen };
  const byArticle = new Map<TextArticle, Sentence[]>();
  for (const s of all) {
    const list = byArticle.get(s.article) ?? [];
    list.push(s);
    byArticle.set(s.article, list);
  }
  type Candidate = { article: TextArticle; status: Status; met: Set<string>; mentions: Sentence[]; ss: Sentence[]; titled: boolean };
  const candidates: Candidate[] = [];
  for (const [article, ss] of byArticle) {
    const titled = spec.title.test(article.title);
    const mentions = ss.filter((s) => spec.mention(s.text) || spec.criteria.some((c) => c.mentions && !HEDGE.test(s.text) && c.test(s.text)));
    if (!titled && mentions.length === 0) continue;
    // In a titled article every sentence is about the subject; elsewhere only the ones that mention it.
    const pool = titled ? ss : mentions;
    const met = new Set(spec.criteria.filter((c) => pool.some((s) => !HEDGE.test(s.text) && c.test(s.text))).map((c) => c.id));
    const status: Status = spec.specific((id) => met.has(id)) ? 'specific' : mentions.length || (titled && ss.length) ? 'vague' : 'missing';
    if (status !== 'missing') candidates.push({ article, status, met, mentions, ss: pool, titled });
  }
  candidates.sort((a, b) => RANK[b.status] - RANK[a.status] || Number(b.titled) - Number(a.titled) || b.met.size - a.met.size || b.mentions.length - a.mentions.length);
  const best = candidates[0];
  if (!best) return { ...base, status: 'missing', article: null, line: null, evidence: null, lacks: [`no operative provision on ${spec.name}`] };
  // The evidence: the earliest sentence that carries the most of the provision's core criteria.
  const weight = (s: Sentence) => spec.evidence.filter((id) => best.met.has(id) && !HEDGE.test(s.text) && spec.criteria.find((c) => c.id === id)!.test(s.text)).length * 2 + (spec.mention(s.text) ? 1 : 0);
  const evidence = best.ss.reduce((top, s) => (weight(s) > weight(top) ? s : top), best.ss[0]!);
  const lacks = best.status === 'specific' ? [] : spec.report((id) => best.met.has(id)).map((id) => spec.criteria.find((c) => c.id === id)!.lack);
  return { ...base, status: best.status, article: evidence.place, line: evidence.line, evidence: evidence.text, lacks, at: best.article, titled: best.titled };
}
