import { readFileSync } from 'node:fs';
import { PENDING_RULES } from '../../src/review/rules/pending.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { docFromMarkdown, type DocFacts } from '../../src/review/doc.js';
import { BUILTIN_TERMS, FILE_RULES, reviewDraftText, TEXT_RULES } from '../../src/review/index.js';
import { runRules } from '../../src/review/rule.js';
import { builtinLibrary } from '../helpers/engine.js';
import { ROOT } from '../helpers/run.js';

const draftOf = (example: string) =>
  renderMarkdown(draftFromTermsText(readFileSync(join(ROOT, 'examples', example), 'utf8'), example, builtinLibrary()).draft);

/** A protocol with a launch, a cross-waiver, export control, arbitration and three languages. */
const BINDING = draftOf('cbers.yaml');
/** A memorandum of understanding. */
const MOU = draftOf('lunar-mou.yaml');
/** A framework agreement with a commercial launch provider (the Taifa-2 deal drafted as a treaty, as it once was). */
/** A contract for launch and in-orbit delivery. */
const CONTRACT = draftOf('leo-delivery.yaml');
const COMMERCIAL = renderMarkdown(draftFromTermsText(readFileSync(join(ROOT, 'test', 'interview', 'leo-treaty.yaml'), 'utf8'), 'leo-treaty.yaml', builtinLibrary()).draft);
/** An intergovernmental station agreement with fault-based liability and no tasks allocated in the terms. */
const STATION = draftOf('deep-space-station.yaml');
/** The station agreement with no tasks at all: the tasks its facility settles struck out, as a drafter might. */
const STATION_NO_TASKS = STATION.replace(/^(\d+)\. (The Chinese Party|The Argentine Party) shall (establish|make the site)[^\n]*$/gm, '$1. $2 shall carry out the following tasks: [●].');
/** A small hand-written draft for the defined-term, reference, blank and conflict rules. */
const SMALL = `<!-- spacecoop:draft v1 -->
# Agreement between A and B

<!-- spacecoop:clause definitions -->
## Article 1 — Definitions

For the purposes of this Agreement:

(a) “Goods” means equipment;

(b) “Technical Data” means information.
<!-- /spacecoop:clause -->

<!-- spacecoop:clause exchange/standard -->
## Article 2 — Exchange

1. Each Party shall transfer Goods and Technical Data in accordance with Article 1 and Article 2 of the Convention on Something.
<!-- /spacecoop:clause -->
`;

