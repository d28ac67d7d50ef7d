import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { builtinLibrary } from '../helpers/engine.js';
import { ROOT } from '../helpers/run.js';

/**
 * Counsel round 2 (contracts, and the contract part of A-1): the liability cap, the cross-waiver, the
 * insurance and the arbitration agreement of launch and satellite contracts, each a kind checked on
 * both contract examples and on variants of the party types and of the deal.
 */
const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');
const LEO = example('leo-delivery.yaml').replace('languages: [en]', 'languages: [en, zh]');
const COMSAT = example('comsat-delivery.yaml');

/** The Government of Kenya buys the launch itself: the customer is the State's Government. */
const LEO_GOVERNMENT = LEO.replace(
  'name: Kenya Space Agency\n    shortName: KSA\n    state: Republic of Kenya\n    type: space-agency\n    legalForm: a state corporation established under the laws of the Republic of Kenya',
  'name: Government of the Republic of Kenya\n    shortName: GoK\n    state: Republic of Kenya\n    type: government\n    legalForm: the Government of the Republic of Kenya, acting through the Ministry of Defence',
);
/** A launch only: no in-orbit delivery, the launch services end at Separation. */
const LEO_LAUNCH_ONLY = LEO.replace('areas: [launch-services, in-orbit-delivery, earth-observation]', 'areas: [launch-services, earth-observation]').replace(
  '{ milestone: In-Orbit Acceptance, percent: 20, zh: { milestone: 在轨验收 } }',
  '{ milestone: Separation, percent: 20, zh: { milestone: 星箭分离 } }',
);
/** The customer takes the risk of its satellite from Launch and must insure it. */
const COMSAT_RISK_AT_LAUNCH = COMSAT.replace('liabilityCap: { amount: 60000000 }', 'liabilityCap: { amount: 60000000 }\n  titleAndRisk: launch').replace(
  'thirdPartyAmount: { amount: 100000000 }',
  'thirdPartyAmount: { amount: 100000000 }\n    launchInsurance: true',
);

const LAUNCH_CONTRACTS: [string, string, { customer: string; state: string }][] = [
  ['leo', LEO, { customer: 'KSA', state: 'the Republic of Kenya' }],
  ['comsat', COMSAT, { customer: 'ABE', state: 'the Plurinational State of Bolivia' }],
  ['leo, a Government customer', LEO_GOVERNMENT, { customer: 'GoK', state: 'the Republic of Kenya' }],
  ['leo, launch only', LEO_LAUNCH_ONLY, { customer: 'KSA', state: 'the Republic of Kenya' }],
  ['comsat, risk from Launch', COMSAT_RISK_AT_LAUNCH, { customer: 'ABE', state: 'the Plurinational State of Bolivia' }],
];

const GROUND = `form: contract
parties:
  - { id: a, name: Aldera Space Agency, shortName: ASA, state: Republic of Aldera, type: space-agency, zh: { name: 阿尔德拉航天局, shortName: 阿航局, state: 阿尔德拉共和国 } }
  - { id: b, name: Borduria Systems Limited, shortName: BSL, state: Kingdom of Borduria, type: commercial, zh: { name: 波尔杜里亚系统有限公司, shortName: 波系统公司, state: 波尔杜里亚王国 } }
contract:
  supplier: b
  supplies: [ground-segment, training]
  price: { amount: 3000000, currency: EUR }
  liabilityCap: { amount: 1500000 }
languages: [en, zh]
`;

const article = (yaml: string, clausePrefix: string, lang: 'en' | 'zh' = 'en') => {
  const { draft } = draftFromTermsText(yaml, 'terms.yaml', builtinLibrary(), { lang });
  const a = draft.articles.find((x) => x.clauseId.startsWith(clausePrefix));
  if (!a) throw new Error(`no ${clausePrefix} article`);
  return { number: a.number, text: a.blocks.map((b) => b.text).join('\n'), all: draft.articles };
};
const num = (yaml: string, clausePrefix: string) => article(yaml, clausePrefix).number;

