import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import type { Draft } from '../../src/render/draft.js';
import { reviewTermsText } from '../../src/review/index.js';
import { bindingWords } from '../../src/review/rules/text.js';
import { AREAS, FORMS } from '../../src/terms/schema.js';
import { builtinLibrary } from '../helpers/engine.js';
import { ROOT } from '../helpers/run.js';

/**
 * The instrument's voice and final clauses, as counsel reads them (review round 1: X-6, X-9 to X-13,
 * X-15, X-16, C-1, C-2, G-1, G-8, G-9, D-LEO-7, M-1 to M-6, N-1): each kind over several forms,
 * areas and party types.
 */
const library = builtinLibrary();

const AGENCIES = `parties:
  - { id: a, name: Aldera Space Agency, shortName: ASA, state: Republic of Aldera, type: space-agency }
  - { id: b, name: Borduria Space Agency, shortName: BSA, state: Kingdom of Borduria, type: space-agency }
`;
const GOVERNMENTS = `parties:
  - { id: a, name: Government of the Republic of Aldera, shortName: Aldera, state: Republic of Aldera, type: government }
  - { id: b, name: Government of the Kingdom of Borduria, shortName: Borduria, state: Kingdom of Borduria, type: government }
`;
const WITH_COMPANY = `parties:
  - { id: a, name: Aldera Space Agency, shortName: ASA, state: Republic of Aldera, type: space-agency }
  - { id: b, name: Borduria Orbital Systems Limited, shortName: BOS, state: Kingdom of Borduria, type: commercial }
`;

function draftOf(yaml: string): Draft {
  return draftFromTermsText(yaml, 'terms.yaml', library).draft;
}
const text = (d: Draft, pick: (topic: string, clauseId: string) => boolean = () => true) =>
  d.articles
    .filter((a) => pick(a.topic, a.clauseId))
    .flatMap((a) => a.blocks.flatMap((b) => [b.text, ...b.items.map((i) => i.text)]))
    .join('\n');
const article = (d: Draft, clauseId: string) => text(d, (_t, id) => id === clauseId);
const operative = (d: Draft) => text(d, (t) => t !== 'definitions');
const findings = (yaml: string) => reviewTermsText(yaml, 'terms.yaml', library);

