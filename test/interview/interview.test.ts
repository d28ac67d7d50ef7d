import { basename, join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/export/markdown.js';
import { draftFromTermsText } from '../../src/engine.js';
import { allQuestions, InterviewCancelled, renderTermsYaml, runInterview } from '../../src/interview/index.js';
import { schemaAt, validatorFor } from '../../src/interview/fields.js';
import { resolveTerms } from '../../src/terms/resolve.js';
import { parseTerms } from '../../src/terms/parse.js';
import { AREAS, type Terms } from '../../src/terms/schema.js';
import { builtinLibrary, MINIMAL } from '../helpers/engine.js';
import { EXAMPLES, read, ROOT } from '../helpers/run.js';
import { CTRL_C, DEFAULT, scripted, tries } from './fake.js';
import { FRESH_SCRIPTS } from './scripts.js';

const library = builtinLibrary();
const draftOf = (text: string) => renderMarkdown(draftFromTermsText(text, 'agreement.yaml', library).draft, { notes: true });
/** Resolved terms as plain data (functions and the raw source left out). */
const resolvedOf = (terms: Terms) => JSON.parse(JSON.stringify({ ...resolveTerms(terms), source: undefined }));
/** The checkbox lists areas in the schema's order; an example may list them in another. */
const areasInSchemaOrder = (terms: Terms): Terms => {
  const areas = terms.cooperation?.areas;
  if (!areas) return terms;
  const order = Object.keys(AREAS);
  return { ...terms, cooperation: { ...terms.cooperation, areas: [...areas].sort((a, b) => order.indexOf(a) - order.indexOf(b)) } };
};

/** The terms without their `zh` blocks. */
const withoutZh = (v: unknown): unknown =>
  Array.isArray(v) ? v.map(withoutZh) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'zh').map(([k, x]) => [k, withoutZh(x)])) : v;

describe('a fresh interview with each example\'s facts', () => {
  it.each(EXAMPLES.map((f) => [basename(f), f]))('reproduces %s: same resolved terms, same draft', async (name, file) => {
    const user = scripted(FRESH_SCRIPTS[name]!);
    const { terms } = await runInterview(user);
    expect(user.unused()).toEqual([]);
    expect(user.rejected).toEqual([]);

    const text = renderTermsYaml(terms, { fileName: 'agreement.yaml', schemaRef: '../schema/terms.schema.json' });
    const ours = parseTerms(text, 'agreement.yaml').terms;
    const parsed = parseTerms(read(file), file).terms;
    // The interview asks for Chinese forms only when Chinese is an authentic language.
    const example = areasInSchemaOrder(parsed.languages?.includes('zh') ? parsed : (withoutZh(parsed) as Terms));
    expect(resolvedOf(ours)).toEqual(resolvedOf(example));
    expect(draftOf(text)).toBe(draftOf(renderTermsYaml(example as never)));
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../schema/terms.schema.json');
  });

  it('pre-selects the recommended variant of each topic and shows why', async () => {
    const user = scripted(FRESH_SCRIPTS['cbers.yaml']!);
    await runInterview(user);
    expect(user.question('jurisdiction.registration')?.default).toBe('launching-party');
    expect(user.question('ip.foreground')?.default).toBe('joint');
    expect(user.question('liability.regime')?.default).toBe('cross-waiver');
    expect(user.question('disputes.steps')?.default).toBe('consultation,arbitration');
    const notes = user.said.filter((s) => s.kind === 'note').map((s) => s.text);
    expect(notes).toContainEqual(expect.stringMatching(/^Recommended: launching party\. CNSA procures the launch of the CBERS-6 satellite, owned by CNSA and AEB.*Registration Convention Art\. II\(2\)/));
    expect(user.question('jurisdiction.registration')?.choices?.find((c) => c.value === 'launching-party')?.name).toBe('Launching party (recommended)');
    // Every variant offered carries its one-line explanation.
    for (const id of ['jurisdiction.registration', 'ip.foreground', 'liability.regime', 'form']) {
      for (const c of user.question(id)!.choices!) expect(c.description, `${id} ${String(c.value)}`).toMatch(/\w{4}/);
    }
  });

  it('says when a memorandum cannot carry the liability variant chosen', async () => {
    const user = scripted(FRESH_SCRIPTS['lunar-mou.yaml']!);
    await runInterview(user);
    expect(user.said.filter((s) => s.kind === 'warning').map((s) => s.text)).toContainEqual(expect.stringContaining('A memorandum of understanding cannot carry `cross-waiver`'));
  });
});

