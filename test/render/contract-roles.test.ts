import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { reviewTermsText } from '../../src/review/index.js';
import { builtinLibrary } from '../helpers/engine.js';
import { ROOT } from '../helpers/run.js';

/**
 * Counsel's batch-b review of the contract drafts (round 19), each finding a kind: the supplier is
 * taken from the facts whatever the party types (B-1); a launch provider that neither builds nor owns
 * the satellite answers for the orbit and its own services, not for the satellite (B-2).
 */
const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Yaml = any;
const variant = (name: string, edit: (d: Yaml) => void) => {
  const d = parse(example(name)) as Yaml;
  edit(d);
  return stringify(d);
};
const draft = (yaml: string) => draftFromTermsText(yaml, 'terms.yaml', builtinLibrary()).draft;
const instrument = (yaml: string) => renderMarkdown(draft(yaml), { notes: false });
const articleText = (yaml: string, clausePrefix: string) => {
  const a = draft(yaml).articles.find((x) => x.clauseId.startsWith(clausePrefix));
  return a ? a.blocks.map((b) => [b.text, ...b.items.map((i) => i.text)].join('\n')).join('\n') : '';
};
const findings = (yaml: string) => reviewTermsText(yaml, 'terms.yaml', builtinLibrary());

/** Counsel's variants: a State body or state-owned launcher and a company customer. */
const LEO_SOE = variant('leo-delivery.yaml', (d) => {
  Object.assign(d.parties[0], { name: 'Savanna Imaging Limited', shortName: 'Savanna', type: 'commercial', legalForm: 'a private company incorporated under the laws of Kenya' });
  Object.assign(d.parties[1], { name: 'Bharat Launch Corporation Limited', shortName: 'BLCL', type: 'state-enterprise', legalForm: 'a government company under the Companies Act 2013' });
});
const LEO_AGENCY = variant('leo-delivery.yaml', (d) => {
  Object.assign(d.parties[0], { name: 'Savanna Imaging Limited', shortName: 'Savanna', type: 'commercial', legalForm: 'a private company incorporated under the laws of Kenya' });
  Object.assign(d.parties[1], { name: 'Indian Launch Agency', shortName: 'ILA', type: 'space-agency', legalForm: 'a department of the Government of India' });
});
const COMSAT_AGENCY = variant('comsat-delivery.yaml', (d) => {
  Object.assign(d.parties[0], { name: 'Andes Telecom S.A.', shortName: 'Andes', type: 'commercial', legalForm: 'a sociedad anónima incorporated under the laws of Bolivia' });
  Object.assign(d.parties[1], { name: 'China Orbital Agency', shortName: 'COA', type: 'space-agency', legalForm: "a State agency of the People's Republic of China" });
});

