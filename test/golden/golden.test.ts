import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { AREAS } from '../../src/terms/schema.js';
import { builtinLibrary } from '../helpers/engine.js';
import { EXAMPLES, lintMarkdown, ROOT } from '../helpers/run.js';

/**
 * Each example's draft, reviewed line by line when it was accepted, is pinned in
 * test/golden/<name>.md. A change to any clause shows here as a diff to review.
 * `UPDATE_GOLDEN=1 npx vitest run test/golden` rewrites them after review.
 */
const GOLDEN_DIR = join(ROOT, 'test', 'golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden drafts of the examples', () => {
  it('has an example for every file in examples/', () => {
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(6);
  });

  it.each(EXAMPLES.map((f) => [basename(f, '.yaml'), f]))('%s', (name, file) => {
    const { draft } = draftFromTermsText(readFileSync(file, 'utf8'), `examples/${name}.yaml`, builtinLibrary());
    const md = renderMarkdown(draft);
    expect(lintMarkdown(md)).toBe('');
    const golden = join(GOLDEN_DIR, `${name}.md`);
    if (update) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(golden, md);
    }
    let expected: string;
    try {
      expected = readFileSync(golden, 'utf8');
    } catch {
      throw new Error(`no golden file ${golden}; review the draft, then run with UPDATE_GOLDEN=1`);
    }
    expect(md).toBe(expected);
  });
});

describe('the examples cover the library', () => {
  const drafts = EXAMPLES.map((f) => draftFromTermsText(readFileSync(f, 'utf8'), f, builtinLibrary()));

  it('use every variant of the four topics', () => {
    const used = new Set(drafts.flatMap((d) => d.draft.articles.map((a) => a.clauseId)));
    // `designated-party` lost its example when leo-delivery became a contract (a sale is not a
    // treaty); the clause matrix still renders it in every form.
    const withoutExample = new Set(['jurisdiction/designated-party']);
    for (const topic of ['jurisdiction', 'ip', 'liability', 'disputes']) {
      for (const variant of builtinLibrary().variants(topic)) if (!withoutExample.has(`${topic}/${variant}`)) expect(used, `${topic}/${variant}`).toContain(`${topic}/${variant}`);
    }
    for (const id of ['launch/standard', 'facilities/standard', 'crew/standard', 'frequencies/standard', 'debris/standard', 'funding/shared', 'funding/each-bears-own']) expect(used).toContain(id);
  });

  it('include contracts that use every contract clause but the UNCITRAL-based PCA disputes variant', () => {
    const used = new Set(drafts.filter((d) => d.plan.character.character === 'contract').flatMap((d) => d.draft.articles.map((a) => a.clauseId)));
    const contractClauses = [...builtinLibrary().clauses.keys()].filter((id) => id.startsWith('contract-') && !id.startsWith('contract-skeleton/'));
    expect(contractClauses.filter((id) => !used.has(id) && id !== 'contract-disputes/pca-outer-space')).toEqual([]);
  });

  it('use every area, both third-party regimes and every set of arbitration rules', () => {
    const areas = new Set(drafts.flatMap((d) => d.terms.areas));
    expect([...areas].sort()).toEqual(Object.keys(AREAS).sort());
    expect(new Set(drafts.map((d) => d.terms.thirdParty))).toEqual(new Set(['consult-and-apportion', 'launching-party-bears']));
    const arbitral = drafts.filter((d) => d.terms.disputeSteps.includes('arbitration') && d.terms.binding);
    expect(new Set(arbitral.map((d) => d.terms.arbitration.rules))).toEqual(new Set(['pca-outer-space', 'uncitral', 'icc']));
    expect(new Set(arbitral.map((d) => d.terms.arbitration.arbitrators))).toEqual(new Set([1, 3, 5]));
  });
});
