import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import type { Draft } from '../../src/render/draft.js';
import { containsTerm } from '../../src/render/render.js';
import { AREAS, FORMS, IP_FOREGROUND, LIABILITY_REGIMES, REGISTRATION } from '../../src/terms/schema.js';
import { builtinLibrary } from '../helpers/engine.js';
import { lintMarkdown } from '../helpers/run.js';

/**
 * Every form × every variant of the four topics × two sets of facts, rendered and checked the way
 * counsel would read them. The non-binding voice is the memorandum of understanding's row.
 */
/** The forms whose variants of the four topics this matrix crosses; a contract has its own (test/plan/character.test.ts). */
export const FORM_IDS = Object.keys(FORMS).filter((f) => f !== 'contract');
export const JURISDICTION = Object.keys(REGISTRATION);
export const IP = Object.keys(IP_FOREGROUND);
export const LIABILITY = Object.keys(LIABILITY_REGIMES);
export const DISPUTES: Record<string, string[][]> = {
  consultation: [['consultation']],
  mediation: [['consultation', 'mediation']],
  arbitration: [['consultation', 'arbitration'], ['consultation', 'mediation', 'arbitration']],
};
const RULES = ['pca-outer-space', 'uncitral', 'icc'];
const ARBITRATORS = [1, 3, 5];

/** Rich facts: every area, a launch by one party of a jointly owned object, a station abroad. */
const RICH = `cooperation:
  areas: [${Object.keys(AREAS).join(', ')}]
  project: { name: Orbis, description: a joint satellite and the stations that serve it. }
  objectives: [to build the satellite, to operate the stations]
  launch: { launchingParty: a, site: Alpha Launch Centre, vehicle: Arrow-2, provider: Arrow Launch Services Ltd }
  spaceObjects:
    - { name: Orbis-1 satellite, ownedBy: [a, b] }
    - { name: Orbis-2 satellite, ownedBy: [b] }
  facilities:
    - { name: Southern Tracking Station, host: b, operator: a }
  exportControlled: true
  personnelExchange: true
  funding: shared
  costShare: [{ party: a, percent: 60 }, { party: b, percent: 40 }]
  implementingEntities: [{ name: Aldera Space Institute, party: a }]
`;
/** Plain facts: science on the ground, nothing launched. */
const PLAIN = `cooperation:
  areas: [space-science]
`;

export interface Case {
  name: string;
  yaml: string;
  form: string;
  requested: { liability: string; disputes: string };
  lint: boolean;
}

export function cases(): Case[] {
  const out: Case[] = [];
  let n = 0;
  for (const form of FORM_IDS)
      for (const jurisdiction of JURISDICTION)
        for (const ip of IP)
          for (const liability of LIABILITY)
            for (const [last, stepSets] of Object.entries(DISPUTES)) {
              const steps = stepSets[n % stepSets.length]!;
              // Facts alternate so that every variant meets both; the markdownlint pass (slow) runs
              // once for each form × liability × disputes combination.
              const [factsName, facts] = n % 2 ? (['rich', RICH] as const) : (['plain', PLAIN] as const);
              const lint = JURISDICTION.indexOf(jurisdiction) * 3 + IP.indexOf(ip) === (LIABILITY.indexOf(liability) * 3 + Object.keys(DISPUTES).indexOf(last)) % 9;
              n++;
              const yaml = `form: ${form}
parties:
  - { id: a, name: Government of the Republic of Aldera, shortName: Aldera, state: Republic of Aldera, type: ${n % 2 ? 'government' : 'space-agency'} }
  - { id: b, name: Borduria Space Agency, shortName: BSA, state: Kingdom of Borduria, type: ${n % 5 === 0 ? 'commercial' : 'space-agency'} }
${form === 'protocol' || form === 'implementing-arrangement' || form === 'additional-protocol' ? 'parentInstrument: { title: Framework Agreement on Space Cooperation, date: 2020-01-15 }\n' : ''}${facts}jurisdiction: { registration: ${jurisdiction}${jurisdiction === 'designated-party' && n % 2 ? ', registeringParty: b' : ''} }
ip: { foreground: ${ip}, licence: ${n % 3 ? 'cooperative-purposes' : 'none'} }
liability: { regime: ${liability}, flowDown: ${n % 4 !== 0}, thirdParty: ${n % 2 ? 'launching-party-bears' : 'consult-and-apportion'}, insurance: ${n % 3 === 0} }
disputes:
  steps: [${steps.join(', ')}]
  consultationDays: ${60 + (n % 4) * 30}
  arbitration: { rules: ${RULES[n % 3]}, seat: Geneva, arbitrators: ${ARBITRATORS[n % 3]}, language: English }
term: { years: ${1 + (n % 10)}, renewal: ${n % 2 ? 'automatic' : 'none'} }
languages: [${n % 2 ? 'en, fr' : 'en'}]
signing: { place: Geneva, date: 2027-01-01 }
`;
              out.push({ name: `${factsName} ${form} ${jurisdiction} ${ip} ${liability} ${steps.join('>')}`, yaml, form, requested: { liability, disputes: last }, lint });
            }
  return out;
}

const paragraphs = (d: Draft, pick: (topic: string) => boolean) =>
  d.articles
    .filter((a) => pick(a.topic))
    .flatMap((a) => a.blocks.flatMap((b) => [b.text, ...b.items.map((i) => i.text)]))
    .join('\n');

export function check(c: Case): string[] {
  try {
    return checkCase(c);
  } catch (e) {
    return [`${c.name}: ${(e as Error).message}`];
  }
}