describe('B-1: the supplier is the party the facts make the supplier, whatever the party types', () => {
  it.each([
    ['an Indian state enterprise launches a Kenyan company’s satellite', LEO_SOE, 'Savanna', 'BLCL', 'Taifa-2 satellite'],
    ['an Indian agency launches a Kenyan company’s satellite', LEO_AGENCY, 'Savanna', 'ILA', 'Taifa-2 satellite'],
    ['a Chinese agency builds and launches a Bolivian company’s satellite', COMSAT_AGENCY, 'Andes', 'COA', 'Illimani-2 satellite'],
  ])('%s: the owner pays, the launcher supplies, the satellite keeps its name', (_what, yaml, customer, supplier, satellite) => {
    const price = articleText(yaml, 'contract-price/');
    expect(price).toMatch(new RegExp(`^${customer} shall pay ${supplier} `));
    expect(articleText(yaml, 'contract-scope/')).toMatch(new RegExp(`^${supplier} shall perform the following Work`));
    expect(articleText(yaml, 'contract-scope/')).toMatch(/the launch of the Satellite from /);
    const md = instrument(yaml);
    expect(md).toContain(`“Satellite” means the ${satellite}`);
    expect(md).not.toMatch(/the \[●\] satellite/);
    // Nothing the facts contradict: no check error or warning about who sells.
    expect(findings(yaml).filter((f) => f.rule.startsWith('contract-supplier')).map((f) => f.message)).toEqual([]);
  });

  it.each([
    ['leo', example('leo-delivery.yaml'), 'ksa'],
    ['leo, agency launcher', LEO_AGENCY, 'ksa'],
    ['comsat', example('comsat-delivery.yaml'), 'abe'],
  ])('%s: a `contract.supplier` that the facts contradict is a check error (the payer launches, or the supplier owns the satellite)', (_n, yaml, owner) => {
    const d = parse(yaml) as Yaml;
    d.contract.supplier = owner;
    const wrong = stringify(d);
    const errors = findings(wrong).filter((f) => f.severity === 'error' && f.rule === 'contract-supplier-contradicts-facts');
    expect(errors.map((f) => f.message).join('\n')).toMatch(/launches the satellite, yet pays/);
    expect(errors.map((f) => f.message).join('\n')).toMatch(/owns the .* satellite, yet is the supplier/);
    expect(errors.every((f) => f.where === 'contract.supplier')).toBe(true);
  });

  it.each([
    ['a space agency and a company', 'space-agency', 'commercial'],
    ['two companies', 'commercial', 'commercial'],
    ['a state enterprise and a company', 'state-enterprise', 'commercial'],
  ])('%s, a price and no fact saying who sells: the check says so instead of guessing from party types', (_n, a, b) => {
    const yaml = `form: contract\nparties:\n  - { id: alpha, name: Alpha Body, shortName: ALPHA, state: Republic of Aldera, type: ${a} }\n  - { id: beta, name: Beta Body, shortName: BETA, state: Kingdom of Borduria, type: ${b} }\ncontract:\n  price: { amount: 1000000, currency: EUR }\n`;
    const unstated = findings(yaml).filter((f) => f.rule === 'contract-supplier-unstated');
    expect(unstated).toHaveLength(1);
    expect(unstated[0]!.message).toMatch(/do not say which party supplies/);
    expect(unstated[0]!.where).toBe('contract.supplier');
    // Stating it settles it.
    const stated = yaml.replace('contract:\n', 'contract:\n  supplier: alpha\n');
    expect(findings(stated).filter((f) => f.rule.startsWith('contract-supplier'))).toEqual([]);
    expect(articleText(stated, 'contract-price/')).toMatch(/^BETA shall pay ALPHA /);
  });

  it('a launch one way and a build the other way conflict: the check gives an error, not a silent choice', () => {
    const yaml = variant('leo-delivery.yaml', (d) => {
      d.cooperation.spaceObjects.push({ name: 'Ganga ground station', ownedBy: ['aryavarta'], builtBy: 'ksa' });
    });
    const errors = findings(yaml).filter((f) => f.rule === 'contract-supplier-unstated' || f.rule === 'contract-supplier-contradicts-facts');
    expect(errors.map((f) => f.message).join('\n')).toMatch(/facts point both ways/);
    expect(errors.some((f) => f.severity === 'error')).toBe(true);
  });
});

/** A launch provider delivering in orbit a satellite it neither builds nor owns: the LEO example and counsel's State-launcher variants. */
const LAUNCHER_DELIVERS = [
  ['leo (a company launches an agency’s satellite)', example('leo-delivery.yaml'), 'Aryavarta', 'KSA'],
  ['leo, a state enterprise launches a company’s satellite', LEO_SOE, 'BLCL', 'Savanna'],
  ['leo, an agency launches a company’s satellite', LEO_AGENCY, 'ILA', 'Savanna'],
] as const;

