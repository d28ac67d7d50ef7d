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
