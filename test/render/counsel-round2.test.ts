import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, read, ROOT } from '../helpers/run.js';

/**
 * Defects counsel found on a second reading of the revised library, each a kind: articles that
 * contradict each other, a term the operative text turns on left undefined, a condition that
 * reaches further than it should. Each test reads more than one draft.
 */
const example = (name: string) => readFileSync(join(ROOT, 'examples', name), 'utf8');
const draft = (yaml: string) => draftFromTermsText(yaml, 'terms.yaml', builtinLibrary()).draft;
const instrument = (yaml: string) => renderMarkdown(draft(yaml), { notes: false });
const articleText = (yaml: string, clausePrefix: string) => {
  const d = draft(yaml);
  const a = d.articles.find((x) => x.clauseId.startsWith(clausePrefix));
  return a ? { number: a.number, text: a.blocks.map((b) => b.text).join('\n') } : undefined;
};
const CONTRACTS = ['leo-delivery.yaml', 'comsat-delivery.yaml'].map(example);

describe('contracts: the cap, the waiver and the remedies agree', () => {
  it.each(CONTRACTS.map((y, i) => [['leo', 'comsat'][i]!, y]))('%s: refunds and replacement are outside the cap; a refund on default is not capped', (_n, yaml) => {
    const liability = articleText(yaml, 'contract-liability/')!.text;
    // Only a supplier that builds the Satellite replaces it; a launch provider replaces the launch (counsel round 2, B-2).
    expect(liability).toMatch(/does not apply to, and is not reduced by: [^.]*\(c\) the refund of payments received, and the replacement (of the Satellite or )?of the launch, under Articles \d+ and \d+;/);
    expect(articleText(yaml, 'contract-termination/')!.text).not.toMatch(/up to the limit of liability/);
  });

  it.each(CONTRACTS.map((y, i) => [['leo', 'comsat'][i]!, y]))('%s: the waiver’s carve-out names the claims it keeps, it does not swallow the waiver', (_n, yaml) => {
    const liability = articleText(yaml, 'contract-liability/')!.text;
    expect(liability).not.toMatch(/other obligations expressly stated/);
    expect(liability).toMatch(/claims for liquidated damages under Article \d+ or for the remedies under Articles \d+ and \d+/);
  });

  it.each(CONTRACTS.map((y, i) => [['leo', 'comsat'][i]!, y]))('%s: Launch Failure is defined; the indemnity and insurance run from Launch to a stated event, not an undefined “launch phase”', (_n, yaml) => {
    const md = instrument(yaml);
    // A launch provider's Launch Failure is one attributable to the launch vehicle (counsel round 2, B-2); a manufacturer's includes the Satellite's loss.
    expect(md).toMatch(/“Launch Failure” means, after Launch, (the destruction of the launch vehicle or of the Satellite|a failure attributable to the launch vehicle)/);
    expect(md.match(/\bLaunch Failure\b/g)!.length).toBeGreaterThan(1); // defined, and used in the remedies
    expect(md).not.toMatch(/during the launch phase/);
    expect(md).toMatch(/\(b\) by the Satellite, from Launch until In-Orbit Acceptance or, where a Launch Failure prevents it, until the handover of control of the Satellite or its loss\./);
  });

  it.each(CONTRACTS.map((y, i) => [['leo', 'comsat'][i]!, y]))('%s: the delivery date moves with a postponement the customer causes or force majeure; a failed acceptance has an outcome', (_n, yaml) => {
    const md = instrument(yaml);
    expect(md).toMatch(/(In-Orbit Acceptance achieved,|hand over control of the Satellite) no later than [^.]*, as extended by any postponement under this Article caused by \w+ and by any event of force majeure/); // excused only by the customer or force majeure (counsel round 2, B-8)
    // A launch provider's shortfall question goes to an expert, then arbitration (counsel round 2, B-2).
    expect(md).toMatch(/Failing agreement within that period, either Party may refer the matter to arbitration under Article \d+|either Party may refer the question to arbitration under Article \d+/);
  });
});