describe('B-2: a launch provider that does not build the satellite answers for the orbit and its own services, not for the satellite', () => {
  it.each(LAUNCHER_DELIVERS)('%s: acceptance tests the injection and the commissioning services only; the satellite’s shortfall is the customer’s risk', (_n, yaml, supplier, customer) => {
    const acceptance = articleText(yaml, 'contract-acceptance/');
    expect(acceptance).not.toMatch(/acceptance tests of the Satellite/);
    expect(acceptance).not.toMatch(/If the Satellite does not meet the acceptance criteria/);
    // Launch success: injection within the accuracy of the interface control document, from the Launch Telemetry.
    expect(acceptance).toMatch(/The launch is a success when Separation occurs in the orbit defined in the interface control document, within the injection accuracy stated there, as the Launch Telemetry shows/);
    // Only the orbit and the supplier's own services are tested.
    expect(acceptance).toMatch(new RegExp(`In-Orbit Acceptance tests only the orbit and the services of ${supplier}`));
    expect(acceptance).toMatch(/platform and payload of the Satellite is not an acceptance criterion/);
    expect(acceptance).toMatch(new RegExp(`a shortfall or failure of the Satellite is at the risk of ${customer}, unless it was caused by a launch environment beyond the limits of the interface control document or by an error of ${supplier} in performing the commissioning services`));
    expect(acceptance).toMatch(/independent expert/);
    // Handover: the earliest of completion, a fixed number of days after Separation, or the customer's request.
    expect(acceptance).toMatch(new RegExp(`${supplier} shall hand over control of the Satellite to ${customer}[^.]*at the earliest of`));
    expect(acceptance).toMatch(/completion of the commissioning services/);
    expect(acceptance).toMatch(/forty-five \(45\) days after Separation/);
    expect(acceptance).toMatch(new RegExp(`the date that ${customer} requests by written notice`));
    // No price reduction for the satellite's performance or lifetime.
    expect(acceptance).not.toMatch(/reduction of the Contract Price/);
    expect(instrument(yaml)).not.toMatch(/reduced performance or lifetime of the Satellite/);
  });

  it.each(LAUNCHER_DELIVERS)('%s: Launch Failure is a failure attributable to the launch vehicle, not the satellite failing on its own', (_n, yaml) => {
    const md = instrument(yaml);
    expect(md).toMatch(/“Launch Failure” means, after Launch, a failure attributable to the launch vehicle/);
    expect(md).toMatch(/not a failure of the Satellite itself that the launch vehicle did not cause/);
    expect(md).not.toMatch(/the destruction of the launch vehicle or of the Satellite/);
  });

  it.each(LAUNCHER_DELIVERS)('%s: the schedule, the scope, the cap and the definition follow: no deadline or replacement hangs on the satellite', (_n, yaml, supplier) => {
    const md = instrument(yaml);
    expect(md).not.toMatch(/deliver the Satellite in orbit, with In-Orbit Acceptance achieved/);
    expect(articleText(yaml, 'contract-schedule/')).toMatch(new RegExp(`${supplier} shall complete the commissioning services and hand over control of the Satellite no later than 31 August 2028`));
    expect(articleText(yaml, 'contract-scope/')).toMatch(/the commissioning services under Article \d+: the early-orbit operations and the in-orbit test sequence/);
    expect(articleText(yaml, 'contract-liability/')).toMatch(/\(c\) the refund of payments received, and the replacement of the launch, under/);
    expect(md).toMatch(/“In-Orbit Acceptance” means the acceptance of the in-orbit delivery services, which occurs at the handover of control of the Satellite/);
  });

  it.each([
    ['comsat (the supplier builds and delivers in orbit)', example('comsat-delivery.yaml')],
    ['comsat, an agency builds for a company', COMSAT_AGENCY],
  ])('%s: in-orbit acceptance of the satellite itself stays, with its price reduction', (_n, yaml) => {
    const acceptance = articleText(yaml, 'contract-acceptance/');
    expect(acceptance).toMatch(/perform the in-orbit acceptance tests of the Satellite/);
    expect(acceptance).toMatch(/an equitable reduction of the Contract Price reflecting the reduced performance or lifetime of the Satellite/);
    expect(instrument(yaml)).toMatch(/“Launch Failure” means, after Launch, the destruction of the launch vehicle or of the Satellite/);
    expect(articleText(yaml, 'contract-liability/')).toMatch(/\(c\) the refund of payments received, and the replacement of the Satellite or of the launch, under/);
  });

  it.each([
    ['leo with criteria on the platform and imager', variant('leo-delivery.yaml', (d) => { d.contract.acceptance.criteria = 'the Satellite is in the orbit defined in the interface control document and its platform and imager pass the functional tests of the in-orbit test plan'; })],
    ['a state enterprise launcher, criteria on payload performance', variant('leo-delivery.yaml', (d) => { Object.assign(d.parties[1], { type: 'state-enterprise' }); d.contract.acceptance.criteria = 'the payload meets its radiometric performance specifications'; })],
  ])('%s: check warns that the acceptance criteria test a satellite the supplier does not build', (_n, yaml) => {
    const hits = findings(yaml).filter((f) => f.rule === 'acceptance-tests-customer-satellite');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.where).toBe('contract.acceptance.criteria');
    expect(hits[0]!.severity).toBe('warning');
  });

  it('the criteria of the LEO example and of the comsat example (a satellite the supplier builds) draw no such warning', () => {
    for (const name of ['leo-delivery.yaml', 'comsat-delivery.yaml']) expect(findings(example(name)).filter((f) => f.rule === 'acceptance-tests-customer-satellite')).toEqual([]);
  });
});