describe('entry into force follows the parties and the commitments (C-1, G-8, rule 18)', () => {
  it.each([
    ['an agency protocol with binding cost shares', `form: protocol\n${AGENCIES}parentInstrument: { title: Framework Agreement on Space Cooperation, date: 2020-01-15 }\ncooperation:\n  funding: shared\n  costShare: [{ party: a, percent: 60 }, { party: b, percent: 40 }]\n`, 'notification'],
    ['two Governments', `form: agreement\n${GOVERNMENTS}`, 'notification'],
    ['a station on the partner’s territory', `form: framework-agreement\n${AGENCIES}cooperation:\n  facilities: [{ name: Tracking Station, host: b, operator: a }]\n`, 'notification'],
    ['an agency framework, each bearing its own costs', `form: framework-agreement\n${AGENCIES}`, 'signature'],
    ['an implementing arrangement, each bearing its own costs', `form: implementing-arrangement\n${AGENCIES}parentInstrument: { title: Framework Agreement on Space Cooperation, date: 2020-01-15 }\n`, 'signature'],
  ])('%s: %s', (_name, yaml, mode) => {
    const d = draftOf(yaml);
    const entry = article(d, 'final/entry-into-force');
    if (mode === 'notification') {
      expect(entry).toMatch(/enter into force on the date of receipt of the later of the written notifications/);
      expect(entry).not.toMatch(/on the date of its signature/);
    } else {
      expect(entry).toMatch(/enter into force on the date of its signature by both Parties/);
    }
    expect(d.notes.choices.find((c) => c.topic === 'final')?.reason).toMatch(mode === 'notification' ? /internal procedures/ : /on signature/);
  });

  it('acts “on entry into force”, never “on signature”, in an instrument that enters into force later', () => {
    for (const parties of [AGENCIES, GOVERNMENTS]) {
      for (const entities of ['[{ name: Aldera Space Institute, party: a }]', '[{ name: Aldera Space Institute, party: a }, { name: Borduria Space Centre, party: b }]']) {
        const d = draftOf(`form: framework-agreement\n${parties}entryIntoForce: notification\ncooperation:\n  implementingEntities: ${entities}\n`);
        expect(operative(d)).not.toMatch(/\bOn signature\b/);
        expect(operative(d)).toMatch(/With effect from the entry into force of this Agreement, (the Parties designate the following|\w+ designates the Aldera Space Institute as its Implementing Agency)/);
      }
    }
  });

  it('ratification: subject to each State’s constitutional procedures', () => {
    const d = draftOf(`form: agreement\n${GOVERNMENTS}entryIntoForce: ratification\n`);
    expect(article(d, 'final/entry-into-force')).toMatch(/subject to ratification or approval by each Party's State/);
  });

  it('check warns when the terms put binding commitments in force on signature, and when a memorandum names an entry into force', () => {
    const shared = findings(`form: protocol\n${AGENCIES}parentInstrument: { title: Framework Agreement on Space Cooperation, date: 2020-01-15 }\nentryIntoForce: signature\ncooperation:\n  funding: shared\n  costShare: [{ party: a, percent: 50 }, { party: b, percent: 50 }]\n`);
    expect(shared.find((f) => f.rule === 'entry-into-force-fit')).toMatchObject({ severity: 'warning' });
    const mou = findings(`form: memorandum-of-understanding\n${AGENCIES}entryIntoForce: notification\n`);
    expect(mou.find((f) => f.rule === 'entry-into-force-fit')).toMatchObject({ severity: 'warning' });
    expect(findings(`form: framework-agreement\n${AGENCIES}entryIntoForce: signature\n`).some((f) => f.rule === 'entry-into-force-fit')).toBe(false);
  });
});

describe('a memorandum of understanding never reads as binding (X-10, M-1 to M-6)', () => {
  const AREA_SETS = [...Object.keys(AREAS).map((a) => [a]), Object.keys(AREAS)];
  const FACTS = [
    '',
    '  launch: { launchingParty: a, site: Alpha Launch Centre }\n  spaceObjects: [{ name: Orbis-1 satellite, ownedBy: [a, b] }]\n  facilities: [{ name: Southern Station, host: b, operator: a }]\n  exportControlled: true\n  personnelExchange: true\n  funding: shared\n',
  ];
  const cases = AREA_SETS.flatMap((areas, i) =>
    [AGENCIES, WITH_COMPANY, GOVERNMENTS].map((parties, j) => ({
      name: `${areas.length > 1 ? 'every area' : areas[0]} / ${['agencies', 'with a company', 'governments'][j]}`,
      yaml: `form: memorandum-of-understanding\n${parties}cooperation:\n  areas: [${areas.join(', ')}]\n${FACTS[(i + j) % 2]}liability: { regime: ${['cross-waiver', 'fault-based', 'convention-only'][(i + j) % 3]} }\ndisputes: { steps: [consultation${(i + j) % 2 ? ', arbitration' : ''}] }\nlanguages: [${(i + j) % 2 ? 'en, fr' : 'en'}]\nsigning: { place: Geneva }\n`,
    })),
  );

  it.each(cases.map((c) => [c.name, c.yaml]))('%s: no binding word, a status clause, a proper closing line', (_name, yaml) => {
    const d = draftOf(yaml);
    const found = d.articles.filter((a) => a.topic !== 'definitions').flatMap((a) => bindingWords(text(d, (_t, id) => id === a.clauseId)).map((w) => `Article ${a.number} (${a.clauseId}): ${w.word}`));
    expect(found).toEqual([]);
    expect(operative(d)).toMatch(/It is not a treaty, it is not legally binding under international law or under the domestic law of either Participant's State/);
    expect(d.testimonium.join('\n')).toMatch(/^Signed in duplicate at Geneva, on \[●\], in the (English|English and French) languages?(, each text being equally valid)?\.$/);
    expect(d.testimonium.join('\n')).not.toMatch(/foregoing|IN WITNESS/);
    // Counsel notes speak of what a memorandum has: no entry into force, no deleting what is not there.
    for (const r of d.notes.reviews) expect(r.text, r.clauseId).not.toMatch(/entry into force|delete paragraph/i);
  });

  it('check reports binding vocabulary a drafter adds to a memorandum, and a missing status clause', () => {
    const md = renderMarkdown(draftOf(cases[0]!.yaml));
    expect(bindingWords('The Participants agree that each is bound by the obligations in Article 9.').map((w) => w.word)).toEqual(['agree', 'obligations', 'bound']);
    expect(bindingWords('It is not legally binding. The obligations of their States under the Outer Space Treaty are unaffected.')).toEqual([]);
    expect(md).toContain('not legally binding');
  });
});

describe('authentic texts (X-13, G-1, rule 19)', () => {
  it.each([
    ['two Governments, two languages', `form: agreement\n${GOVERNMENTS}languages: [es, zh]\n`, 'Parties'],
    ['two agencies, three languages', `form: protocol\n${AGENCIES}parentInstrument: { title: Framework Agreement on Space Cooperation }\nlanguages: [zh, pt, en]\n`, 'Parties'],
    ['a memorandum', `form: memorandum-of-understanding\n${AGENCIES}languages: [en, fr]\n`, 'Participants'],
  ])('%s: all texts equal, divergence settled by consultation', (_name, yaml, word) => {
    const langs = article(draftOf(yaml), 'final/languages');
    expect(langs).not.toMatch(/prevail/);
    expect(langs).toContain(`The ${word} ${word === 'Parties' ? 'shall' : 'will'} settle any divergence of interpretation between the ${word === 'Parties' ? 'texts' : 'English and French texts of this Memorandum'} by consultation.`);
  });

  it('names a prevailing text only when the terms do, and check warns when it is one party’s own language', () => {
    const argentina = `form: agreement\nparties:\n  - { id: a, name: Government of the People's Republic of China, state: People's Republic of China, type: government }\n  - { id: b, name: Government of the Argentine Republic, state: Argentine Republic, type: government }\n`;
    const english = `${argentina}languages: [es, zh, en]\nprevailingLanguage: en\n`;
    expect(article(draftOf(english), 'final/languages')).toContain('In case of divergence of interpretation, the English text shall prevail.');
    expect(findings(english).some((f) => f.rule === 'prevailing-own-language')).toBe(false);
    for (const own of ['es', 'zh']) {
      const yaml = `${argentina}languages: [es, zh]\nprevailingLanguage: ${own}\n`;
      expect(findings(yaml).find((f) => f.rule === 'prevailing-own-language')).toMatchObject({ severity: 'warning' });
    }
  });
});

describe('termination and survival (X-6, K-8; 1998 IGA Art. 28(5))', () => {
  const RICH = `cooperation:\n  areas: [earth-observation, human-spaceflight]\n  launch: { launchingParty: a, site: Alpha Launch Centre }\n  spaceObjects: [{ name: Orbis-1 satellite, ownedBy: [a, b] }]\n  exportControlled: true\n`;
  it.each([
    ['an agency protocol', `form: protocol\n${AGENCIES}parentInstrument: { title: Framework Agreement on Space Cooperation }\n${RICH}`],
    ['an intergovernmental agreement', `form: agreement\n${GOVERNMENTS}${RICH}`],
  ])('%s: data and goods, export control, registration, crew, IP, release, liability and disputes survive; a winding-up plan', (_name, yaml) => {
    const d = draftOf(yaml);
    const entry = article(d, 'final/entry-into-force');
    const n = (topic: string) => d.articles.find((a) => a.topic === topic)!.number;
    const survival = /under Articles ([\d, and]+) shall survive/.exec(entry)![1]!.split(/, | and /).map(Number);
    for (const topic of ['exchange', 'export-control', 'jurisdiction', 'crew', 'ip', 'release', 'liability', 'disputes']) expect(survival, topic).toContain(n(topic));
    expect(entry).toMatch(/plan for winding up the Cooperative Activities/);
    expect(entry).toMatch(/the disposition of the jointly owned Orbis-1 satellite/);
    expect(entry).toMatch(/the treatment of costs already incurred/);
  });

  it('a long-term station agreement (ten years or more) is not terminable at will: termination is left to the facilities article', () => {
    for (const parties of [GOVERNMENTS, AGENCIES]) {
      const d = draftOf(`form: agreement\n${parties}cooperation:\n  facilities: [{ name: Southern Station, host: b, operator: a }]\nterm: { years: 20 }\n`);
      const entry = article(d, 'final/entry-into-force');
      expect(entry).not.toMatch(/may terminate this Agreement by written notice/);
      expect(entry).toContain(`may be terminated only as provided in Article ${d.articles.find((a) => a.topic === 'facilities')!.number}`);
    }
  });
});

describe('tailoring (X-9, X-11, X-12, C-2, N-1)', () => {
  it('forms of cooperation come from the facts, never an everything-list', () => {
    const science = article(draftOf(`form: memorandum-of-understanding\n${AGENCIES}cooperation: { areas: [space-science] }\n`), 'forms/standard');
    expect(science).not.toMatch(/design, development, manufacture|launch services|any other form/);
    const satellite = article(draftOf(`form: protocol\n${AGENCIES}parentInstrument: { title: Framework }\ncooperation:\n  areas: [earth-observation]\n  launch: { launchingParty: a }\n  spaceObjects: [{ name: Orbis-1 satellite, ownedBy: [a, b] }]\n`), 'forms/standard');
    expect(satellite).toMatch(/the joint design, construction, testing and operation of the Orbis-1 satellite/);
    expect(satellite).toMatch(/launch services/);
  });

  it('tasks come from the terms, or each party gets a blank and an open point; cost shares follow allocated work only', () => {
    const none = draftOf(`form: framework-agreement\n${AGENCIES}cooperation: { funding: shared, costShare: [{ party: a, percent: 50 }, { party: b, percent: 50 }] }\n`);
    expect(operative(none)).not.toMatch(/tasks allocated to it|work allocated to it/);
    expect(article(none, 'responsibilities/standard')).toMatch(/ASA shall carry out the following tasks: \[●\]/);
    expect(none.notes.openPoints.map((p) => p.label)).toEqual(expect.arrayContaining(['Tasks of the party (ASA)', 'Tasks of the party (BSA)']));
    const some = draftOf(`form: framework-agreement\n${AGENCIES}cooperation:\n  funding: shared\n  costShare: [{ party: a, percent: 50 }, { party: b, percent: 50 }]\n  responsibilities: [{ party: a, tasks: [build the platform, operate the control centre] }, { party: b, tasks: [supply the camera] }]\n`);
    expect(article(some, 'responsibilities/standard')).toMatch(/ASA shall:\nbuild the platform;\noperate the control centre\.\nBSA shall supply the camera\./);
    expect(article(some, 'funding/shared')).toMatch(/by carrying out the tasks allocated to it in Article \d+/);
  });

  it('budget language fits the party: never “appropriated funds”, and no public-funds proviso for a company', () => {
    for (const parties of [AGENCIES, GOVERNMENTS, WITH_COMPANY]) {
      const d = draftOf(`form: framework-agreement\n${parties}`);
      expect(operative(d)).not.toMatch(/appropriated/);
    }
    const company = article(draftOf(`form: framework-agreement\n${WITH_COMPANY}`), 'funding/each-bears-own');
    expect(company).toMatch(/The financial obligations of ASA under this Agreement are subject to the availability of funds and to that Party's internal procedures\./);
  });

  it('export control is an article wherever lunar or Mars work or controlled items need it, and never referred to when absent', () => {
    for (const area of ['lunar-exploration', 'mars-exploration']) {
      const d = draftOf(`form: memorandum-of-understanding\n${AGENCIES}cooperation: { areas: [${area}] }\n`);
      expect(d.articles.map((a) => a.topic)).toContain('export-control');
      expect(d.articles.map((a) => a.topic)).not.toContain('debris'); // nothing is operated in space
    }
    const nav = draftOf(`form: framework-agreement\n${AGENCIES}cooperation: { areas: [navigation] }\n`);
    expect(nav.articles.map((a) => a.topic)).not.toContain('export-control');
    expect(operative(nav)).not.toMatch(/Export-Controlled Item/);
    const launch = draftOf(`form: framework-agreement\n${AGENCIES}cooperation:\n  launch: { launchingParty: a }\n  exportControlled: true\n`);
    expect(article(launch, 'export-control/standard')).not.toMatch(/first agree|agree in writing the technology safeguards/);
    expect(article(launch, 'export-control/standard')).toMatch(/keep custody and control of its Launch Vehicle items/);
  });

  it('navigation gets monitoring stations and service terms; training gets its own article', () => {
    const nav = draftOf(`form: framework-agreement\n${AGENCIES}cooperation: { areas: [navigation] }\n`);
    const service = article(nav, 'service-terms/standard');
    expect(service).toMatch(/Neither Party gives any warranty/);
    expect(service).toMatch(/Notwithstanding Article \d+, neither Party shall be liable to the other Party for any loss arising from the unavailability/);
    expect(nav.notes.openPoints.map((p) => p.path)).toContain('cooperation.facilities');
    const training = draftOf(`form: memorandum-of-understanding\n${AGENCIES}cooperation: { areas: [training-and-education] }\n`);
    expect(article(training, 'training/standard')).toMatch(/courses, fellowships, research placements/);
  });
});

describe('settlement of disputes (G-9, D-LEO-7, X-15)', () => {
  const arb = (parties: string, rules: string, arbitrators = 3) =>
    `form: framework-agreement\n${parties}disputes: { steps: [consultation, mediation, arbitration], arbitration: { rules: ${rules}, seat: Geneva, arbitrators: ${arbitrators} } }\n`;

  it('ICC arbitration speaks of a Request for Arbitration and confirmation by the Court; UNCITRAL and PCA of a notice of arbitration and an appointing authority', () => {
    for (const n of [1, 3]) {
      const icc = article(draftOf(arb(WITH_COMPANY, 'icc', n)), 'disputes/arbitration');
      expect(icc).toMatch(/Request for Arbitration/);
      expect(icc).toMatch(/confirm/);
      expect(icc).not.toMatch(/notice of arbitration/);
      for (const rules of ['uncitral', 'pca-outer-space']) {
        const other = article(draftOf(arb(AGENCIES, rules, n)), 'disputes/arbitration');
        expect(other).toMatch(/notice of arbitration/);
        expect(other).toMatch(/acting as appointing authority/);
        expect(other).not.toMatch(/Request for Arbitration/);
      }
    }
  });

  it('the notes cite the rules chosen, not the PCA rules when UNCITRAL is chosen', () => {
    const d = draftOf(arb(AGENCIES, 'uncitral'));
    const sources = d.notes.choices.find((c) => c.topic === 'disputes')!.sources;
    expect(sources.join('\n')).toMatch(/UNCITRAL Arbitration Rules/);
    expect(sources.join('\n')).not.toMatch(/Permanent Court of Arbitration Optional Rules|ICC Rules/);
  });

  it('consultation channels fit the parties: diplomatic channels only between Governments, senior representatives for a company', () => {
    const company = article(draftOf(arb(WITH_COMPANY, 'icc')), 'disputes/arbitration');
    expect(company).toMatch(/between senior representatives of the Parties/);
    expect(company).not.toMatch(/diplomatic channels|Implementing Agencies/);
    const govs = article(draftOf(`form: agreement\n${GOVERNMENTS}disputes: { steps: [consultation] }\n`), 'disputes/consultation');
    expect(govs).toMatch(/through diplomatic channels/);
    const agencies = article(draftOf(`form: framework-agreement\n${AGENCIES}disputes: { steps: [consultation] }\n`), 'disputes/consultation');
    expect(agencies).not.toMatch(/diplomatic channels/);
  });

  it('mediation has a fallback appointer', () => {
    const d = draftOf(`form: agreement\n${GOVERNMENTS}disputes: { steps: [consultation, mediation] }\n`);
    expect(article(d, 'disputes/mediation')).toMatch(/failing such agreement, appointed by the Secretary-General of the Permanent Court of Arbitration/);
  });

  it('two Governments, one of them China’s: consultation through diplomatic channels is recommended, and the reason says why', () => {
    const d = draftOf(`form: agreement\nparties:\n  - { id: a, name: Government of the People's Republic of China, state: People's Republic of China, type: government }\n  - { id: b, name: Government of the Argentine Republic, state: Argentine Republic, type: government }\n`);
    const choice = d.notes.choices.find((c) => c.topic === 'disputes')!;
    expect(choice.clauseId).toBe('disputes/consultation');
    expect(choice.reason).toMatch(/diplomatic channels/);
  });
});

describe('style (X-16)', () => {
  it.each(Object.keys(FORMS).filter((f) => f !== 'contract'))('%s: treaty numerals (“thirty days”, never “thirty (30) days”)', (form) => {
    const d = draftOf(`form: ${form}\n${AGENCIES}${form.includes('protocol') || form === 'implementing-arrangement' ? 'parentInstrument: { title: Framework }\n' : ''}cooperation: { areas: [space-debris, navigation], personnelExchange: true }\ndisputes: { steps: [consultation] }\n`);
    expect(renderMarkdown(d, { notes: false })).not.toMatch(/\b[a-z-]+ \(\d+\)/);
  });

  it('no contents list by default; --toc adds one; the header says “without prejudice”', () => {
    const d = draftOf(`form: framework-agreement\n${AGENCIES}`);
    expect(renderMarkdown(d)).not.toContain('## Contents');
    expect(renderMarkdown(d, { toc: true })).toContain('## Contents');
    expect(renderMarkdown(d)).toMatch(/^Draft, without prejudice/m);
  });

  it('objectives read as infinitives and the project description ends with a full stop; no article before a company’s name', () => {
    const d = draftOf(`form: framework-agreement\n${WITH_COMPANY}cooperation:\n  project: { name: Orbis, description: a small satellite for ocean monitoring }\n  objectives: [coordinate the operations, Improve the data products, to train engineers]\n`);
    const objective = article(d, 'objective/standard');
    expect(objective).toContain('The Orbis Project comprises a small satellite for ocean monitoring.');
    expect(objective).toMatch(/\nto coordinate the operations;\nto improve the data products;\nto train engineers\./);
    expect(d.preamble[0]).toMatch(/and Borduria Orbital Systems Limited \(BOS\)/);
    expect(d.preamble[0]).not.toMatch(/the Borduria Orbital/);
  });

  it('the notes state the alternat, and whose original this copy is', () => {
    const yaml = `form: framework-agreement\n${AGENCIES}`;
    expect(renderMarkdown(draftOf(yaml))).toMatch(/Alternat: this copy is ASA's original: it names ASA first\..*--alternat <party>/);
    const theirs = draftFromTermsText(yaml, 'terms.yaml', library, { alternat: 'b' }).draft;
    expect(renderMarkdown(theirs)).toMatch(/Alternat: this copy is BSA's original: it names BSA first\./);
    expect(theirs.title).toMatch(/^Framework Agreement between the Borduria Space Agency and the Aldera Space Agency/);
  });
});

describe('no single-item lists (X-16)', () => {
  it('one objective, one designated agency and one form of cooperation read as sentences', () => {
    const d = draftOf(`form: framework-agreement\n${AGENCIES}cooperation:\n  objectives: [to study the ionosphere]\n  implementingEntities: [{ name: Aldera Space Institute, party: a }]\n`);
    expect(article(d, 'objective/standard')).toContain('The objective of the Cooperative Activities is to study the ionosphere.');
    expect(article(d, 'implementation/standard')).toContain('On signature of this Agreement, ASA designates the Aldera Space Institute as its Implementing Agency.');
    for (const a of d.articles) for (const b of a.blocks) expect(b.items.length, `Article ${a.number}`).not.toBe(1);
  });
});

describe('defined terms in Article 1 (X-16)', () => {
  it.each(['protocol', 'additional-protocol', 'implementing-arrangement'])('%s: the parent instrument’s short title and the Joint Committee are defined in Article 1, not inline', (form) => {
    const d = draftOf(`form: ${form}\n${AGENCIES}parentInstrument: { title: Framework Agreement between ASA and BSA on Space Cooperation, shortTitle: Framework Agreement, date: 2020-01-15 }\n`);
    const defs = article(d, 'definitions');
    expect(defs).toContain('“Framework Agreement” means the Framework Agreement between ASA and BSA on Space Cooperation, signed on 15 January 2020');
    expect(defs).toContain('“Joint Committee” means');
    expect(operative(d)).not.toMatch(/\(the “/);
  });
});

describe('the liability text is the project’s own, not the treaty’s (COMMON standard; IGA Arts. 16 and 17)', () => {
  /** Sentences of the 1998 IGA, Art. 16(2)(c) and 16(3), that a draft must not reproduce word for word. */
  const IGA_WORDING = [
    /involved in Protected Space Operations/,
    /damaged by virtue of its involvement/,
    /basis for a claim or suit where none would otherwise exist/,
    /bodily injury to, or other impairment of health of, or death of/,
    /damage to, loss of, or loss of use of any property/,
    /between a (Party|Participant) and its own Related Entity, or between its own Related Entities/,
    /employees of any of the (entities|persons) (identified|listed|in)/,
    /failure of a (Party|Participant) to extend the cross-waiver/,
    // Art. 16(1), 16(2)(d), (e), (f), (g) and 17(2).
    /read broadly|broadly construed/,
    /intended for launch, launched from Earth, or returning to Earth/,
    /all property to be flown or used on or in a Launch Vehicle/,
    /a user or customer of a (Party|Participant) at any tier/,
    /consult promptly on any potential liability, on/,
    /Launch Vehicle activities, Payload activities/,
  ];
  const waiver = `liability: { regime: cross-waiver, flowDown: true, thirdParty: consult-and-apportion }\n`;
  const launch = `  launch: { launchingParty: a, site: Aldera Launch Centre, siteState: Republic of Aldera }\n`;
  it.each([
    ['agencies, framework agreement, earth observation', `form: framework-agreement\n${AGENCIES}cooperation:\n  areas: [earth-observation]\n${launch}${waiver}`],
    ['Governments, agreement, human spaceflight', `form: agreement\n${GOVERNMENTS}cooperation:\n  areas: [human-spaceflight]\n${launch}${waiver}`],
    ['agency and company, protocol, lunar exploration', `form: protocol\n${WITH_COMPANY}cooperation:\n  areas: [lunar-exploration]\n${launch}${waiver}`],
  ])('%s: the cross-waiver and the definition of Damage are in fresh words, with the exceptions kept', (_name, yaml) => {
    const d = draftOf(yaml);
    const all = text(d);
    expect(all).toContain('“Damage” means');
    expect(all).toMatch(/waives any claim for Damage arising out of Protected Space Operations/);
    for (const re of IGA_WORDING) expect(all).not.toMatch(re);
    // The substance the review relies on stays: bodily injury, wilful misconduct, IP, apportionment carved out.
    const waiverText = text(d, (t) => t === 'liability');
    expect(waiverText).toMatch(/bodily injury/);
    expect(waiverText).toMatch(/wilful misconduct/);
    expect(waiverText).toMatch(/claims concerning Intellectual Property/);
    expect(waiverText).toMatch(/apportionment of, or an indemnity for, compensation paid to third parties/);
  });
});

describe('definitions follow use: a treaty’s title is not a use of its words (X-7, X-16)', () => {
  it.each([
    ['a station agreement between Governments, fault-based liability', `form: agreement\n${GOVERNMENTS}cooperation:\n  areas: [ground-stations, space-science]\nliability: { regime: fault-based }\n`],
    ['a framework agreement between agencies on navigation, fault-based liability', `form: framework-agreement\n${AGENCIES}cooperation:\n  areas: [navigation]\nliability: { regime: fault-based }\n`],
  ])('%s: the Liability Convention is named, but “Damage” is not defined unless a clause uses it', (_name, yaml) => {
    const d = draftOf(yaml);
    const defs = article(d, 'definitions');
    expect(text(d)).toContain('Convention on International Liability for Damage Caused by Space Objects');
    const usesDamage = /\bDamages?\b/.test(operative(d).replaceAll('Liability for Damage Caused by Space Objects', ''));
    expect(usesDamage).toBe(false);
    expect(defs).not.toContain('“Damage”');
  });
  it('where a clause does speak of Damage, the term is still defined', () => {
    const cw = draftOf(`form: framework-agreement\n${AGENCIES}cooperation:\n  areas: [earth-observation]\n  launch: { launchingParty: a }\nliability: { regime: cross-waiver, flowDown: true }\n`);
    expect(article(cw, 'definitions')).toContain('“Damage” means');
  });
});

describe('each provision once, each cross-reference one way (new defects after round 1)', () => {
  const launchByA = `  launch: { launchingParty: a, site: Aldera Launch Centre, siteState: Republic of Aldera }\n  spaceObjects: [ { name: Kite satellite, ownedBy: [b] } ]\n  exportControlled: true\n`;
  it.each([
    ['agencies, framework agreement, the other party’s satellite', `form: framework-agreement\n${AGENCIES}cooperation:\n  areas: [earth-observation]\n${launchByA}liability: { regime: cross-waiver, flowDown: true }\n`],
    ['Governments, protocol, human spaceflight', `form: protocol\n${GOVERNMENTS}parentInstrument: { title: Framework Agreement between Aldera and Borduria, shortTitle: Framework Agreement, date: 2020-01-15 }\ncooperation:\n  areas: [human-spaceflight]\n${launchByA}liability: { regime: cross-waiver, flowDown: true }\n`],
  ])('%s: launch technology safeguards are stated in the export-control article only; survival and the IP carve-out only where they belong', (_name, yaml) => {
    const d = draftOf(yaml);
    const all = operative(d);
    expect(all.match(/reverse-engineer/g)?.length).toBe(1);
    expect(article(d, 'launch/standard')).toMatch(/under the technology safeguards in Article \d+\./);
    const ip = text(d, (t) => t === 'ip');
    expect(ip).not.toMatch(/surviv/);
    expect(ip).not.toMatch(/waiver/);
    expect(text(d, (t) => t === 'liability')).toMatch(/claims concerning Intellectual Property/);
    expect(text(d, (_t, id) => id === 'final/entry-into-force')).toMatch(/Articles [\d, and]+ shall survive/);
  });

  const STATION = `form: agreement\n${GOVERNMENTS}cooperation:\n  areas: [ground-stations, space-science]\n  facilities:\n    - { name: Deep Space Antenna at Lagos Verdes, host: b, operator: a, hostAccessPercent: 10 }\nterm: { years: 50, renewal: automatic, renewalYears: 10, terminationNoticeMonths: 12 }\nliability: { regime: fault-based }\n`;
  it('a station agreement: tasks the facility settles are stated, not blank; termination does not refer in a circle; no waiver or Space Object where there is none', () => {
    const d = draftOf(STATION);
    const r = article(d, 'responsibilities/standard');
    expect(r).not.toContain('[●]');
    expect(r).toMatch(/Aldera shall establish, operate and maintain the Deep Space Antenna at Lagos Verdes, as provided in Article \d+\./);
    expect(r).toMatch(/Borduria shall make the site of the Deep Space Antenna at Lagos Verdes available/);
    expect(article(d, 'facilities/standard')).not.toMatch(/terminate this Agreement under Article/);
    expect(article(d, 'final/entry-into-force')).toMatch(/may be terminated only as provided in Article \d+/);
    expect(text(d, (t) => t === 'ip')).not.toMatch(/waiver/);
    expect(article(d, 'ownership/standard')).not.toMatch(/Space Object/);
  });

  it('tasks the terms do not settle stay a blank and an open point; the launching party gets its launch', () => {
    const d = draftOf(`form: implementing-arrangement\n${AGENCIES}cooperation:\n  areas: [human-spaceflight]\n  launch: { launchingParty: a, site: Aldera Launch Centre }\n  spaceObjects: [ { name: Heron crew spacecraft, ownedBy: [a] } ]\n`);
    const r = article(d, 'responsibilities/standard');
    expect(r).toMatch(/ASA shall arrange the launch of the Heron crew spacecraft, as provided in Article \d+\./);
    expect(r).toMatch(/BSA shall carry out the following tasks: \[●\]\./);
  });
});

describe('memoranda and final clauses as counsel reads them (new defects after round 1)', () => {
  it.each([
    ['agencies', AGENCIES],
    ['Governments', GOVERNMENTS],
  ])('a memorandum between %s names the texts whose divergence is settled by consultation', (_name, parties) => {
    const d = draftOf(`form: memorandum-of-understanding\n${parties}languages: [en, fr, ar]\n`);
    const langs = article(d, 'final/languages');
    expect(langs).toMatch(/between the English, French and Arabic texts of this Memorandum by consultation/);
    expect(langs).not.toMatch(/\bauthentic\b|\bshall\b/);
  });

  it.each(['[to be confirmed]', 'TBC', '[name]'])('a signatory name typed as a placeholder (%s) is a blank and an open point', (placeholder) => {
    const yaml = `form: framework-agreement\nparties:\n  - { id: a, name: Aldera Space Agency, shortName: ASA, state: Republic of Aldera, type: space-agency, signatory: { name: "${placeholder}", title: Director } }\n  - { id: b, name: Borduria Space Agency, shortName: BSA, state: Kingdom of Borduria, type: space-agency, signatory: { name: Ana Petrov, title: Director } }\n`;
    const md = renderMarkdown(draftOf(yaml));
    expect(md).not.toContain(placeholder.replace(/[[\]]/g, (c) => `\\${c}`));
    expect(md).toMatch(/\| Name: \[●\] \| Name: Ana Petrov \|/);
    expect(md).toMatch(/\*\*Name of the signatory \(ASA\)\*\*/);
  });

  it('the preamble speaks of registering space objects only where something is launched or operated', () => {
    const ground = renderMarkdown(draftOf(`form: agreement\n${GOVERNMENTS}cooperation:\n  areas: [space-science]\n`));
    expect(ground).not.toMatch(/registration of space objects/);
    const launched = renderMarkdown(draftOf(`form: agreement\n${GOVERNMENTS}cooperation:\n  areas: [earth-observation]\n  launch: { launchingParty: a }\n`));
    expect(launched).toMatch(/registration of space objects with the United Nations/);
  });

  it.each([
    ['fault-based, station', `form: agreement\n${GOVERNMENTS}cooperation:\n  areas: [ground-stations]\n  facilities: [ { name: Station, host: a, operator: b } ]\nliability: { regime: fault-based }\n`],
    ['Liability Convention only, memorandum', `form: memorandum-of-understanding\n${AGENCIES}cooperation:\n  areas: [space-science]\nliability: { regime: convention-only }\n`],
    ['Liability Convention only, agreement', `form: agreement\n${GOVERNMENTS}cooperation:\n  areas: [space-science]\nliability: { regime: convention-only }\n`],
  ])('%s: the consultation on a Liability Convention claim is in the library’s words, not IGA Art. 17(2)’s', (_name, yaml) => {
    const l = text(draftOf(yaml), (t) => t === 'liability');
    expect(l).toMatch(/on any liability of their States that the claim may engage/);
    expect(l).not.toMatch(/consult promptly on any potential liability/);
  });
});

describe('termination refers only to terms that exist (new defect after round 1)', () => {
  const facility = `cooperation:\n  areas: [navigation]\n  facilities: [ { name: Monitoring Station at Oran, host: b, operator: a } ]\n`;
  it.each([
    ['Governments, thirty years, renewable', `form: agreement\n${GOVERNMENTS}${facility}term: { years: 30, renewal: automatic, renewalYears: 10 }\n`, 'thirty years', true],
    ['agencies, twelve years', `form: framework-agreement\n${AGENCIES}${facility}term: { years: 12, renewal: none }\n`, 'twelve years', false],
  ])('%s: where the final article leaves termination to the facilities article, that article states the minimum period and the ground', (_name, yaml, years, renewal) => {
    const d = draftOf(yaml);
    const fin = article(d, 'final/entry-into-force');
    const fac = d.articles.find((a) => a.topic === 'facilities')!;
    expect(fin).toMatch(new RegExp(`terminated only as provided in Article ${fac.number}`));
    const facText = article(d, 'facilities/standard');
    expect(facText).toMatch(new RegExp(`may terminate this Agreement before the end of its initial term of ${years}, except for a material breach`));
    expect(/notice of non-renewal/.test(facText)).toBe(renewal);
  });
  it.each([
    ['agencies, five years, renewable', `form: framework-agreement\n${AGENCIES}${facility}term: { years: 5, renewal: automatic, renewalYears: 5 }\n`],
    ['Governments, eight years', `form: agreement\n${GOVERNMENTS}${facility}term: { years: 8, renewal: none }\n`],
  ])('%s: a short term with a station is terminable on notice; the facilities article keeps removal and restoration', (_name, yaml) => {
    const d = draftOf(yaml);
    expect(article(d, 'final/entry-into-force')).toMatch(/Either Party may terminate this Agreement by written notice/);
    const facText = article(d, 'facilities/standard');
    expect(facText).not.toMatch(/before the end of its initial term/);
    expect(facText).toMatch(/remove its equipment from the site/);
  });
});

describe('the customs exemption for a station’s goods is stated once (G-7, new defect after round 1)', () => {
  it.each([
    ['Governments, agreement', `form: agreement\n${GOVERNMENTS}`],
    ['Governments, framework agreement', `form: framework-agreement\n${GOVERNMENTS}`],
  ])('%s: the customs article grants the exemption, the facilities article extends it to the facility by reference', (_name, head) => {
    const d = draftOf(`${head}cooperation:\n  areas: [ground-stations]\n  facilities: [ { name: Tracking Station at Vela, host: b, operator: a } ]\n`);
    const sentences = operative(d).split(/(?<=\.)\s+/).filter((x) => /exempt/i.test(x) && /\bfacilit(y|ies)\b/i.test(x));
    expect(sentences).toHaveLength(1);
    expect(article(d, 'facilities/standard')).toMatch(/benefit from the exemptions from customs duties, taxes and similar charges provided in Article \d+/);
  });
});

describe('a party acting under a parent instrument it is not party to says by whose designation (K-4)', () => {
  const PARENT = 'parentInstrument: { title: Framework Agreement between the Aldera Space Agency and the Borduria Space Agency, shortTitle: Framework Agreement }\n';
  const terms = (form: string, designatedBy?: string, zh?: string) =>
    `form: ${form}\nlanguages: [en, zh]\nparties:\n  - { id: a, name: Aldera Crewed Flight Office, shortName: ACFO, state: Republic of Aldera, type: space-agency${designatedBy ? `, designatedBy: ${designatedBy}` : ''}${zh ? `, zh: { designatedBy: ${zh} }` : ''} }\n  - { id: b, name: Borduria Space Agency, shortName: BSA, state: Kingdom of Borduria, type: space-agency }\n${PARENT}`;
  const rule = (yaml: string) => findings(yaml).filter((f) => f.rule === 'designation-unstated');

  it.each(['implementing-arrangement', 'protocol'])('in a %s, the preamble recites the designation in both texts, and the review asks for it until it is given', (form) => {
    const en = draftFromTermsText(terms(form, 'the Aldera Space Agency', '阿尔德拉航天局'), 'terms.yaml', library);
    const preamble = en.draft.preamble.join('\n');
    expect(preamble).toMatch(/\*Noting\* that the Aldera Space Agency has designated ACFO to conclude and implement this (Arrangement|Protocol) under the Framework Agreement,/);
    // The short title the recital uses is introduced where the parent is first named (counsel R17-3).
    expect(preamble).toMatch(/\*Having regard to\* the Framework Agreement between .+ \(hereinafter “the Framework Agreement”\),/);
    // The designation is recited, and the instrument sits within the parent's framework; an agency is not made a
    // party to an instrument it did not conclude (counsel round 2, A-3).
    expect(article(en.draft, 'arrangements/precedence')).toMatch(/^This (Arrangement|Protocol) is concluded within the framework of, and implements, the Framework Agreement\./);
    expect(article(en.draft, 'arrangements/precedence')).not.toContain('as if');
    // Signed on the authority the designation gives, not "by their respective institutions".
    expect(en.draft.testimonium.join('\n')).toMatch(/being duly authorised thereto, have signed/);
    const zh = draftFromTermsText(terms(form, 'the Aldera Space Agency', '阿尔德拉航天局'), 'terms.yaml', library, { lang: 'zh' });
    expect(zh.draft.preamble.join('\n')).toMatch(/注意到阿尔德拉航天局已指定.+根据《.+》缔结和执行本.+；/);
    expect(article(zh.draft, 'arrangements/precedence')).toMatch(/^本(安排|议定书)为实施《.+》，在其框架内订立。/);
    expect(article(zh.draft, 'arrangements/precedence')).not.toContain('如同');
    // No Chinese form: a blank in the Chinese text, and an open point for it.
    const blank = draftFromTermsText(terms(form, 'the Aldera Space Agency'), 'terms.yaml', library, { lang: 'zh' });
    expect(blank.draft.preamble.join('\n')).toMatch(/注意到\[●\]已指定/);
    expect(blank.draft.notes.openPoints.map((p) => p.path)).toContain('parties[0].zh.designatedBy');

    expect(rule(terms(form))).toEqual([expect.objectContaining({ severity: 'note', where: 'parties[0].designatedBy' })]);
    expect(rule(terms(form, 'the Aldera Space Agency'))).toEqual([]);
    expect(draftOf(terms(form)).preamble.join('\n')).not.toContain('Noting');
    expect(article(draftOf(terms(form)), 'arrangements/precedence')).not.toContain('as if');
  });

  it('recites two designations in one paragraph', () => {
    const both = terms('protocol', 'the Government of the Republic of Aldera').replace('type: space-agency }\nparentInstrument', 'type: space-agency, designatedBy: the Government of the Kingdom of Borduria }\nparentInstrument');
    const d = draftOf(both);
    expect(d.preamble.filter((p) => p.startsWith('*Noting*'))).toEqual([
      '*Noting* that the Government of the Republic of Aldera and the Government of the Kingdom of Borduria have designated ACFO and BSA respectively to conclude and implement this Protocol under the Framework Agreement,',
    ]);
    expect(article(d, 'arrangements/precedence')).not.toContain('as if');
  });

  it('is quiet for a party the parent names, and for an instrument with no parent', () => {
    expect(rule(terms('protocol')).map((f) => f.where)).toEqual(['parties[0].designatedBy']); // BSA is named in the title
    expect(rule(`form: agreement\n${AGENCIES}`)).toEqual([]);
    // A name inside another word is not a mention: ASA is not named by a framework with NASA.
    const nasa = `form: protocol\nparties:\n  - { id: a, name: Aldera Space Agency, shortName: ASA, state: Republic of Aldera, type: space-agency }\n  - { id: b, name: Borduria Space Agency, shortName: BSA, state: Kingdom of Borduria, type: space-agency }\nparentInstrument: { title: Framework Agreement between NASA and the Borduria Space Agency }\n`;
    expect(rule(nasa).map((f) => f.where)).toEqual(['parties[0].designatedBy']);
  });
});

describe('an arbitration says what law the tribunal applies, and holds against a parent instrument (counsel round 2, A-2)', () => {
  const ARBITRATION = 'disputes: { steps: [consultation, arbitration], arbitration: { rules: pca-outer-space, seat: The Hague, arbitrators: 3 } }\n';
  const PARENT = 'parentInstrument: { title: Framework Agreement on Cooperation in the Peaceful Uses of Outer Space, shortTitle: Framework Agreement }\n';
  const drafts = (yaml: string) => ({
    en: draftFromTermsText(yaml, 'terms.yaml', library).draft,
    zh: draftFromTermsText(`${yaml}languages: [en, zh]\n`, 'terms.yaml', library, { lang: 'zh' }).draft,
  });

  it.each([
    ['a treaty between Governments', `form: agreement\n${GOVERNMENTS}`],
    ['an agreement between agencies', `form: framework-agreement\n${AGENCIES}`],
  ])('%s: the tribunal decides on the instrument and international law', (_name, head) => {
    const { en, zh } = drafts(`${head}${ARBITRATION}`);
    expect(article(en, 'disputes/arbitration')).toMatch(/The tribunal shall decide the dispute on the basis of this (Agreement|Framework Agreement) and the rules of international law applicable between the Parties\./);
    expect(article(zh, 'disputes/arbitration')).toMatch(/仲裁庭应依据本.+以及适用于(缔约)?双方之间的国际法规则裁决争议。/);
  });

  it.each(['protocol', 'implementing-arrangement'])('in a %s, the parent is part of the applicable law, and does not displace the arbitration', (form) => {
    const { en, zh } = drafts(`form: ${form}\n${AGENCIES}${PARENT}${ARBITRATION}`);
    const n = en.articles.find((a) => a.clauseId === 'disputes/arbitration')!.number;
    expect(article(en, 'disputes/arbitration')).toMatch(/on the basis of this (Protocol|Arrangement), the Framework Agreement and the rules of international law/);
    expect(article(en, 'disputes/arbitration')).toMatch(/This Article governs every dispute concerning this (Protocol|Arrangement), whatever the Framework Agreement provides/);
    // The parent prevails, except over the way disputes under this instrument are settled.
    expect(article(en, 'arrangements/precedence')).toContain(`which shall prevail in case of any inconsistency between them, except in the settlement of disputes concerning this ${form === 'protocol' ? 'Protocol' : 'Arrangement'}, which Article ${n} governs.`);
    expect(article(zh, 'arrangements/precedence')).toMatch(new RegExp(`但与本.+有关的争议的解决适用第${'[一二三四五六七八九十]+'}条。`));
    expect(article(zh, 'disputes/arbitration')).toMatch(/无论《.+》就其项下争议的解决作何规定/);
  });

  it('says nothing of a parent where none exists, nor of arbitration where the steps stop at consultation', () => {
    expect(article(draftOf(`form: agreement\n${GOVERNMENTS}${ARBITRATION}`), 'disputes/arbitration')).not.toContain('whatever');
    const consult = draftOf(`form: protocol\n${AGENCIES}${PARENT}disputes: { steps: [consultation] }\n`);
    expect(article(consult, 'arrangements/precedence')).not.toContain('settlement of disputes');
  });
});

describe('the operator of a station holds its host harmless against every claim, with cover behind it (counsel round 2, A-4)', () => {
  it.each([
    ['Governments', `form: agreement\n${GOVERNMENTS}`],
    ['agencies', `form: framework-agreement\n${AGENCIES}`],
  ])('%s: claims of any kind from the station and the missions it supports, backed by insurance or a guarantee, in the facilities article whatever the liability regime', (_name, head) => {
    for (const regime of ['fault-based', 'convention-only']) {
      const d = draftOf(`${head}cooperation:\n  areas: [ground-stations]\n  facilities: [ { name: Tracking Station at Vela, host: b, operator: a } ]\nliability: { regime: ${regime} }\n`);
      const text = article(d, 'facilities/standard');
      expect(text).toMatch(/shall indemnify and hold harmless (the Government of the Kingdom of Borduria|Borduria|BSA) against claims of any kind brought by third parties and arising from the establishment, operation or decommissioning of the Tracking Station at Vela or from the missions it supports, /);
      expect(text).toMatch(/shall maintain insurance, or another financial guarantee that (the Government of the Kingdom of Borduria|Borduria|BSA) accepts, sufficient to meet that undertaking/);
      expect(operative(d)).not.toMatch(/claims by third parties for death, bodily injury, or loss of or damage to property arising from the establishment/);
      // The host's own missions are its own affair, and the indemnity outlives the instrument for what happened under it (final reading, N-2, N-5).
      expect(text).toMatch(/or from the missions it supports, other than the missions (the Government of the Kingdom of Borduria|Borduria|BSA) itself operates, except/);
      expect(text).toMatch(/This undertaking, and the insurance or guarantee behind it, continue after the termination or expiry of this (Agreement|Framework Agreement) for claims arising from events that occurred before it\./);
      expect(article(d, 'jurisdiction/no-space-object')).toMatch(/is not responsible for the operation of any such spacecraft that it does not itself operate\./);
    }
  });
});

describe('the notes for counsel speak of the draft’s own form and facts (counsel round 2, A-11)', () => {
  const reviewOf = (d: Draft, clauseId: string) => d.notes.reviews.find((r) => r.clauseId === clauseId)?.text ?? '';
  const example = (name: string) => draftFromTermsText(readFileSync(join(ROOT, 'examples', name), 'utf8'), name, library).draft;

  it.each(['deep-space-station.yaml', 'navigation-monitoring.yaml', 'crew-flight.yaml'])('%s (binding, nothing jointly owned, no Earth observation): no memorandum, joint asset or remote sensing in the notes', (name) => {
    const d = example(name);
    expect(reviewOf(d, 'final/entry-into-force')).toMatch(/^Check the domestic procedure each State needs/);
    expect(reviewOf(d, 'final/entry-into-force')).not.toMatch(/status paragraph|memorandum|jointly owned/);
    expect(reviewOf(d, 'release/standard')).not.toMatch(/remote sensing/);
  });

  it('a memorandum’s notes ask about its status, not about domestic procedures', () => {
    const d = example('lunar-mou.yaml');
    expect(reviewOf(d, 'final/entry-into-force')).toMatch(/^Check that both sides accept the status paragraph as written/);
    expect(reviewOf(d, 'final/amendment')).not.toMatch(/domestic approval/);
    expect(reviewOf(d, 'final/entry-into-force')).not.toMatch(/domestic procedure/);
  });

  it('a binding Earth-observation draft with a jointly owned satellite keeps both points, in its Chinese text too', () => {
    const cbers = readFileSync(join(ROOT, 'examples', 'cbers.yaml'), 'utf8');
    for (const d of [draftFromTermsText(cbers, 'cbers.yaml', library).draft, draftFromTermsText(cbers, 'cbers.yaml', library, { lang: 'zh' }).draft]) {
      expect(reviewOf(d, 'final/entry-into-force')).toMatch(/the jointly owned assets and the costs already incurred\.$/);
      expect(reviewOf(d, 'release/standard')).toMatch(/remote sensing data/);
    }
  });
});

describe('the parent instrument is defined once: in the preamble where a designation is recited, else in Article 1 (counsel round 2, A-12)', () => {
  const terms = (form: string, designated: boolean, date = '') =>
    `form: ${form}\nlanguages: [en, zh]\nparties:\n  - { id: a, name: Aldera Crewed Flight Office, shortName: ACFO, state: Republic of Aldera, type: space-agency${designated ? ', designatedBy: the Aldera Space Agency, zh: { designatedBy: 阿尔德拉航天局 }' : ''} }\n  - { id: b, name: Borduria Space Agency, shortName: BSA, state: Kingdom of Borduria, type: space-agency }\nparentInstrument: { title: Framework Agreement between the Aldera Space Agency and the Borduria Space Agency, shortTitle: Framework Agreement${date} }\n`;
  const definitions = (d: Draft) => text(d, (topic) => topic === 'definitions');

  it.each(['protocol', 'implementing-arrangement'])('%s with a designation: the preamble introduces the short title, with the date or a blank, and Article 1 does not define it again', (form) => {
    for (const [date, shown] of [['', 'signed on [●]'], [', date: 2021-03-04', 'signed on 4 March 2021']] as const) {
      const en = draftFromTermsText(terms(form, true, date), 'terms.yaml', library).draft;
      expect(en.preamble.join('\n')).toContain(`Borduria Space Agency, ${shown} (hereinafter “the Framework Agreement”),`);
      expect(definitions(en)).not.toMatch(/Framework Agreement/);
      const zh = draftFromTermsText(terms(form, true, date), 'terms.yaml', library, { lang: 'zh' }).draft;
      expect(zh.preamble.join('\n')).toMatch(/根据(\[●\]|2021年3月4日)签署的《.+》（以下简称《.+》）/);
      expect(definitions(zh)).not.toMatch(/框架/);
    }
  });

  it('without a designation, Article 1 defines it and the preamble recalls it without “hereinafter”', () => {
    const en = draftFromTermsText(terms('protocol', false), 'terms.yaml', library).draft;
    expect(definitions(en)).toMatch(/“Framework Agreement” means the Framework Agreement between the Aldera Space Agency and the Borduria Space Agency, signed on \[●\]/);
    expect(en.preamble.join('\n')).not.toContain('hereinafter “the Framework Agreement”');
  });
});

describe('the preamble names the parties jointly without a second parenthesis after a short name (counsel round 2, A-12)', () => {
  const govs = (shortA: string, shortB: string) =>
    `form: agreement\nlanguages: [en, zh]\nparties:\n  - { id: a, name: Government of the Republic of Aldera, state: Republic of Aldera, type: government${shortA}, zh: { name: 阿尔德拉共和国政府${shortA ? ', shortName: 阿方' : ''} } }\n  - { id: b, name: Government of the Kingdom of Borduria, state: Kingdom of Borduria, type: government${shortB}, zh: { name: 博尔杜里亚王国政府${shortB ? ', shortName: 博方' : ''} } }\n`;
  it.each([
    ['“the … Party”', ', shortName: the Alderan Party', ', shortName: the Bordurian Party', '(hereinafter referred to as “the Bordurian Party”), together referred to as “the Parties” and each as “a Party”,'],
    ['a bare short name', ', shortName: Aldera', ', shortName: Borduria', '(Borduria), together referred to as “the Parties” and each as “a Party”,'],
    ['no short name', '', '', 'the Government of the Kingdom of Borduria (hereinafter referred to jointly as “the Parties” and separately as “a Party”),'],
  ])('Governments with %s', (_name, a, b, expected) => {
    const en = draftFromTermsText(govs(a, b), 'terms.yaml', library).draft;
    expect(en.preamble[0]).toContain(expected);
    expect(en.preamble[0]).not.toMatch(/\) \(hereinafter/);
    const zh = draftFromTermsText(govs(a, b), 'terms.yaml', library, { lang: 'zh' }).draft;
    expect(zh.preamble[0]).not.toMatch(/）（/);
    expect(zh.preamble[0]).toMatch(a ? /（以下简称“博方”），以下合称“缔约双方”/ : /博尔杜里亚王国政府（以下合称“缔约双方”，单称“缔约一方”），/);
  });
});

describe('an implementing agency carries out a party’s tasks under its responsibility; it does not act for it, and may be a company (counsel round 2, A-3)', () => {
  it.each(['protocol', 'agreement'])('%s', (form) => {
    const yaml = `form: ${form}\n${form === 'agreement' ? GOVERNMENTS : AGENCIES}${form === 'protocol' ? 'parentInstrument: { title: Framework Agreement on Space Cooperation }\n' : ''}cooperation:\n  areas: [earth-observation]\n  implementingEntities: [ { name: Aldera Satellite Works, party: a }, { name: Borduria Institute for Space Research, party: b } ]\nlanguages: [en, zh]\n`;
    const en = draftOf(yaml);
    const body = article(en, 'implementation/standard');
    expect(body).toMatch(/bodies, public or private, that it entrusts with tasks under this (Protocol|Agreement), with their consent/);
    expect(body).toMatch(/does not thereby become a party to this (Protocol|Agreement); a body that is not under that Party's authority takes part under an arrangement or contract with it\./);
    expect(body).not.toMatch(/acts for the Party/);
    expect(text(en, (t) => t === 'definitions')).toMatch(/“Implementing Agency” means a body, public or private, that a Party designates under Article \d+ to carry out tasks of that Party in the Cooperative Activities under its responsibility/);
    const zh = draftFromTermsText(yaml, 'terms.yaml', library, { lang: 'zh' }).draft;
    expect(article(zh, 'implementation/standard')).toMatch(/并不因此成为本.+的当事方/);
    expect(article(zh, 'implementation/standard')).not.toMatch(/代表指定它的/);
  });
});