describe('B-3: the liability cap limits damages, never the price or the other sums due', () => {
  it.each(LAUNCH_CONTRACTS)('%s', (_n, yaml) => {
    const { text } = article(yaml, 'contract-liability/');
    const price = num(yaml, 'contract-price/');
    const termination = num(yaml, 'contract-termination/');
    const schedule = num(yaml, 'contract-schedule/');
    // The old wording listed the supplier's refund debts as the only carve-outs, so by contrast the price was capped.
    expect(text).not.toMatch(/Except for the indemnities in paragraphs/);
    expect(text).toMatch(/for damages[^.]*shall not exceed (USD|EUR) [\d,]+\. That limit applies to damages only/);
    expect(text).toMatch(new RegExp(`does not apply to, and is not reduced by: \\(a\\) the Contract Price and every other amount payable under Article ${price}, with interest on any late payment; \\(b\\) the termination charges under Article ${termination}; \\(c\\) the refund of payments received`));
    expect(text).toMatch(new RegExp(`Liquidated damages for delay under Article ${schedule} count toward that limit`));
    expect(text).toMatch(/The indemnity for claims by third parties in paragraph \d+ is limited only as that paragraph states, to the amount of the third-party liability insurance, and neither counts toward nor reduces the limit in this paragraph/);
    // The exclusion of consequential loss does not reach the price or the charges either.
    expect(text).toMatch(/for loss of revenue, profit or use[^.]*\. That exclusion does not apply to the amounts in points \(a\) to \(c\)/);
  });

  it('a contract without a launch (a ground segment) is capped the same way', () => {
    const { text } = article(GROUND, 'contract-liability/');
    expect(text).toMatch(/That limit applies to damages only/);
    expect(text).toMatch(new RegExp(`\\(a\\) the Contract Price and every other amount payable under Article ${num(GROUND, 'contract-price/')}, with interest on any late payment; \\(b\\) the termination charges under Article ${num(GROUND, 'contract-termination/')}`));
  });

  it.each([
    ['leo', LEO],
    ['comsat', COMSAT],
    ['ground', GROUND],
  ])('%s: the Chinese text excludes the same sums from the cap', (_n, yaml) => {
    const { text } = article(yaml, 'contract-liability/', 'zh');
    expect(text).toMatch(/该限额仅适用于损害赔偿/);
    expect(text).toMatch(/合同价格以及依照第[一二三四五六七八九十]+条应付的其他一切款项及其逾期付款利息/);
    expect(text).toMatch(/终止费/);
  });
});

describe('B-4: knock-for-knock for employees, the customer’s State covered, subrogation waived, co-passengers bound', () => {
  it.each(LAUNCH_CONTRACTS)('%s: each party bears the injury or death of its own employees; no carve-out from the agency model', (_n, yaml) => {
    const { text } = article(yaml, 'contract-liability/');
    expect(text).not.toMatch(/The waiver does not apply to claims for bodily injury or death/);
    expect(text).toMatch(/Each Party bears the bodily injury or death of its own employees and of the employees of its contractors and subcontractors at any tier[^.]*whoever caused it/);
    expect(text).toMatch(/indemnify the other Party and its contractors and subcontractors against any claim for such injury or death brought by or on behalf of those employees/);
  });

  it.each(LAUNCH_CONTRACTS)('%s: the launch-phase indemnity and the additional insureds include the customer’s State where it procured the launch', (_n, yaml, who) => {
    const liability = article(yaml, 'contract-liability/').text;
    const insurance = article(yaml, 'contract-insurance/').text;
    const ifLaunching = `to the extent that ${who.state} is a launching State of the Satellite because ${who.customer} procured its launch`;
    expect(liability).toMatch(new RegExp(`indemnify and hold harmless ${who.customer}, its contractors and subcontractors, and ${who.state} and its agencies ${ifLaunching}, against claims by third parties`));
    expect(insurance).toMatch(new RegExp(`${who.customer} and its contractors, and ${who.state} and its agencies ${ifLaunching}, shall be named as additional insureds, within the insured amount`));
  });

  it.each(LAUNCH_CONTRACTS)('%s: the insurers of both sides, the customer’s launch insurers included, waive subrogation for the waived claims', (_n, yaml) => {
    const insurance = article(yaml, 'contract-insurance/').text;
    const liability = num(yaml, 'contract-liability/');
    expect(insurance).toMatch(new RegExp(`Each Party shall ensure that every policy it obtains under this Article or otherwise against loss of or damage to the Satellite, the launch vehicle or its other property involved in the launch campaign, including any launch and early-orbit or in-orbit insurance of the Satellite, excludes the insurers' rights of subrogation against the other Party and its contractors and subcontractors at any tier for the claims waived under Article ${liability}`));
  });

  it.each(LAUNCH_CONTRACTS)('%s: the provider binds the other customers on the same launch to the waiver', (_n, yaml, who) => {
    const { text } = article(yaml, 'contract-liability/');
    expect(text).toMatch(new RegExp(`If the launch vehicle carries, or may carry, a payload of another customer of \\w+, \\w+ shall obtain from each such customer before Launch a waiver of its claims against ${who.customer} and its contractors and subcontractors in terms equivalent to paragraphs 1 and 2`));
    expect(text).toMatch(new RegExp(`${who.customer} waives its own claims against each such customer in the same terms`));
  });

  it.each([
    ['leo', LEO],
    ['comsat', COMSAT],
  ])('%s: the Chinese text says the same', (_n, yaml) => {
    const liability = article(yaml, 'contract-liability/', 'zh').text;
    const insurance = article(yaml, 'contract-insurance/', 'zh').text;
    expect(liability).not.toMatch(/自然人人身伤害或死亡的索赔/);
    expect(liability).toMatch(/各方自行承担其本方雇员以及其各级承包商和分包商的雇员在履行本(合同|协议)过程中遭受的人身伤害或死亡，无论由何人造成/);
    expect(liability).toMatch(/同一次发射/);
    expect(liability).toMatch(/作为发射国/);
    expect(insurance).toMatch(/发射和早期轨道阶段保险或者在轨保险[^。]*保险人放弃就依照第[一二三四五六七八九十]+条已放弃的索赔对另一方及其各级承包商和分包商行使代位求偿权/);
    expect(insurance).toMatch(/附加被保险人/);
  });
});