describe('treaties: provisions that would contradict each other say which prevails', () => {
  it('crew experiments’ data belong to the party the experiment is for, notwithstanding the data-ownership rule', () => {
    const yaml = example('crew-flight.yaml');
    const release = articleText(yaml, 'release/')!;
    const crew = articleText(yaml, 'crew/')!.text;
    expect(crew).toMatch(/data and samples from an experiment .* whichever Party owns the Space Object/i);
    // Says for what it prevails (who owns the data), not "Notwithstanding Article N ... governed by Article N" (counsel round 2, A-12).
    expect(crew).toContain(`As to who owns them, this paragraph prevails over the general rule on data in Article ${release.number}, which governs their release.`);
    expect(crew).not.toMatch(/Notwithstanding/);
  });

  it('the Liability Convention’s Art. VII exclusion is stated with its limits (a launching State’s own object, launch to descent, invitees)', () => {
    for (const form of ['implementing-arrangement', 'agreement']) {
      const yaml = example('crew-flight.yaml').replace(/^form: .*$/m, `form: ${form}`);
      expect(articleText(yaml, 'crew/')!.text).toMatch(/caused by a Space Object of a launching State to that State's own nationals, nor to foreign nationals while they take part in the operation of that Space Object, from its launch until its descent/);
    }
  });

  it('a navigation service disclaimer prevails over fault liability', () => {
    const yaml = example('navigation-monitoring.yaml');
    const liability = articleText(yaml, 'liability/')!;
    expect(articleText(yaml, 'service-terms/')!.text).toMatch(new RegExp(`Notwithstanding Article ${liability.number}, neither Party shall be liable`));
  });

  it('budget language makes financial obligations conditional, not every obligation (exemptions, tenure, indemnities stand)', () => {
    for (const name of ['deep-space-station.yaml', 'navigation-monitoring.yaml', 'cbers.yaml', 'crew-flight.yaml']) {
      const md = instrument(example(name));
      expect(md, name).not.toMatch(/The obligations of each Party under this \w+ are subject to the availability of funds/);
      expect(md, name).toMatch(/The financial obligations of each Party under this \w+ are subject to the availability of funds/);
    }
  });
});

describe('a facility’s terms fit the facility and the term', () => {
  it('a short agreement with a monitoring station can be terminated on notice; only a long-term station locks in its term', () => {
    const nav = instrument(example('navigation-monitoring.yaml'));
    expect(nav).not.toMatch(/may terminate this Agreement before the end of its initial term/);
    expect(nav).toMatch(/Either Party may terminate this Agreement by written notice/);
    const dss = instrument(example('deep-space-station.yaml'));
    expect(dss).toMatch(/Because the facility is a long-term investment, neither Party may terminate this Agreement before the end of its initial term of fifty years/);
    expect(dss).toMatch(/may be terminated only as provided in Article \d+/);
  });

  it('a monitoring station reports the signals it monitors, a deep-space station the missions it supports', () => {
    expect(instrument(example('navigation-monitoring.yaml'))).toMatch(/in advance of the signals and systems the facility is to monitor/);
    expect(instrument(example('deep-space-station.yaml'))).toMatch(/in advance of the missions the facility is to support/);
  });

  it('joint ownership of a satellite survives termination until the winding-up plan disposes of it', () => {
    const yaml = example('cbers.yaml');
    const ownership = articleText(yaml, 'ownership/')!;
    expect(articleText(yaml, 'final/entry-into-force')!.text).toMatch(new RegExp(`under Articles [\\d, ]*\\b${ownership.number}\\b[^.]* shall survive`));
    // Nothing jointly owned: no ownership survival.
    const nav = articleText(example('navigation-monitoring.yaml'), 'ownership/')!;
    expect(articleText(example('navigation-monitoring.yaml'), 'final/entry-into-force')!.text).not.toMatch(new RegExp(`Articles [\\d, ]*\\b${nav.number}\\b[^.]* shall survive`));
  });
  it('a contract in several languages names its controlling text only from the terms (X-13 for contracts): otherwise a blank and an open point', () => {
    const named = example('comsat-delivery.yaml');
    expect(instrument(named)).toMatch(/in case of divergence, the English text prevails\./);
    const unnamed = named.replace(/^prevailingLanguage: .*$/m, '');
    const d = draft(unnamed);
    expect(renderMarkdown(d, { notes: false })).toMatch(/in case of divergence, the \[●\] text prevails\./);
    expect(d.notes.openPoints.map((p) => p.path)).toContain('prevailingLanguage');
    const leo = example('leo-delivery.yaml').replace(/^languages: .*$/m, 'languages: [en, sw]');
    expect(instrument(leo)).toMatch(/in case of divergence, the \[●\] text prevails\./);
  });
});

describe('counsel R17-11: no undefined "host Party"', () => {
  it('the personnel and training articles name the Party that receives the personnel or offers the programme, in every example, both texts', () => {
    for (const file of EXAMPLES) {
      const text = read(file);
      for (const lang of text.includes('zh') ? (['en', 'zh'] as const) : (['en'] as const)) {
        const md = renderMarkdown(draftFromTermsText(text, file, builtinLibrary(), { lang }).draft);
        expect(md, `${file} ${lang}`).not.toMatch(/\bhost (Party|Participant)\b|东道方(应|将)/);
      }
    }
    const cbers = renderMarkdown(draftFromTermsText(read(EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!), 'cbers.yaml', builtinLibrary()).draft);
    expect(cbers).toContain('The Party that receives the personnel shall provide them with the access');
  });
});

describe('counsel R18-10: a memorandum says what its implementing arrangements are, and binds no one in Chinese either', () => {
  it('the status clause covers the arrangements; the Chinese release article says 仍适用, not 仍受……约束', () => {
    const file = EXAMPLES.find((f) => f.endsWith('lunar-mou.yaml'))!;
    const en = renderMarkdown(draftFromTermsText(read(file), file, builtinLibrary()).draft, { notes: false });
    expect(en).toContain('Implementing Arrangements concluded under it have the same character, unless they expressly provide otherwise.');
    expect(en).toMatch(/^## Article \d+ — Implementing Arrangements$/m);
    const zh = renderMarkdown(draftFromTermsText(read(file), file, builtinLibrary(), { lang: 'zh' }).draft, { notes: false });
    expect(zh).toContain('根据本谅解备忘录订立的实施安排具有相同性质，但其另有明确规定的除外。');
    expect(zh).not.toMatch(/仍受[^。]*约束/);
    // A binding instrument's own status needs no such sentence.
    const cbers = EXAMPLES.find((f) => f.endsWith('cbers.yaml'))!;
    expect(renderMarkdown(draftFromTermsText(read(cbers), cbers, builtinLibrary()).draft)).not.toContain('have the same character');
  });
});

describe('counsel R18-9: the release article refers to a host\'s own observations only where the host makes them', () => {
  it('a deep-space station (ground stations) has them; monitoring stations for navigation do not', () => {
    const text = (name: string) => {
      const file = EXAMPLES.find((f) => f.endsWith(name))!;
      return renderMarkdown(draftFromTermsText(read(file), file, builtinLibrary()).draft, { notes: false });
    };
    // The release article defers to the facilities article (counsel A-5), which gives the host its observations only at a deep-space station.
    expect(text('deep-space-station.yaml')).toMatch(/Subject to Article \d+, which governs the data of each facility/);
    expect(text('deep-space-station.yaml')).toMatch(/The data of those observations belong to the Argentine Party/);
    expect(text('navigation-monitoring.yaml')).not.toContain("host's own observations");
    expect(text('navigation-monitoring.yaml')).not.toContain('The data of those observations');
  });
});

describe('counsel R18-7 and R18-8: a station the host can end at will, and a disclaimer beside an indemnity', () => {
  const nav = () => {
    const file = EXAMPLES.find((f) => f.endsWith('navigation-monitoring.yaml'))!;
    return renderMarkdown(draftFromTermsText(read(file), file, builtinLibrary()).draft, { notes: false });
  };
  it('where either party may end a short-term instrument by notice, the host\'s notice also opens the consultation on unrecovered investment', () => {
    const text = nav();
    expect(text).toMatch(/Either Party may terminate this Agreement by written notice/);
    expect(text).toContain("Where the Agreement ends before its term for a breach by ASAL, or on ASAL's notice of termination, the Parties shall consult on compensation for the investment not yet recovered.");
    // A long-term station cannot be ended at will, so only a breach is named (the deep-space station).
    const file = EXAMPLES.find((f) => f.endsWith('deep-space-station.yaml'))!;
    const dss = renderMarkdown(draftFromTermsText(read(file), file, builtinLibrary()).draft, { notes: false });
    expect(dss).toContain('Where the Agreement ends before its term for a breach by the Argentine Party, the Parties shall consult');
  });
  it('the service disclaimer leaves the third-party indemnities whole, and outlasts the instrument', () => {
    const text = nav();
    const services = Number(/^## Article (\d+) — Navigation Services$/m.exec(text)![1]);
    // The operator's indemnity of the host is in the facilities article (counsel A-4).
    const facilities = Number(/^## Article (\d+) — Ground Facilities/m.exec(text)![1]);
    expect(text).toContain(`nor the indemnity that Article ${facilities} provides.`);
    expect(text).toMatch(new RegExp(`under Articles [\\d, ]*\\b${services}\\b[\\d, and]* shall survive`));
  });
});
