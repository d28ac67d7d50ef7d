import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { reviewTermsText } from '../../src/review/index.js';
import { builtinLibrary } from '../helpers/engine.js';
import { lintMarkdown, ROOT } from '../helpers/run.js';

/**
 * Contracts (form `contract`): every element a launch or satellite contract needs, tailored to the
 * terms, and no treaty formula, across a launch only, an in-orbit delivery and a satellite built and
 * launched by a state enterprise.
 */
const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');

const LAUNCH_ONLY = `form: contract
parties:
  - { id: esa-x, name: Aldera Space Agency, shortName: ASA, state: Republic of Aldera, type: space-agency, registeredOffice: Alderburg }
  - id: rocket
    name: Borduria Rocket Works Limited
    shortName: BRW
    state: Kingdom of Borduria
    type: commercial
    legalForm: a limited company incorporated under the laws of Borduria
    registeredOffice: 1 Harbour Road, Szohod
cooperation:
  areas: [launch-services, space-science]
  launch: { launchingParty: rocket, site: Szohod Launch Complex, vehicle: Kestrel, siteState: Kingdom of Borduria }
  spaceObjects: [ { name: Lyra space telescope, ownedBy: [esa-x] } ]
contract:
  price: { amount: 42500000.5, currency: EUR }
  payments:
    - { milestone: the Effective Date, percent: 40 }
    - { milestone: Launch, percent: 60 }
  governingLaw: the laws of the Netherlands
  launchWindow: { from: 2029-03-01, to: 2029-05-31 }
  insurance: { thirdPartyAmount: { amount: 60000000 }, launchInsurance: true }
  liabilityCap: { amount: 10000000 }
disputes:
  arbitration: { rules: uncitral, seat: The Hague, arbitrators: 1 }
signing: { place: Alderburg, date: 2027-09-01 }
`;

const CONTRACTS: [string, string][] = [
  ['a launch only', LAUNCH_ONLY],
  ['an in-orbit delivery by a company (leo-delivery)', example('leo-delivery.yaml')],
  ['a satellite built, launched and delivered by a state enterprise (comsat-delivery)', example('comsat-delivery.yaml')],
];

const build = (yaml: string) => {
  const { draft, plan } = draftFromTermsText(yaml, 'terms.yaml', builtinLibrary());
  const instrument = renderMarkdown(draft, { notes: false });
  return { draft, plan, instrument, md: renderMarkdown(draft) };
};
const titles = (d: ReturnType<typeof build>) => d.draft.articles.map((a) => a.title);