describe('--terms: prefilled from a file', () => {
  const cases = [...EXAMPLES.map((f) => [basename(f), read(f)] as const), ['minimal terms', MINIMAL] as const];

  it.each(cases)('%s: accepting every answer reproduces the file byte for byte', async (_name, text) => {
    const parsed = parseTerms(text, 'agreement.yaml').terms;
    const user = scripted({}, { otherwise: 'enter' });
    const { terms } = await runInterview(user, { start: structuredClone(parsed) as never, prefilled: true });
    expect(terms).toEqual(parsed);
    expect(renderTermsYaml(terms, { base: { text, terms: parsed } })).toBe(text);
    expect(user.rejected).toEqual([]);
  });

  it('is the identity for any subset of an example\'s optional fields', async () => {
    const source = read(EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!);
    const full = parseTerms(source, 'x.yaml').terms as Record<string, any>;
    const optional: [string, string?][] = [
      ['parentInstrument'], ['cooperation', 'objectives'], ['cooperation', 'launch'], ['cooperation', 'spaceObjects'], ['cooperation', 'exportControlled'],
      ['cooperation', 'funding'], ['cooperation', 'costShare'], ['jurisdiction'], ['ip', 'confidentialityYears'], ['liability', 'flowDown'],
      ['liability', 'thirdParty'], ['disputes', 'steps'], ['disputes', 'arbitration'], ['term'], ['languages'], ['signing', 'date'],
    ];
    await fc.assert(
      fc.asyncProperty(fc.subarray(optional), async (drop) => {
        const doc = parseDocument(source);
        for (const path of drop) doc.deleteIn(path.filter(Boolean) as string[]);
        const text = doc.toString();
        let parsed: Terms;
        try {
          parsed = parseTerms(text, 'x.yaml').terms;
        } catch {
          return; // a combination the loader refuses is not a file anyone could prefill from
        }
        const { terms } = await runInterview(scripted({}, { otherwise: 'enter' }), { start: structuredClone(parsed) as never, prefilled: true });
        expect(terms).toEqual(parsed);
        expect(renderTermsYaml(terms, { base: { text, terms: parsed } })).toBe(text);
      }),
      { numRuns: 40 },
    );
    expect(full.form).toBe('protocol');
  });

  it('a second round changes only the answers the user changes, comments and layout kept', async () => {
    const text = read(EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!);
    const parsed = parseTerms(text, 'agreement.yaml').terms;
    const user = scripted({ 'term.years': 7, 'disputes.arbitration.seat': 'Geneva', 'cooperation.objectives[2]': 'to train engineers of both States' }, { otherwise: 'enter' });
    const { terms } = await runInterview(user, { start: structuredClone(parsed) as never, prefilled: true });
    const written = renderTermsYaml(terms, { base: { text, terms: parsed } });
    const before = text.split('\n');
    const after = written.split('\n');
    const removed = before.filter((l) => !after.includes(l));
    const added = after.filter((l) => !before.includes(l));
    // The Chinese name of the old seat (海牙) is not kept for the new one: a blank [●] until it is given.
    expect(removed).toEqual(['  arbitration: { rules: pca-outer-space, seat: The Hague, arbitrators: 3, language: English, zh: { seat: 海牙, language: 英文 } }', '  years: 10']);
    expect(added).toEqual(['    - to train engineers of both States', '  arbitration: { rules: pca-outer-space, seat: Geneva, arbitrators: 3, language: English, zh: { language: 英文 } }', '  years: 7']);
  });

  it('drops a detail the new answers make moot, and only then', async () => {
    const text = read(join(ROOT, 'test', 'interview', 'leo-treaty.yaml'));
    const parsed = parseTerms(text, 'agreement.yaml').terms;
    const { terms } = await runInterview(scripted({ 'jurisdiction.registration': 'each-registers-own' }, { otherwise: 'enter' }), {
      start: structuredClone(parsed) as never,
      prefilled: true,
    });
    expect((terms as Terms).jurisdiction).toEqual({ registration: 'each-registers-own' });
  });

  it('keeps a topic left to the recommendation out of the file when the user accepts it', async () => {
    const parsed = parseTerms(MINIMAL, 'agreement.yaml').terms;
    const user = scripted({}, { otherwise: 'enter' });
    const { terms } = await runInterview(user, { start: structuredClone(parsed) as never, prefilled: true });
    expect(user.question('liability.regime')?.default).toBe('convention-only');
    expect(terms).toEqual(parsed);
  });
});

describe('questions the facts settle are skipped', () => {
  it('no launch: no launching party, site, third-party or insurance question, no registration', async () => {
    const user = scripted(FRESH_SCRIPTS['lunar-mou.yaml']!);
    await runInterview(user);
    const ids = user.ids();
    for (const id of ['cooperation.launch.launchingParty', 'cooperation.launch.site', 'liability.thirdParty', 'liability.insurance', 'jurisdiction.registration', 'jurisdiction.registeringParty', 'parentInstrument.title', 'cooperation.costShare', 'disputes.arbitration.rules', 'cooperation.facilities[0].name']) {
      expect(ids, id).not.toContain(id);
    }
    expect(ids).toContain('cooperation.launch');
  });

  it('a registering party only for designated-party; arbitration details only with arbitration', async () => {
    const cbers = scripted(FRESH_SCRIPTS['cbers.yaml']!);
    await runInterview(cbers);
    expect(cbers.ids()).not.toContain('jurisdiction.registeringParty');
    expect(cbers.ids()).toContain('disputes.arbitration.seat');
    const leo = scripted(FRESH_SCRIPTS['leo-treaty.yaml']!);
    await runInterview(leo);
    expect(leo.ids()).toContain('jurisdiction.registeringParty');
    expect(leo.ids()).not.toContain('parentInstrument.title');
  });
});