describe('A-1 (contract part): the launch vehicle and its stages are covered after the satellite’s indemnity ends', () => {
  it.each(LAUNCH_CONTRACTS)('%s', (_n, yaml) => {
    const liability = article(yaml, 'contract-liability/').text;
    const insurance = article(yaml, 'contract-insurance/');
    const satelliteEnd = /launch only/.test(_n) ? 'Separation' : 'In-Orbit Acceptance';
    // The old wording ended the indemnity for the launch vehicle and its stages at In-Orbit Acceptance or Separation.
    expect(liability).not.toMatch(/from Launch until (In-Orbit Acceptance|Separation), by the launch vehicle and its stages/);
    expect(liability).toMatch(new RegExp(`\\(a\\) by the launch vehicle, any of its stages or their debris, from Launch until the end of the period for which Article ${insurance.number} requires the third-party liability insurance to be maintained; and \\(b\\) by the Satellite, from Launch until ${satelliteEnd}`));
    expect(insurance.text).toMatch(new RegExp(`caused by the launch vehicle, any of its stages or their debris throughout that period, and by the Satellite from Launch until ${satelliteEnd}`));
  });
});

describe('B-13: the notices and the general provisions (severability, language) survive with the disputes they serve', () => {
  it.each([...LAUNCH_CONTRACTS.map(([n, y]) => [n, y] as [string, string]), ['ground', GROUND] as [string, string]])('%s', (_n, yaml) => {
    const { text } = article(yaml, 'contract-termination/');
    const survivors = /Termination does not affect rights accrued before it\. Articles ([\d, and]+) and this Article[^.]*continue to apply after termination or expiry/.exec(text);
    expect(survivors).not.toBeNull();
    const listed = survivors![1]!.split(/, | and /).map(Number);
    for (const clause of ['contract-disputes/', 'contract-law/', 'contract-notices/', 'contract-general/']) expect(listed, clause).toContain(num(yaml, clause));
    const zh = article(yaml, 'contract-termination/', 'zh').text;
    // The Chinese twin lists as many articles.
    const zhList = /终止不影响终止前已产生的权利。(.*?)以及本条的规定/.exec(zh)![1]!;
    expect(zhList.match(/第[一二三四五六七八九十]+条/g)!.length).toBe(listed.length);
  });
});

describe('B-7: force majeure and export licences treat every party alike, State-owned or not', () => {
  const CASES: [string, string][] = [...LAUNCH_CONTRACTS.map(([n, y]) => [n, y] as [string, string]), ['ground', GROUND]];
  it.each(CASES)('%s: a measure of general application excuses every party; its own State’s act aimed at the contract excuses none', (_n, yaml) => {
    const fm = article(yaml, 'contract-force-majeure/').text;
    // The old wording denied a State-owned party even a general change in its own State's law, and let a private party invoke any act of its State.
    expect(fm).not.toMatch(/other than, for a Party that is a public body or is owned or controlled by a State/);
    expect(fm).toMatch(/a law, regulation, embargo or other measure of general application that a public authority of any State, the State of a Party included, adopts after the Effective Date/);
    expect(fm).toMatch(/A Party may not rely on an act or omission of a public authority of its own State that is directed at this \w+ or at that Party's performance of it, nor on the refusal, delay or withdrawal of a licence or authorisation that it is to obtain under this \w+, unless that refusal, delay or withdrawal results from a measure of general application\. Its failure to perform is then treated as its own failure/);
  });

  it.each(CASES)('%s: each party obtains the licences and re-export consents that any applicable law requires; no State-party exception', (_n, yaml) => {
    const exp = article(yaml, 'contract-export/').text;
    const fmNo = num(yaml, 'contract-force-majeure/');
    expect(exp).not.toMatch(/which that Party bears/);
    expect(exp).toMatch(/the export and import licences, re-export consents and other authorisations that any applicable law requires for the Work, including the consent of a third State to the re-export of goods or technical data that originate there/);
    expect(exp).toMatch(new RegExp(`A refusal, delay or withdrawal of such a licence or consent excuses the Party that is to obtain it only as Article ${fmNo} allows`));
    expect(exp).toMatch(/in breach of any export control laws that apply to it/);
    expect(exp).toMatch(/the licences and re-export consents that the transfer requires under any applicable law/);
  });

  it.each([
    ['leo', LEO],
    ['comsat', COMSAT],
    ['ground', GROUND],
  ])('%s: the Chinese text says the same', (_n, yaml) => {
    const fm = article(yaml, 'contract-force-majeure/', 'zh').text;
    const exp = article(yaml, 'contract-export/', 'zh').text;
    expect(fm).not.toMatch(/一方为公共机构或者由国家拥有或控制的/);
    expect(fm).toMatch(/普遍适用的措施/);
    expect(fm).toMatch(/针对本(合同|协议)或者针对该方履行本(合同|协议)/);
    expect(exp).not.toMatch(/由该方承担/);
    expect(exp).toMatch(/任何适用法律/);
    expect(exp).toMatch(/再出口/);
  });
});