const must = (text: string, from: string | RegExp, to: string) => {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`test mutation did not apply: ${String(from)}`);
  return out;
};
const cut = (text: string, re: RegExp) => must(text, re, '');
const appendToArticle2 = (text: string, add: string) => must(text, /(## Article 2 — [^\n]*\n)/, `$1\n${add}\n`);

interface Case {
  rule: string;
  base: string;
  /** The same text broken so the rule fires. */
  broken: (text: string) => string;
  /** Facts a draft file cannot show (areas, facilities), set on both cases. */
  facts?: Partial<DocFacts>;
  /** A text where the rule's condition holds and the text satisfies it, when the base does not show that. */
  fixed?: (text: string) => string;
}

const CASES: Case[] = [
  { rule: 'mou-binding-language', base: MOU, broken: (t) => must(t, 'will carry out the Cooperative Activities exclusively', 'shall carry out the Cooperative Activities exclusively') },
  { rule: 'mou-binding-language', base: MOU, broken: (t) => must(t, /jointly decide/, 'agree') },
  { rule: 'mou-binding-language', base: MOU, broken: (t) => must(t, 'have undertaken to protect it in the same way', 'are bound by equivalent obligations') },
  { rule: 'mou-binding-language', base: MOU, broken: (t) => appendToArticle2(t, '5. Each State of a Participant will exercise criminal jurisdiction over its nationals.') },
  {
    rule: 'mou-binding-provision',
    base: MOU,
    broken: (t) => must(t, 'The Participants will not refer any difference to any third party, court or tribunal.', 'If the difference is not settled, either Participant may refer it to arbitration.'),
  },
  {
    rule: 'exemption-needs-treaty',
    base: BINDING,
    broken: (t) => must(t, /shall seek from the competent authorities of its State, in accordance with their laws and regulations, exemption from/, 'shall grant exemption from'),
  },
  { rule: 'jurisdiction-follows-registration', base: BINDING, broken: (t) => cut(t, /\d+\. In accordance with Article VIII of the Outer Space Treaty[^\n]*\n/) },
  { rule: 'un-registration', base: BINDING, broken: (t) => must(t, /the Secretary-General of the United Nations/g, 'the other Party') },
  { rule: 'launch-liability-terms', base: BINDING, broken: (t) => must(t, /apportion\w*/g, 'share').replace(/indemnif\w*|indemnity/g, 'payment') },
  {
    rule: 'waiver-keeps-convention',
    base: BINDING,
    broken: (t) => must(must(t, /This Article does not affect the application of the Liability Convention[^.]*\./, ''), /This apportionment is without prejudice[^.]*\./, ''),
  },
  { rule: 'waiver-flow-down', base: BINDING, broken: (t) => cut(t, /\d+\. Each Party shall extend the cross-waiver[^\n]*\n/) },
  { rule: 'waiver-exceptions', base: BINDING, broken: (t) => must(t, /wilful misconduct/g, 'fraud') },
  { rule: 'export-transfer-clause', base: BINDING, broken: (t) => must(t, /re-transfer/g, 'pass') },
  { rule: 'arbitration-vocabulary', base: BINDING, broken: (t) => must(t, /notice of arbitration/g, 'Request for Arbitration') },
  { rule: 'budget-language', base: BINDING, broken: (t) => must(t, 'subject to the availability of funds and to its internal procedures', 'subject to the availability of appropriated funds and to its budgetary procedures') },
  { rule: 'budget-language', base: MOU, broken: (t) => must(t, 'subject to the availability of funds and to its internal procedures', 'subject to the availability of appropriated funds') },
  { rule: 'phantom-tasks', base: STATION_NO_TASKS, broken: (t) => appendToArticle2(t, '5. Each Party shall carry out the tasks allocated to it under this Agreement.') },
  { rule: 'stated-twice', base: BINDING, broken: (t) => appendToArticle2(t, '5. In case of any inconsistency between this Protocol and the Framework Agreement, the Framework Agreement shall prevail.') },
  { rule: 'release-carve-out', base: BINDING, broken: (t) => cut(t, /\d+\. Nothing in this Article permits the release of Proprietary Information[^\n]*\n/) },
  { rule: 'order-of-precedence', base: BINDING, broken: (t) => must(t, /, which shall prevail in case of any inconsistency between them/g, '') },
  { rule: 'arbitration-incomplete', base: BINDING, broken: (t) => must(t, /The seat of arbitration shall be [^.]*\. /, '') },
  { rule: 'termination-survival', base: BINDING, broken: (t) => must(t, /The rights and obligations of the Parties under Article[^.]*survive the termination or expiry of this Protocol\./, '') },
  { rule: 'termination-survival', base: MOU, broken: (t) => must(t, /, and to continue to observe the undertakings described in Articles [^.]*\./, '.') },
  { rule: 'mou-status', base: MOU, broken: (t) => must(t, /It is not a treaty[^.]*\./, '') },
  {
    rule: 'export-control-dangling',
    base: BINDING,
    broken: (t) => must(must(t, 'spacecoop:clause export-control/standard', 'spacecoop:clause transfers/standard'), /## Article (\d+) — Export Control and Technology Safeguards/, '## Article $1 — Transfers'),
  },
  {
    rule: 'human-spaceflight',
    base: BINDING,
    facts: { areas: ['human-spaceflight'] },
    broken: (t) => t,
    fixed: (t) => appendToArticle2(t, '5. Each Party retains jurisdiction over its own crew members. Criminal jurisdiction follows nationality. The Parties shall cooperate in the rescue of astronauts.'),
  },
  {
    rule: 'host-facility',
    base: BINDING,
    facts: { facilities: true },
    broken: (t) => t,
    fixed: (t) => appendToArticle2(t, '5. The law of the host State applies at the station. The station is used for civil purposes only. The host Party has access to the station at agreed times. The host Party shall protect the property of the operator at the station.'),
  },
  { rule: 'treaty-formula-in-contract', base: CONTRACT, broken: (t) => must(must(t, 'takes effect on the Effective Date', 'enters into force on the Effective Date'), /\bIN WITNESS WHEREOF, the Parties have caused (.*)$/m, 'IN WITNESS WHEREOF, the Parties have caused $1\n\nDONE at Nairobi, in duplicate.') },
  { rule: 'private-party-authorisation', base: COMMERCIAL, facts: { commercial: true }, broken: (t) => must(t, /continuing supervision/g, 'oversight') },
  { rule: 'entry-into-force-form', base: MOU, broken: (t) => must(t, 'will come into effect on the date of its signature', 'will enter into force on the date of its signature') },
  { rule: 'entry-into-force-form', base: BINDING, broken: (t) => must(t, 'With effect from the entry into force of this Protocol, the Parties designate', 'On signature of this Protocol, the Parties designate') },
  { rule: 'languages-divergence', base: BINDING, broken: (t) => must(t, /The Parties shall settle any divergence of interpretation[^.]*\./, '') },
  {
    rule: 'missing-key-provision',
    base: BINDING,
    broken: (t) => must(must(t, /Intellectual Property and Confidentiality/g, 'Miscellaneous'), 'spacecoop:clause ip/joint', 'spacecoop:clause misc/other'),
  },
  // The space-law substance (src/review/rules/substance-law.ts): each case puts back the text counsel found wrong.
  {
    rule: 'registration-by-parties',
    base: BINDING,
    broken: (t) => must(t, /Each Party shall take the steps within its competence for [^.]*\./, "In accordance with Article II(2) of the Registration Convention, the Parties agree that the People's Republic of China shall register the CBERS-6 satellite."),
  },
  { rule: 'agency-holds-jurisdiction', base: BINDING, broken: (t) => must(t, 'CNSA shall operate the CBERS-6 satellite on behalf of', 'CNSA shall exercise that jurisdiction and control on behalf of') },
  {
    rule: 'launch-indemnity-scope',
    base: COMMERCIAL,
    broken: (t) =>
      must(
        t,
        /for Damage caused by the Launch Vehicle and by the Payload of KSA[^.]*\./,
        'for Damage caused by a Space Object it launches under this Agreement, and shall indemnify KSA and the Republic of Kenya for any compensation that the Republic of Kenya pays as a Launching State, as Article V(2) of the Liability Convention permits.',
      ),
  },
  { rule: 'apportionment-unsettled', base: BINDING, broken: (t) => must(t, 'shall bear the compensation between them in equal shares, as they share the cost', 'shall apportion the compensation in the proportions they agree in writing before launch') },
  { rule: 'waiver-apportionment-carve-out', base: BINDING, broken: (t) => cut(t, /\(f\) claims between the Parties for the apportionment[^\n]*\n/) },
  { rule: 'gross-negligence-undefined', base: BINDING, broken: (t) => must(t, 'caused by wilful misconduct;', 'caused by wilful misconduct or gross negligence;') },
  { rule: 'crew-jurisdiction-level', base: BINDING, broken: (t) => appendToArticle2(t, "5. Each Party's State may exercise criminal jurisdiction over the crew members in orbit who are its nationals.") },
  { rule: 'rescue-return', base: BINDING, broken: (t) => appendToArticle2(t, '5. Each Party shall assist the crew members of the other and shall return them safely and promptly to the other Party.') },
  {
    rule: 'ip-territoriality-level',
    base: BINDING,
    broken: (t) => appendToArticle2(t, '5. For the purposes of intellectual property law, an activity occurring in or on a Space Object shall be deemed to have occurred only in the territory of its State of Registry.'),
  },
  {
    rule: 'fault-liability-scope',
    base: STATION,
    facts: { facilities: true },
    broken: (t) => must(t, 'by the fault or negligence of the first Party, its personnel or its contractors', 'by the fault or negligence of the first Party, its personnel or a Related Entity of the first Party'),
  },
  { rule: 'station-termination', base: STATION, facts: { facilities: true }, broken: (t) => must(t, 'remove its equipment from the site', 'keep its equipment at the site') },
  { rule: 'range-safety-party', base: BINDING, broken: (t) => must(t, /CNSA shall ensure that the range safety rules of [^.]*\./, 'CNSA shall be responsible for range safety.') },
  { rule: 'undefined-term', base: SMALL, broken: (t) => must(t, 'transfer Goods', 'transfer Payloads and Goods') },
  { rule: 'unused-definition', base: SMALL, broken: (t) => must(t, 'Goods and Technical Data', 'Goods') },
  { rule: 'broken-reference', base: SMALL, broken: (t) => must(t, 'with Article 1 and', 'with Article 7 and') },
  { rule: 'merge-conflict', base: SMALL, broken: (t) => appendToArticle2(t, '<<<<<<< your edit\n2. Mine.\n=======\n2. Theirs.\n>>>>>>> regenerated') },
  { rule: 'pending-change', base: SMALL, broken: (t) => must(t, 'shall transfer', 'shall {~~transfer~>deliver~~}{>>@Ana Souza<<}') },
  { rule: 'pending-change', base: SMALL, broken: (t) => must(t, 'shall transfer', 'shall {==transfer==}{>>@Li Wei: which goods?<<}') },
  { rule: 'pending-change', base: SMALL, broken: (t) => must(t, 'shall transfer', 'shall {--not--} transfer') },
  { rule: 'open-blank', base: SMALL, broken: (t) => must(t, '# Agreement between A and B', '# Agreement between A and [●]') },
];

const RULES = [...TEXT_RULES, ...FILE_RULES, ...PENDING_RULES];

function findingsOf(rule: string, text: string, facts: Partial<DocFacts> = {}) {
  const r = RULES.find((x) => x.id === rule)!;
  const doc = docFromMarkdown(text, 'draft.md');
  return runRules([r as (typeof RULES)[number]], { doc: { ...doc, facts: { ...doc.facts, ...facts } }, knownTerms: BUILTIN_TERMS } as never);
}

describe('text rules over a draft file', () => {
  it.each(CASES.map((c, i) => [`${c.rule} #${i}`, c] as const))('%s fires on the broken text and not on the sound one', (_name, c) => {
    const sound = (c.fixed ?? ((t: string) => t))(c.base);
    expect(findingsOf(c.rule, sound, c.facts)).toEqual([]);
    const found = findingsOf(c.rule, c.broken(c.base), c.facts);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((f) => f.rule === c.rule && f.message && f.fix && f.source)).toBe(true);
  });

  it('every text rule has a case', () => {
    expect(RULES.map((r) => r.id).filter((id) => !CASES.some((c) => c.rule === id))).toEqual([]);
  });

  it('draft findings carry the line of the article or of the problem', () => {
    const text = must(BINDING, /wilful misconduct/g, 'fraud');
    const f = reviewDraftText(text, 'draft.md').find((x) => x.rule === 'waiver-exceptions')!;
    const lines = text.split('\n');
    expect(lines[f.line! - 1]).toMatch(/^## Article \d+ — Cross-Waiver of Liability$/);
    expect(f.where).toMatch(/^Article \d+$/);
    const blank = reviewDraftText(must(SMALL, 'Each Party', 'Each [●]'), 'draft.md').find((x) => x.rule === 'open-blank')!;
    expect(SMALL.replace('Each Party', 'Each [●]').split('\n')[blank.line! - 1]).toContain('[●]');
  });

  it('reads the form off the title: a memorandum is non-binding, a protocol is subordinate', () => {
    expect(docFromMarkdown(MOU).facts).toMatchObject({ form: 'memorandum-of-understanding', binding: false });
    expect(docFromMarkdown(BINDING).facts).toMatchObject({ form: 'protocol', binding: true, subordinate: true, launch: true, exportControlled: true, languages: 3 });
    expect(docFromMarkdown(COMMERCIAL).facts).toMatchObject({ commercial: true, intergovernmental: false });
  });

  it('a generated draft has no error', () => {
    for (const text of [BINDING, MOU, COMMERCIAL, STATION]) expect(reviewDraftText(text).filter((f) => f.severity === 'error')).toEqual([]);
  });
});