describe('B-2: the launch phase ends at the handover', () => {
  it.each(LAUNCHER_DELIVERS)('%s: In-Orbit Acceptance occurs at the handover, so the operation and the launch-phase indemnity end there', (_n, yaml, supplier) => {
    const acceptance = articleText(yaml, 'contract-acceptance/');
    expect(acceptance).toMatch(new RegExp(`In-Orbit Acceptance occurs at the handover, and the operation of the Satellite by ${supplier}, and its responsibility for operating it, end there`));
    expect(acceptance).not.toMatch(/deemed/);
    // A Launch Failure does not leave the supplier operating, and indemnifying for, the Satellite for ever (final reading, N-1).
    expect(acceptance).toMatch(/After a Launch Failure there is no In-Orbit Acceptance: that operation and responsibility end at the handover, or when the Satellite is lost if it cannot be handed over/);
    expect(acceptance).not.toMatch(/Unless a Launch Failure has occurred/);
    expect(articleText(yaml, 'contract-liability/')).toMatch(/from Launch until In-Orbit Acceptance or, where a Launch Failure prevents it, until the handover of control of the Satellite or its loss\./);
  });
});

/** v2: the LEO launch without in-orbit delivery. */
const LEO_LAUNCH_ONLY = variant('leo-delivery.yaml', (d) => {
  d.cooperation.areas = ['launch-services', 'earth-observation'];
  d.contract.payments[3].milestone = 'Separation';
  delete d.contract.payments[3].zh;
  delete d.contract.acceptance;
});

describe('B-8: delay remedies run from the notified launch period, are excused only by the customer or force majeure, and cover late delivery in orbit', () => {
  it.each([
    ['leo (launch and in-orbit delivery)', example('leo-delivery.yaml'), 'Aryavarta', 'KSA'],
    ['comsat (built, launched and delivered in orbit)', example('comsat-delivery.yaml'), 'COIC', 'ABE'],
    ['leo launch only', LEO_LAUNCH_ONLY, 'Aryavarta', 'KSA'],
  ])('%s: a late launch is counted from the end of the notified launch period plus a grace period, not from the end of the window', (_n, yaml, supplier, customer) => {
    const schedule = articleText(yaml, 'contract-schedule/');
    expect(schedule).not.toMatch(/by the last day of the Launch Window for a reason attributable to/);
    expect(schedule).toMatch(/If the Launch has not taken place by the last day of the launch period notified under paragraph 1 \(or, until one is notified, of the Launch Window\), extended by a grace period of \[●\] days/);
    expect(schedule).toMatch(new RegExp(`unless and to the extent that the delay is caused by ${customer}, including by a postponement under paragraph 2, or by an event of force majeure under Article \\d+`));
    expect(schedule).not.toMatch(new RegExp(`attributable to ${supplier}`));
  });

  it.each([
    ['leo', example('leo-delivery.yaml'), 'control of the Satellite is not handed over'],
    ['comsat', example('comsat-delivery.yaml'), 'In-Orbit Acceptance is not achieved'],
  ])('%s: late delivery in orbit has its own liquidated damages, not cumulated with those for a late launch', (_n, yaml, event) => {
    const schedule = articleText(yaml, 'contract-schedule/');
    expect(schedule).toMatch(new RegExp(`If ${event} by that date, as so extended, \\w+ shall pay \\w+, as liquidated damages and not as a penalty, \\[●\\] per cent of the Contract Price for each full week of delay`));
    expect(schedule).toMatch(/no such damages are payable for a week for which liquidated damages for a late Launch are payable/);
    expect(schedule).toMatch(/The liquidated damages under this Article are the sole financial remedy of \w+ for the delays they cover/);
    const notes = renderMarkdown(draft(yaml));
    expect(notes).toMatch(/Liquidated damages for late delivery in orbit/);
    expect(notes).toMatch(/Grace period after the launch period/);
  });

  it('a launch only has no in-orbit delivery line', () => {
    expect(articleText(LEO_LAUNCH_ONLY, 'contract-schedule/')).not.toMatch(/late delivery in orbit|handed over/);
  });
});
