import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileLibrary } from '../../src/engine.js';
import { readClauseDir } from '../../src/library/load.js';
import { reviewTermsText, TERMS_RULES, TEXT_RULES, type Finding } from '../../src/review/index.js';
import { ROOT } from '../helpers/run.js';

/**
 * test/fixtures/review/<rule-id>/terms.yaml is a deliberately inconsistent terms file (with a
 * `clauses/` overlay where the inconsistency is in a drafter's clause text); `_clean` is the
 * consistent file each is derived from.
 */
const DIR = join(ROOT, 'test', 'fixtures', 'review');
const CASES = readdirSync(DIR).filter((d) => !d.startsWith('_'));
/** Rules a fixture shows by what its message names, because the clean file has the rule's other finding. */
const NAMED: Record<string, string> = {};
/**
 * Text rules no terms file can reach: the renderer defines every defined term the text uses and
 * none it does not, so only a hand-edited draft can break them (tested in text-rules.test.ts).
 */
const DRAFT_ONLY = new Set(['unused-definition', 'undefined-term']);

const BUILTIN = [...readClauseDir(join(ROOT, 'clauses')), ...readClauseDir(join(ROOT, 'templates'))];

function review(dir: string): Finding[] {
  const sources = [...BUILTIN];
  const overlay = join(DIR, dir, 'clauses');
  if (existsSync(overlay)) sources.push(...readClauseDir(overlay));
  const file = join(DIR, dir, 'terms.yaml');
  return reviewTermsText(readFileSync(file, 'utf8'), file, compileLibrary(sources));
}

const fires = (findings: Finding[], rule: string) => findings.some((f) => f.rule === rule && (!NAMED[rule] || f.message.includes(NAMED[rule]!)));

describe('deliberately inconsistent terms files', () => {
  const clean = review('_clean');

  it('the clean file has no error', () => {
    expect(clean.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it.each(CASES)('%s: flagged with its rule id, which the clean file does not trigger', (rule) => {
    const findings = review(rule);
    expect(findings.map((f) => f.rule)).toContain(rule);
    expect(fires(findings, rule)).toBe(true);
    expect(fires(clean, rule)).toBe(false);
    for (const f of findings.filter((x) => x.rule === rule)) {
      expect(f.message.length).toBeGreaterThan(10);
      expect(f.fix.length).toBeGreaterThan(10);
      expect(f.source.length).toBeGreaterThan(3);
    }
  });

  it('every terms rule, and every text rule a terms file can reach, has a fixture', () => {
    const reachable = [...TERMS_RULES, ...TEXT_RULES].map((r) => r.id).filter((id) => !DRAFT_ONLY.has(id));
    expect([...new Set(reachable)].filter((id) => !CASES.includes(id))).toEqual([]);
  });

  it('terms findings point at the line of the field', () => {
    const f = review('arbitration-incomplete').find((x) => x.rule === 'arbitration-incomplete')!;
    expect(f.where).toBe('disputes.arbitration.seat');
    expect(f.line).toBe(27); // the `disputes` block: the seat is missing, so the finding points where it belongs
  });

  it('a draft that cannot be built is one more error, after the terms findings', () => {
    const findings = review('_unbuildable');
    expect(findings.map((f) => f.rule)).toContain('draft-not-built');
    expect(findings.find((f) => f.rule === 'draft-not-built')!.message).toContain('amendments-procedure');
  });
});