function checkCase(c: Case): string[] {
  const problems: string[] = [];
  const fail = (m: string) => problems.push(`${c.name}: ${m}`);
  const library = builtinLibrary();
  const { draft, plan } = draftFromTermsText(c.yaml, 'matrix.yaml', library);
  const md = renderMarkdown(draft);
  const instrument = renderMarkdown(draft, { notes: false });

  const residue = /\{\{|\}\}|undefined|\[object Object\]|\bNaN\b|\uE000|\uE001/.exec(md);
  if (residue) fail(`template residue \`${residue[0]}\``);

  const numbers = draft.articles.map((a) => a.number);
  if (numbers.join() !== numbers.map((_, i) => i + 1).join()) fail(`articles numbered ${numbers.join()}`);
  const headings = [...md.matchAll(/^## Article (\d+) — /gm)].map((m) => Number(m[1]));
  if (headings.join() !== numbers.join()) fail('article headings out of sequence');
  for (const a of draft.articles) {
    const paras = a.blocks.filter((b) => b.number !== undefined).map((b) => b.number);
    if (paras.join() !== paras.map((_, i) => i + 1).join()) fail(`Article ${a.number} paragraphs numbered ${paras.join()}`);
    if (a.blocks.length === 0) fail(`Article ${a.number} is empty`);
  }

  // Every "Article N" that is not another instrument's article points into this draft.
  for (const m of instrument.matchAll(/\bArticles? (\d+)(?! of the)/g)) {
    if (Number(m[1]) < 1 || Number(m[1]) > draft.articles.length) fail(`cross-reference to Article ${m[1]}`);
  }
  // Paragraph references inside an article point to a paragraph that exists.
  for (const a of draft.articles) {
    const text = paragraphs({ ...draft, articles: [a] }, () => true);
    const count = a.blocks.filter((b) => b.number !== undefined).length;
    for (const m of text.matchAll(/\bparagraph (\d+)/g)) if (Number(m[1]) > count) fail(`Article ${a.number} cites paragraph ${m[1]} of ${count}`);
  }

  // Definitions: each defined term is used, each library term used is defined.
  const defs = draft.articles.find((a) => a.topic === 'definitions');
  const defined = (defs?.blocks[0]?.items ?? []).map((i) => ({ term: /“([^”]+)”/.exec(i.text)![1]!, text: i.text }));
  // The preamble names the space treaties by their full titles, whose capitals are not defined terms.
  const body = paragraphs(draft, (t) => t !== 'definitions');
  for (const d of defined) {
    const elsewhere = body + '\n' + draft.preamble.join('\n') + '\n' + defined.filter((e) => e !== d).map((e) => e.text).join('\n');
    if (!containsTerm(elsewhere, d.term)) fail(`“${d.term}” is defined but not used`);
  }
  const definedTerms = new Set(defined.map((d) => d.term));
  // A plural ("Related Entities") is a use too, though the renderer only finds the singular.
  const used = (text: string, term: string) => containsTerm(text, term) || (term.endsWith('y') && containsTerm(text, `${term.slice(0, -1)}ies`));
  for (const def of library.definitions.values()) {
    if (def.meta.only !== undefined && def.meta.only !== plan.character.character) continue; // a contract's own terms are plain words elsewhere
    if (used(body, def.term) && !definedTerms.has(def.term)) fail(`“${def.term}” is used but not defined`);
  }
  for (const a of draft.articles) {
    if (!library.has(a.clauseId)) continue;
    for (const term of library.get(a.clauseId).meta.defines) if (!definedTerms.has(term)) fail(`${a.clauseId} relies on “${term}”, which is not defined`);
  }

  if (c.form === 'memorandum-of-understanding') {
    const binding = /\bshall\b|enters? into force|\bwaiv(?:es|er)\b|arbitra|indemnif|\bexempt\b/i.exec(instrument) ?? /\bPart(y|ies)\b/.exec(instrument);
    if (binding) fail(`binding language \`${binding[0]}\` in a memorandum of understanding`);
    if (!/come into effect|comes into effect/.test(instrument)) fail('a memorandum does not say when it comes into effect');
    for (const [topic, requested] of Object.entries(c.requested)) {
      const choice = plan.choices.find((x) => x.topic === topic)!;
      if (requested !== 'convention-only' && requested !== 'consultation') {
        if (choice.fallbackFrom !== requested) fail(`${topic}: \`${requested}\` not recorded as a fallback`);
        if (!md.includes(`cannot carry \`${requested}\``)) fail(`${topic}: the drafting notes do not explain the fallback from \`${requested}\``);
      }
    }
  } else {
    if (!/\bshall\b/.test(instrument) || !/\bParties\b/.test(instrument) || !/enters? into force/.test(instrument)) fail('a binding instrument without "Parties", "shall" or "enter into force"');
    if (/\bParticipants?\b/.test(instrument)) fail('"Participant" in a binding instrument');
    const liability = draft.articles.find((a) => a.topic === 'liability')!;
    if (liability.clauseId !== `liability/${c.requested.liability}`) fail(`liability is ${liability.clauseId}`);
    const disputes = draft.articles.find((a) => a.topic === 'disputes')!;
    if (disputes.clauseId !== `disputes/${c.requested.disputes}`) fail(`disputes is ${disputes.clauseId}`);
  }

  // Each of the four topics has a drafting note with its variant, reason and sources.
  for (const topic of ['jurisdiction', 'ip', 'liability', 'disputes']) {
    const note = draft.notes.choices.find((x) => x.topic === topic);
    if (c.form === 'memorandum-of-understanding' && (topic === 'jurisdiction' || topic === 'liability') && !note) continue;
    if (!note || !note.reason || note.sources.length === 0) fail(`no drafting note for ${topic}`);
  }

  const lint = c.lint ? lintMarkdown(md) : '';
  if (lint) fail(`markdownlint: ${lint.split('\n').slice(0, 3).join(' | ')}`);
  return problems;
}

