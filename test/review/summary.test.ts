import { describe, expect, it } from 'vitest';
import { negated, usesTerm } from '../../src/review/doc.js';
import { countFindings, reviewTerms, summarizeFindings, type Finding } from '../../src/review/index.js';
import { parseTerms } from '../../src/terms/parse.js';
import { resolveTerms } from '../../src/terms/resolve.js';
import { MINIMAL } from '../helpers/engine.js';

const f = (severity: Finding['severity']): Finding => ({ rule: 'x', severity, message: 'm', fix: 'f', source: 's' });

describe('summarizeFindings, for `spacecoop draft`', () => {
  it.each([
    [[], undefined],
    [[f('note')], undefined],
    [[f('error')], 'check: 1 error — run `spacecoop check agreement.yaml`'],
    [[f('error'), f('warning'), f('warning'), f('note')], 'check: 1 error, 2 warnings — run `spacecoop check agreement.yaml`'],
    [[f('warning')], 'check: 1 warning — run `spacecoop check agreement.yaml`'],
  ] as [Finding[], string | undefined][])('%j -> %s', (findings, line) => {
    expect(summarizeFindings(findings)).toBe(line);
  });

  it('names the terms file', () => {
    expect(summarizeFindings([f('error')], 'examples/cbers.yaml')).toContain('spacecoop check examples/cbers.yaml');
    expect(countFindings([f('error'), f('note')])).toEqual({ error: 1, warning: 0, note: 1 });
  });
});

describe('reviewTerms without a draft (the interview)', () => {
  it('runs the terms rules alone', () => {
    const terms = resolveTerms(parseTerms(`${MINIMAL}cooperation:\n  launch: { launchingParty: a }\n`, 't.yaml').terms);
    const rules = reviewTerms(terms).map((x) => x.rule);
    expect(rules).toContain('launch-site-missing');
    expect(rules).not.toContain('undefined-term');
  });
});

describe('text helpers', () => {
  it.each([
    ['This Memorandum does not grant any exemption from customs duties.', /exempt/, true],
    ['Each Party shall exempt the Goods from customs duties.', /exempt/, false],
    ['If the dispute is not settled within 90 days, either Party may submit it to arbitration.', /arbitration/, false],
    ['Nothing in this Article permits arbitration.', /arbitration/, true],
  ])('negated(%s) is %s', (s, re, expected) => {
    expect(negated(s, re)).toBe(expected);
  });

  it.each([
    ['its Related Entities', 'Related Entity', true],
    ['Payloads and Goods', 'Payload', true],
    ['Non-Payload items', 'Payload', false],
    ['the Implementing Agencies', 'Implementing Agency', true],
    ['an implementing agency', 'Implementing Agency', false],
  ])('usesTerm(%s, %s) is %s', (text, term, expected) => {
    expect(usesTerm(text, term)).toBe(expected);
  });
});