describe('validation: each answer is checked by the validator of its terms field', () => {
  const cases: [string, unknown, string][] = [
    ['signing.date', 'March 2027', 'A date is written YYYY-MM-DD (e.g. 2027-03-15)'],
    ['signing.date', '2027-02-30', 'This is not a calendar date'],
    ['languages', 'english, zh', 'A language is a two-letter ISO 639-1 code, e.g. `en`'],
    ['ip.confidentialityYears', 0, 'Must be at least 1'],
    ['ip.confidentialityYears', 2.5, 'Must be a whole number'],
    ['term.years', 120, 'Must be at most 99'],
    ['parties[0].name', '   ', 'Must not be empty'],
    ['cooperation.costShare', 140, 'Must be at most 100'],
  ];
  it.each(cases)('%s = %j: "%s", then asks again', async (id, bad, message) => {
    const script = { ...FRESH_SCRIPTS['cbers.yaml']!, [id]: tries(bad, (FRESH_SCRIPTS['cbers.yaml'] as Record<string, unknown>)[id]) };
    const user = scripted(script);
    await runInterview(user);
    expect(user.rejected).toEqual([{ id, answer: bad, message }]);
  });

  it('says the same as the terms file loader', () => {
    const file = `${MINIMAL}signing: { date: 2027-02-30 }\n`;
    expect(() => parseTerms(file, 'f.yaml')).toThrow();
    try {
      parseTerms(file, 'f.yaml');
    } catch (e: any) {
      // The loader also shows the value it read; the prompt shows it already.
      expect(e.problems[0].message).toBe(`${validatorFor(['signing', 'date'])('2027-02-30')} (got "2027-02-30")`);
    }
  });

  it('every question is bound to a field the terms schema has', () => {
    for (const q of allQuestions()) expect(() => schemaAt(q.path.map((s) => (s === '#' ? 0 : s))), q.id).not.toThrow();
  });
});

describe('Ctrl+C', () => {
  it('stops with the answers given so far, which are not yet terms', async () => {
    const user = scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, 'cooperation.areas': CTRL_C });
    const stop = await runInterview(user).catch((e) => e);
    expect(stop).toBeInstanceOf(InterviewCancelled);
    expect(stop.state.form).toBe('protocol');
    expect(stop.state.parties).toHaveLength(2);
    expect(stop.state.cooperation).toBeUndefined();
    expect(stop.answered).toBe(user.asked.length - 1);
  });

  it('resuming offers each kept answer as the default', async () => {
    const first = scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, 'cooperation.exportControlled': CTRL_C });
    const stop: InterviewCancelled = await runInterview(first).catch((e) => e);
    const again = scripted({ ...FRESH_SCRIPTS['cbers.yaml']!, 'parties[0].name': DEFAULT, 'parties[1].name': DEFAULT, 'cooperation.objectives[0]': DEFAULT }, { otherwise: 'fail' });
    const { terms } = await runInterview(again, { start: stop.state });
    expect(again.question('parties[0].name')?.default).toBe('China National Space Administration');
    expect(again.question('cooperation.spaceObjects[0].name')?.default).toBe('CBERS-6 satellite');
    expect((terms as Terms).cooperation?.exportControlled).toBe(true);
  });
});

describe('suggested answers', () => {
  it('suggests, as operator of a ground station, the party that is not its host', async () => {
    const { SECTIONS, BUILTIN_VARIANTS } = await import('../../src/interview/questions.js');
    const list = SECTIONS.flatMap((s) => s.steps).find((s) => s.type === 'list' && s.id === 'cooperation.facilities');
    const operator = (list as { rest: { id: string; suggest?: (ctx: unknown) => unknown }[] }).rest.find((q) => q.id.endsWith('operator'))!;
    const state = { parties: [{ id: 'ksa' }, { id: 'asi' }], cooperation: { facilities: [{ name: 'Malindi', host: 'ksa' }] } };
    expect(operator.suggest!({ state, i: 0, resolved: undefined, variants: BUILTIN_VARIANTS })).toBe('asi');
    state.cooperation.facilities[0]!.host = 'asi';
    expect(operator.suggest!({ state, i: 0, resolved: undefined, variants: BUILTIN_VARIANTS })).toBe('ksa');
  });
});

describe('a Government party', () => {
  it('is offered the short name treaties give it, with its article', async () => {
    const { governmentShortName } = await import('../../src/interview/questions.js');
    expect(governmentShortName("Government of the People's Republic of China")).toBe('the Chinese Party');
    expect(governmentShortName('The Government of the Argentine Republic')).toBe('the Argentine Party');
    expect(governmentShortName('Government of the Islamic Republic of Pakistan')).toBe('the Pakistani Party');
    // Not a Government, or a State the list does not know: the initials are offered instead.
    expect(governmentShortName('China National Space Administration')).toBeUndefined();
    expect(governmentShortName('Government of the Republic of Aldera')).toBeUndefined();
  });
});