describe.each(CONTRACTS)('%s', (_name, yaml) => {
  const d = build(yaml);

  it('reads as a contract: recitals, agreement clause, execution by duly authorised representatives', () => {
    expect(d.plan.character.character).toBe('contract');
    expect(d.draft.preamble.join('\n')).toMatch(/^This .*(Agreement|Contract) \(this “(Agreement|Contract)”\) is made between:/);
    expect(d.draft.preamble).toContain('WHEREAS:');
    expect(d.draft.agreedFormula).toBe('NOW, THEREFORE, the Parties agree as follows:');
    expect(d.draft.testimonium.join(' ')).toMatch(/^IN WITNESS WHEREOF, the Parties have caused this (Agreement|Contract) to be signed by their duly authorised representatives/);
  });

  it('carries no treaty or memorandum formula', () => {
    for (const re of [/States Parties/, /enter(s|ed)? into force|entry into force/i, /\bDONE at\b/, /appropriated funds|availability of funds/i, /Implementing Agenc/, /\bParticipants?\b/, /Cooperative Activities/, /rights and obligations of their States/]) {
      expect(d.instrument, String(re)).not.toMatch(re);
    }
  });

  it('has every element of a launch or satellite contract', () => {
    const t = titles(d);
    for (const title of ['Definitions', 'Subject Matter and Scope of Work', 'Contract Price and Payment', 'Title and Risk', 'Warranties and Remedies', 'Insurance', 'Allocation of Liability', 'Intellectual Property and Licence to Operate', 'Confidentiality', 'Export Licences and Technology Safeguards', 'Registration, Authorisation and Supervision', 'Force Majeure', 'Suspension and Termination', 'Governing Law', 'Settlement of Disputes', 'Notices', 'Effective Date and General Provisions']) {
      expect(t, title).toContain(title);
    }
    expect(t.some((x) => /^Launch Window|^Delivery Schedule/.test(x))).toBe(true);
    expect(t.some((x) => /Acceptance|Completion of the Launch Services/.test(x))).toBe(true);
    expect(d.instrument).toMatch(/takes effect on the Effective Date/);
    expect(d.instrument).toMatch(/for its convenience[^.]*\. It shall then pay [^.]*termination charges/);
    expect(d.instrument).toMatch(/assign or transfer this (Agreement|Contract)/);
    expect(d.instrument).toMatch(/entire agreement of the Parties/);
    expect(d.instrument).toMatch(/amended only by a written instrument/);
    expect(d.instrument).toMatch(/signed in counterparts/);
    expect(d.draft.notes.openPoints.map((p) => p.path)).not.toContain('contract.price');
  });

  it('states the liability of the launch phase only, capped, and never for the satellite’s whole life', () => {
    const liability = d.draft.articles.find((a) => a.title === 'Allocation of Liability')!;
    const text = liability.blocks.map((b) => b.text).join('\n');
    expect(text).toMatch(/waives every claim[^.]*during the launch campaign/);
    expect(text).toMatch(/shall extend this waiver to its contractors/);
    expect(text).toMatch(/indemnity ends at that event and does not extend to the Satellite for its operating life/);
    expect(text).toMatch(/shall not exceed (EUR|USD) [\d,]+/);
    expect(text).not.toMatch(/Space Object it launches|Article V\(2\)/);
  });

  it('registers through the launching States and authorises each non-governmental party once (OST Art. VI)', () => {
    expect(d.instrument).toMatch(/as launching States, to determine jointly under Article II\(2\) of the Registration Convention/);
    expect(d.instrument).toMatch(/shall procure the concurrence of the competent authorities of/);
    expect(d.instrument.match(/Article VI of the Outer Space Treaty/g)?.length).toBe(1);
    expect(d.instrument).toMatch(/(BRW|Aryavarta|COIC) shall obtain and maintain that authorisation/);
  });

  it('licenses the customer to operate what it buys and gives the supplier no data beyond launch telemetry', () => {
    expect(d.instrument).toMatch(/acquires no right to receive, use, publish or license those data/);
    expect(d.instrument).toMatch(/other than the Launch Telemetry/);
  });

  it('is lint-clean, without template residue, and passes check with open points only', () => {
    expect(lintMarkdown(d.md)).toBe('');
    expect(d.md).not.toMatch(/\{\{|undefined|\[object Object\]|\uE000|NaN/);
    const findings = reviewTermsText(yaml, 'terms.yaml', builtinLibrary());
    expect(findings.filter((f) => f.severity !== 'note').map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
    expect(findings.filter((f) => f.rule !== 'open-point' && f.severity === 'note').map((f) => f.rule)).toEqual([]);
  });
});

describe('each element follows the facts', () => {
  const launch = build(LAUNCH_ONLY);
  const leo = build(example('leo-delivery.yaml'));
  const comsat = build(example('comsat-delivery.yaml'));

  it('the title names the deal', () => {
    expect(launch.draft.title).toMatch(/^Launch Services Agreement between the Aldera Space Agency and Borduria Rocket Works Limited$/);
    expect(leo.draft.title).toMatch(/^Launch and In-Orbit Delivery Services Agreement for the Taifa-2 Project between the Kenya Space Agency and Aryavarta Launch Systems Private Limited$/);
    expect(comsat.draft.title).toMatch(/^Satellite Procurement and In-Orbit Delivery Contract for the Illimani-2 Project between the Bolivian Space Agency and China Orbital Industry Corporation$/);
  });

  it('parties with legal form and registered office; a company without an article', () => {
    expect(launch.draft.preamble.join('\n')).toContain('(2) Borduria Rocket Works Limited (“BRW”), a limited company incorporated under the laws of Borduria, having its registered office at 1 Harbour Road, Szohod,');
    expect(launch.draft.signatures.map((s) => s.heading)).toEqual(['For the Aldera Space Agency', 'For Borduria Rocket Works Limited']);
  });

  it('price, currency and milestones as contracts write them', () => {
    expect(launch.instrument).toContain('a firm fixed Contract Price of EUR 42,500,000.50');
    expect(launch.instrument).toMatch(/\(a\) 40 per cent of the Contract Price on the Effective Date;\n\n\s+\(b\) 60 per cent of the Contract Price on Launch\./);
    expect(comsat.instrument).toContain('USD 302,000,000');
    expect(launch.instrument).toContain('within thirty (30) days of its receipt');
  });

  it('the launch window, acceptance and the event at which title and risk pass', () => {
    expect(launch.instrument).toContain('within the Launch Window, from 1 March 2029 to 31 May 2029');
    expect(titles(launch)).toContain('Completion of the Launch Services');
    expect(launch.instrument).toMatch(/Title to the Satellite remains with ASA throughout/);
    // A launch provider delivering the customer's satellite: launch success, its own services and the handover (counsel round 2, B-2).
    expect(titles(leo)).toContain('Launch Success, Commissioning and In-Orbit Acceptance');
    expect(titles(comsat)).toContain('In-Orbit Acceptance');
    expect(leo.instrument).toContain('the expiry of forty-five (45) days after Separation');
    expect(comsat.instrument).toMatch(/pass from COIC to ABE on In-Orbit Acceptance/);
    expect(comsat.instrument).toMatch(/Title to, and risk of, each item of the ground segment pass to ABE/);
    // The event the deal implies, with its reason, is a choice the notes show; an event in the terms wins.
    expect(leo.md).toMatch(/\*\*Title and Risk\*\* \(Article 6\): `contract-title-risk\/standard`, recommended from the facts\. No event in the terms[^\n]*keeps title throughout/);
    const ground = build(LAUNCH_ONLY.replace('  liabilityCap:', '  titleAndRisk: ground-acceptance\n  liabilityCap:'));
    expect(ground.instrument).toMatch(/pass from BRW to ASA on the signature of the certificate of acceptance on the ground/);
    expect(ground.md).toMatch(/\*\*Title and Risk\*\* \(Article \d+\): `contract-title-risk\/standard`, chosen in the terms file/);
  });

  it('remedies: a replacement launch; for a satellite the supplier bears until acceptance, a replacement satellite or a refund', () => {
    expect(launch.instrument).toMatch(/provide a replacement launch of a satellite that ASA provides/);
    expect(comsat.instrument).toMatch(/either provide and launch a replacement satellite at its own cost[^.]*or refund all payments received/);
  });

  it('insurance: third-party cover as the licensing State requires, launch insurance by the customer or the supplier bearing the risk', () => {
    expect(launch.instrument).toMatch(/not less than EUR 60,000,000 or the higher amount that the competent authorities of the Kingdom of Borduria require/);
    expect(launch.instrument).toMatch(/ASA shall obtain launch and early-orbit insurance/);
    expect(leo.instrument).toMatch(/KSA may, at its option and cost, obtain launch and early-orbit insurance/);
    expect(comsat.instrument).toMatch(/As COIC bears the risk of loss of the Satellite[^.]*it shall insure the Satellite/);
  });

  it('an irrevocable licence to operate a delivered satellite, software updates included; none for a launch only', () => {
    expect(comsat.instrument).toMatch(/irrevocable, non-exclusive, royalty-free licence[^.]*for the whole operating life of the Satellite\. The licence extends to the corrections and updates of that software/);
    expect(leo.instrument).toMatch(/irrevocable, non-exclusive/);
    expect(launch.instrument).not.toMatch(/irrevocable, non-exclusive/);
  });

  it('the arbitration speaks the vocabulary of its rules', () => {
    expect(leo.instrument).toMatch(/commenced by a Request for Arbitration/);
    expect(leo.instrument).toMatch(/subject to confirmation by the ICC Court/);
    expect(leo.instrument).not.toMatch(/notice of arbitration|shall appoint one arbitrator/);
    for (const d of [launch, comsat]) {
      expect(d.instrument).toMatch(/commenced by a notice of arbitration/);
      expect(d.instrument).toMatch(/as appointing authority/);
      expect(d.instrument).not.toMatch(/Request for Arbitration|ICC Court/);
    }
    expect(launch.instrument).toMatch(/appoint the sole arbitrator by agreement/);
  });

  it('waives a State party’s immunity from jurisdiction and, separately and expressly, from execution, only when the terms ask', () => {
    expect(titles(leo)).toContain('Waiver of Immunity');
    expect(leo.instrument).toMatch(/KSA acknowledges that it enters into this Agreement for a commercial purpose/);
    expect(comsat.instrument).toMatch(/Separately and expressly, ABE and COIC waive irrevocably any immunity from execution/);
    expect(titles(launch)).not.toContain('Waiver of Immunity');
    expect(leo.md).toMatch(/Waiver of Immunity \(`contract-immunity\/standard`\): Check that the person signing for the State party has authority/);
  });

  it('training and frequency coordination when the deal includes them', () => {
    expect(comsat.instrument).toMatch(/the training of personnel of ABE in the operation of the Satellite and of the ground segment/);
    expect(comsat.instrument).toMatch(/frequency assignments of the Satellite under the ITU Radio Regulations/);
    expect(launch.instrument).not.toMatch(/training of personnel|ITU Radio Regulations/);
  });
});

describe('a contract whose commercial terms are not yet settled', () => {
  const bare = build(`form: contract
parties:
  - { id: a, name: Aldera Space Agency, state: Republic of Aldera, type: space-agency }
  - { id: b, name: Borduria Launch Company, state: Kingdom of Borduria, type: commercial }
cooperation:
  launch: { launchingParty: b }
  spaceObjects: [ { name: A-1 satellite, ownedBy: [a] } ]
`);

  it('shows each missing term as a visible blank and lists it as an open point', () => {
    const paths = bare.draft.notes.openPoints.map((p) => p.path);
    for (const path of ['contract.price', 'contract.payments', 'contract.governingLaw', 'contract.launchWindow', 'contract.insurance.thirdPartyAmount', 'contract.liabilityCap', 'parties[1].legalForm', 'parties[1].registeredOffice', 'cooperation.launch.site', 'disputes.arbitration.seat']) {
      expect(paths, path).toContain(path);
    }
    expect(bare.instrument).toContain('a firm fixed Contract Price of [●]');
    expect(bare.instrument).toContain('governed by and construed in accordance with [●]');
    expect(bare.md).toMatch(/\*\*Governing law\*\* \(Article \d+; `contract.governingLaw`\): A contract is governed by a national law/);
  });

  it('a contract that sells only a ground segment has no launch-phase articles and still reads as a whole', () => {
    const ground = build(`form: contract
parties:
  - { id: a, name: Aldera Space Agency, state: Republic of Aldera, type: space-agency }
  - { id: b, name: Borduria Systems Limited, state: Kingdom of Borduria, type: commercial }
contract:
  supplier: b
  supplies: [ground-segment, training]
  price: { amount: 3000000, currency: EUR }
`);
    expect(ground.draft.title).toMatch(/^Ground Segment Supply Contract/);
    for (const t of ['Title and Risk', 'Insurance', 'Registration, Authorisation and Supervision']) expect(titles(ground)).not.toContain(t);
    expect(ground.instrument).not.toMatch(/launch campaign|Separation|Launch Window/);
    expect(ground.md).not.toMatch(/\{\{|undefined|\uE000/);
  });
});

describe('contract articles agree with each other (new defects after round 1)', () => {
  it('a customer that keeps title: the launch-campaign waiver leaves the provider’s custody risk before Launch where Article 6 puts it', () => {
    for (const yaml of [example('leo-delivery.yaml'), LAUNCH_ONLY]) {
      const d = build(yaml);
      const risk = d.draft.articles.find((a) => a.clauseId === 'contract-title-risk/standard')!;
      const riskText = risk.blocks.map((b) => b.text).join('\n');
      // The provider's custody begins at integration with the launch vehicle, as the launch campaign article has the customer keep it until then.
      expect(riskText).toMatch(/bears the risk of loss of or damage to the Satellite from its integration with the launch vehicle, when it passes from the custody of \w+ into that of \w+, until Launch/);
      expect(d.instrument).toMatch(new RegExp(`before Launch while it is in the custody of \\w+, which \\w+ bears under Article ${risk.number}, is excluded from this waiver`));
      expect(riskText).toMatch(/; claims between the Parties for such loss or damage are governed by Article \d+\./);
    }
  });
  it('the State of the launch site joins the determination of the State of registry only when it is a third State, named', () => {
    const leo = build(example('leo-delivery.yaml')).instrument;
    expect(leo).not.toMatch(/If the State of the launch site is another State/);
    const abroad = build(LAUNCH_ONLY.replace('siteState: Kingdom of Borduria', 'siteState: French Republic')).instrument;
    expect(abroad).toMatch(/the French Republic, as the State from whose territory the Satellite is launched, is also a launching State, and the Parties shall seek its concurrence in that determination\./);
    const unknown = build(LAUNCH_ONLY.replace(', siteState: Kingdom of Borduria', '')).instrument;
    expect(unknown).toMatch(/If the State of the launch site is another State, the Parties shall seek its concurrence as well\./);
  });
  it('range safety sits with the launch campaign in the scope of work, under the rules of the site operator, not among the export controls', () => {
    for (const yaml of [example('leo-delivery.yaml'), example('comsat-delivery.yaml'), LAUNCH_ONLY]) {
      const d = build(yaml);
      const holding = d.draft.articles.filter((a) => a.blocks.some((b) => /range safety rules/.test(b.text)));
      expect(holding.map((a) => a.clauseId)).toEqual(['contract-scope/standard']);
    }
    expect(build(example('leo-delivery.yaml')).instrument).toMatch(/range safety rules of the Indian Space Research Organisation, as operator of Satish Dhawan Space Centre/);
  });
});

describe('a contract without a launch (a ground segment, data, a satellite delivered on the ground)', () => {
  const SUPPLY = (supplies: string) => `form: contract
parties:
  - { id: a, name: Aldera Space Agency, shortName: ASA, state: Republic of Aldera, type: space-agency, zh: { name: 阿尔德拉航天局, shortName: 阿航局, state: 阿尔德拉共和国 } }
  - { id: b, name: Borduria Systems Limited, shortName: BSL, state: Kingdom of Borduria, type: commercial, zh: { name: 波尔杜里亚系统有限公司, shortName: 波系统公司, state: 波尔杜里亚王国 } }
contract:
  supplier: b
  supplies: [${supplies}]
  price: { amount: 3000000, currency: EUR }
languages: [en, zh]
`;
  const cases = ['ground-segment, training', 'data', 'ground-segment, data'];
  const text = (yaml: string, lang: 'en' | 'zh', clauseId: string) => {
    const { draft } = draftFromTermsText(yaml, 'terms.yaml', builtinLibrary(), { lang });
    if (clauseId === 'preamble') return draft.preamble.join('\n');
    return draft.articles.find((a) => a.clauseId === clauseId)!.blocks.map((b) => b.text).join('\n');
  };

  it('recites what is bought and who supplies it, not a launch the contract does not provide', () => {
    for (const supplies of cases) {
      const en = text(SUPPLY(supplies), 'en', 'preamble');
      expect(en, supplies).not.toMatch(/launch/i);
      expect(en, supplies).toMatch(supplies.includes('ground-segment') ? /ASA wishes to acquire the ground segment/ : /ASA wishes to acquire the data products/);
      expect(en, supplies).toMatch(/\(B\) BSL supplies /);
      const zh = text(SUPPLY(supplies), 'zh', 'preamble');
      expect(zh, supplies).not.toMatch(/发射/);
      expect(zh, supplies).toMatch(supplies.includes('ground-segment') ? /鉴于阿航局希望购置工作说明书所述的地面段/ : /鉴于阿航局希望购置工作说明书所述的数据产品/);
    }
  });

  it('asks the customer for the information and decisions the statement of work assigns it, not to bring a satellite to a launch site', () => {
    for (const supplies of cases) {
      const en = text(SUPPLY(supplies), 'en', 'contract-scope/standard');
      expect(en, supplies).not.toMatch(/launch site|launch schedule/);
      expect(en, supplies).toMatch(/ASA shall provide the information, facilities and decisions that the statement of work assigns to it/);
      const zh = text(SUPPLY(supplies), 'zh', 'contract-scope/standard');
      expect(zh, supplies).not.toMatch(/发射/);
      expect(zh, supplies).toMatch(/阿航局应按照工作说明书规定的日期，提供工作说明书指定由其提供的信息、设施和决定/);
    }
  });
  it('trains the customer to operate on its own after the acceptance the contract has, which is in orbit only for an in-orbit delivery', () => {
    const scope = (yaml: string, lang: 'en' | 'zh') => JSON.stringify(draftFromTermsText(yaml, 'terms.yaml', builtinLibrary(), { lang }).draft.articles.find((a) => a.clauseId === 'contract-scope/standard'));
    for (const supplies of ['ground-segment, training', 'satellite-manufacture, ground-segment, training', 'data, training']) {
      const en = scope(SUPPLY(supplies), 'en');
      expect(en, supplies).not.toMatch(/In-Orbit Acceptance/);
      expect(en, supplies).toMatch(/without assistance after acceptance/);
      const zh = scope(SUPPLY(supplies), 'zh');
      expect(zh, supplies).not.toMatch(/在轨验收/);
      expect(zh, supplies).toMatch(/在完成验收后无需协助/);
    }
  });
});

describe('counsel R18: risks a State-owned party or a launch failure could shift', () => {
  const article = (d: ReturnType<typeof build>, clauseId: string) =>
    d.draft.articles.find((a) => a.clauseId === clauseId)!.blocks.flatMap((b) => [b.text, ...b.items.map((i) => i.text)]).join('\n');
  it.each(CONTRACTS)('%s: its own State\'s acts aimed at the contract are no force majeure for any party (counsel round 2, B-7); this launch\'s failure has its own remedies', (_name, yaml) => {
    const d = build(yaml);
    const fm = article(d, 'contract-force-majeure/standard');
    expect(fm).toContain('A Party may not rely on an act or omission of a public authority of its own State that is directed at this');
    expect(fm).toMatch(/the failure of another launch of the same type of launch vehicle, or the investigation of such a failure, that grounds that type of vehicle\. A Launch Failure of the launch under this \w+ is not an event of force majeure: its remedies are those of Article \d+/);
    expect(article(d, 'contract-export/standard')).toMatch(/A refusal, delay or withdrawal of such a licence or consent excuses the Party that is to obtain it only as Article \d+ allows/);
    // No right to "full compensation" that a cap would have to yield to, and one word for the remedy.
    expect(d.instrument).not.toMatch(/right of a person who suffers damage to full compensation|re-flight/);
    // The exclusion of implied terms in words any governing law reads, not US sales law's "merchantability" (R18-12).
    expect(d.instrument).toContain('replace every other warranty or condition, express or implied, including as to quality or fitness for purpose');
    expect(d.instrument).not.toMatch(/merchantability/);
  });
  it('a contract without a launch says nothing of launch failures in its force majeure', () => {
    const yaml = `form: contract\nparties:\n  - { id: a, name: Aldera Space Agency, shortName: ASA, state: Republic of Aldera, type: space-agency }\n  - { id: b, name: Borduria Systems Limited, shortName: BSL, state: Kingdom of Borduria, type: commercial }\ncontract:\n  supplier: b\n  supplies: [ground-segment]\n`;
    expect(article(build(yaml), 'contract-force-majeure/standard')).not.toMatch(/launch/i);
  });
});
