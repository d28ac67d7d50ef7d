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
    ['nothing in orbit', '', 'jurisdiction', 'no-space-object', /Nothing is launched or operated in space/],
    ['an object of one party, launched by neither', 'cooperation:\n  spaceObjects: [{ name: Sat, ownedBy: [b] }]\n', 'jurisdiction', 'each-registers-own', /No object is launched jointly/],
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

  it.each([
    ['a launch', 'cooperation:\n  launch: { launchingParty: a }\n', ['launch'], ['facilities', 'crew', 'frequencies', 'debris']],
    ['an in-orbit delivery without launch details', 'cooperation:\n  areas: [in-orbit-delivery]\n', ['launch'], ['crew']],
    ['a station on the partner\'s territory', 'cooperation:\n  facilities: [{ name: Station, host: b, operator: a }]\n', ['facilities'], ['launch']],
    ['human spaceflight', 'cooperation:\n  areas: [human-spaceflight]\n', ['crew'], ['facilities']],
    ['navigation', 'cooperation:\n  areas: [navigation]\n', ['frequencies', 'service-terms'], ['debris']],
    ['communications', 'cooperation:\n  areas: [communications]\n', ['frequencies'], ['debris']],
    ['space debris', 'cooperation:\n  areas: [space-debris]\n', ['debris'], ['frequencies']],
    ['Mars data analysis (nothing operated in space)', 'cooperation:\n  areas: [mars-exploration]\n', ['export-control'], ['launch', 'debris']],
    ['a Mars orbiter', 'cooperation:\n  areas: [mars-exploration]\n  spaceObjects: [{ name: Orbiter, ownedBy: [a] }]\n', ['debris', 'export-control'], ['launch']],
    ['training and education', 'cooperation:\n  areas: [training-and-education]\n', ['training'], ['debris', 'export-control', 'service-terms']],
    ['earth observation alone', 'cooperation:\n  areas: [earth-observation]\n', [], ['launch', 'facilities', 'crew', 'frequencies', 'debris']],
  ])('adds the area-specific articles the facts call for: %s', (_name, extra, present, absent) => {
    const topics = plan(extra).articles.map((a) => a.topic);
    for (const t of present) expect(topics).toContain(t);
    for (const t of absent) expect(topics).not.toContain(t);
  });

  it('keeps the usual order around the area-specific articles', () => {
    const topics = plan('cooperation:\n  areas: [human-spaceflight, navigation, space-debris]\n  launch: { launchingParty: a }\n  facilities: [{ name: Station, host: b, operator: a }]\n').articles.map((a) => a.topic);
    expect(topics.slice(topics.indexOf('customs'), topics.indexOf('ownership') + 1)).toEqual(['customs', 'facilities', 'launch', 'jurisdiction', 'crew', 'ownership']);
    expect(topics.slice(topics.indexOf('release'), topics.indexOf('liability') + 1)).toEqual(['release', 'frequencies', 'service-terms', 'debris', 'liability']);
  });

  it('recommends IP by element when one party launches the other\'s satellite', () => {
    const c = choice(plan('cooperation:\n  areas: [in-orbit-delivery]\n  launch: { launchingParty: a }\n  spaceObjects: [{ name: Sat, ownedBy: [b] }]\n'), 'ip');
    expect(c).toMatchObject({ variant: 'allocated-by-element', chosenBy: 'recommended' });
  });

  it('uses mediation as the dispute article when the steps end in mediation, and consultation in a memorandum', () => {
    expect(choice(plan('disputes:\n  steps: [consultation, mediation]\n'), 'disputes')).toMatchObject({ variant: 'mediation' });
    expect(choice(plan('disputes:\n  steps: [consultation, mediation]\n', 'memorandum-of-understanding'), 'disputes')).toMatchObject({ variant: 'consultation', fallbackFrom: 'mediation' });
  });
});

describe('the registration recommendation names the launching States as a sentence does', () => {
  it.each([
    ["People's Republic of China", 'Federative Republic of Brazil', "the People's Republic of China and the Federative Republic of Brazil are launching States"],
    ['Republic of Kenya', 'India', 'the Republic of Kenya and India are launching States'],
  ])('%s, %s', async (a, b, says) => {
    const { recommendJurisdiction } = await import('../../src/plan/recommend.js');
    const { resolveTerms } = await import('../../src/terms/resolve.js');
    const t = resolveTerms({
      form: 'agreement',
      parties: [
        { id: 'a', name: 'Agency A', state: a, type: 'space-agency' },
        { id: 'b', name: 'Agency B', state: b, type: 'space-agency' },
      ],
      cooperation: { launch: { launchingParty: 'a', procuredBy: ['a', 'b'], site: 'Site A', siteState: a }, spaceObjects: [{ name: 'Sat', ownedBy: ['a', 'b'] }] },
    } as never);
    expect(recommendJurisdiction(t).reason).toContain(says);
  });
});
