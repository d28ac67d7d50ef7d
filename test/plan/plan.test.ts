import { describe, expect, it } from 'vitest';
import { planDraft } from '../../src/plan/plan.js';
import { parseTerms } from '../../src/terms/parse.js';
import { resolveTerms } from '../../src/terms/resolve.js';
import { MINIMAL } from '../helpers/engine.js';

const plan = (extra: string, form = 'agreement') => planDraft(resolveTerms(parseTerms(MINIMAL.replace('form: agreement', `form: ${form}`) + extra, 't.yaml').terms));
const choice = (p: ReturnType<typeof plan>, topic: string) => p.choices.find((c) => c.topic === topic)!;

describe('planDraft', () => {
  it('puts the articles in the usual order, with all four Section 4.4 topics', () => {
    const topics = plan('').articles.map((a) => a.topic);
    expect(topics).toEqual(expect.arrayContaining(['jurisdiction', 'ip', 'liability', 'disputes']));
    expect(topics.indexOf('jurisdiction')).toBeLessThan(topics.indexOf('ip'));
    expect(topics.indexOf('ip')).toBeLessThan(topics.indexOf('liability'));
    expect(topics.indexOf('liability')).toBeLessThan(topics.indexOf('disputes'));
    expect(topics.at(-1)).toBe('final');
  });

  it.each([
    ['a launch by one party of an object both own', 'cooperation:\n  launch: { launchingParty: a }\n  spaceObjects: [{ name: Sat, ownedBy: [a, b] }]\n', 'jurisdiction', 'launching-party', /Art. II\(2\)/],
    ['an in-orbit delivery', 'cooperation:\n  areas: [in-orbit-delivery]\n  launch: { launchingParty: a }\n  spaceObjects: [{ name: Sat, ownedBy: [b] }]\n', 'jurisdiction', 'designated-party', /customer/],
    ['no launch', '', 'jurisdiction', 'each-registers-own', /No object is launched jointly/],
    ['a jointly owned object', 'cooperation:\n  spaceObjects: [{ name: Sat, ownedBy: [a, b] }]\n', 'ip', 'joint', /together/],
    ['a launch', 'cooperation:\n  launch: { launchingParty: a }\n', 'liability', 'cross-waiver', /IGA Art. 16/],
    ['a ground facility', 'cooperation:\n  areas: [ground-stations]\n  facilities: [{ name: Station, host: a, operator: b }]\n', 'liability', 'fault-based', /own fault/],
    ['science with no launch', 'cooperation:\n  areas: [space-science]\n', 'liability', 'convention-only', /Liability Convention/],
  ])('recommends from the facts: %s', (_name, extra, topic, variant, reason) => {
    const c = choice(plan(extra), topic);
    expect(c).toMatchObject({ variant, chosenBy: 'recommended' });
    expect(c.reason).toMatch(reason);
  });

  it('keeps the variant the terms file chose, and says what the facts would suggest', () => {
    const c = choice(plan('liability:\n  regime: fault-based\ncooperation:\n  launch: { launchingParty: a }\n'), 'liability');
    expect(c).toMatchObject({ variant: 'fault-based', chosenBy: 'terms' });
    expect(c.reason).toContain('would suggest `cross-waiver`');
  });

  it('falls back to non-binding variants in a memorandum of understanding, and says so', () => {
    const p = plan('liability:\n  regime: cross-waiver\ndisputes:\n  steps: [consultation, arbitration]\n', 'memorandum-of-understanding');
    expect(choice(p, 'liability')).toMatchObject({ variant: 'convention-only', fallbackFrom: 'cross-waiver' });
    expect(choice(p, 'disputes')).toMatchObject({ variant: 'consultation', fallbackFrom: 'arbitration' });
    expect(choice(p, 'liability').reason).toContain('cannot carry `cross-waiver`');
  });

  it('gives subordinate instruments an order-of-precedence clause', () => {
    expect(plan('', 'protocol').articles.map((a) => a.clauseId)).toContain('arrangements/precedence');
    expect(plan('', 'framework-agreement').articles.map((a) => a.clauseId)).toContain('arrangements/implementing');
  });

  it('includes export control and personnel articles only when the terms call for them', () => {
    const ids = (p: ReturnType<typeof plan>) => p.articles.map((a) => a.topic);
    expect(ids(plan(''))).not.toContain('export-control');
    expect(ids(plan('cooperation:\n  exportControlled: true\n  personnelExchange: true\n'))).toEqual(expect.arrayContaining(['export-control', 'personnel']));
  });
});
