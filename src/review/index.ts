import { isUserError } from '../errors.js';
import { libraryVariants } from '../engine.js';
import type { Library } from '../library/library.js';
import { planDraft, type Plan } from '../plan/plan.js';
import type { Draft } from '../render/draft.js';
import { definitionFits, renderDraft } from '../render/render.js';
import { parseTerms } from '../terms/parse.js';
import { resolveTerms, type ResolvedTerms } from '../terms/resolve.js';
import { docFromDraft, docFromMarkdown } from './doc.js';
import { runRules } from './rule.js';
import { LAW_TERMS_RULES, LAW_TEXT_RULES } from './rules/substance-law.js';
import { TERMS_RULES as BASE_TERMS_RULES } from './rules/terms.js';
import { FILE_RULES, TEXT_RULES as BASE_TEXT_RULES } from './rules/text.js';
import { PENDING_RULES } from './rules/pending.js';
import { BIDI_TERMS_SOURCE, bidiInTerms, HYGIENE_FILE_RULES } from './rules/hygiene.js';
import type { Finding } from './types.js';

export type { Finding } from './types.js';
export { FILE_RULES } from './rules/text.js';
/** Every rule over the terms: the consistency rules, then the space-law substance rules. */
export const TERMS_RULES = [...BASE_TERMS_RULES, ...LAW_TERMS_RULES];
/** Every rule over the text of an instrument. */
export const TEXT_RULES = [...BASE_TEXT_RULES, ...LAW_TEXT_RULES];

/** The defined terms of the built-in library, for callers that have no library at hand. */
export const BUILTIN_TERMS: readonly string[] = [
  'Background Intellectual Property', 'Cooperative Activities', 'Damage', 'Export-Controlled Item', 'Foreground Intellectual Property',
  'Goods', 'Implementing Agency', 'Implementing Arrangement', 'Intellectual Property', 'Launch Vehicle', 'Launching State',
  'Liability Convention', 'Outer Space Treaty', 'Payload', 'Proprietary Information', 'Protected Space Operations',
  'Registration Convention', 'Related Entity', 'Rescue Agreement', 'Space Object', 'State of Registry', 'Technical Data',
];

export interface ReviewOptions {
  /** Where a terms field was written, to give each finding a line. */
  locate?: (path: (string | number)[]) => { line: number } | undefined;
  /** Defined terms of the library in use (built-in plus `--clauses`). */
  knownTerms?: readonly string[];
  /** The plan, when the caller has it; otherwise it is worked out from the terms. */
  plan?: Plan;
}

const SEVERITY_ORDER = { error: 0, warning: 1, note: 2 } as const;

export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || (a.f.line ?? 0) - (b.f.line ?? 0) || a.i - b.i)
    .map(({ f }) => f);
}

/** `parties[1].state` -> ['parties', 1, 'state']. */
function pathOf(where: string): (string | number)[] {
  return where.split(/\.|\[(\d+)\]/).filter((s) => s !== undefined && s !== '').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Rules over the terms (and the draft they produce): what counsel would flag before the text is
 * read, then the text rules over the draft, which catch what a `--clauses` overlay changed. When a
 * terms rule and a text rule report the same problem, the terms finding (which names the field to
 * change) is kept.
 */
export function reviewTerms(terms: ResolvedTerms, draft?: Draft, options: ReviewOptions = {}): Finding[] {
  const plan = options.plan ?? planDraft(terms);
  const termsFindings = runRules(TERMS_RULES, { t: terms, plan, ...(draft ? { draft } : {}) }).map((f) => {
    const line = f.where && options.locate ? options.locate(pathOf(f.where))?.line : undefined;
    return line !== undefined ? { ...f, line } : f;
  });
  const seen = new Set(termsFindings.map((f) => f.rule));
  const textFindings = draft
    ? runRules(TEXT_RULES, { doc: docFromDraft(draft, terms), knownTerms: options.knownTerms ?? BUILTIN_TERMS }).filter((f) => !seen.has(f.rule))
    : [];
  const bidi = bidiInTerms(terms.source).map((h): Finding => {
    const line = options.locate ? options.locate(pathOf(h.where))?.line : undefined;
    return { rule: 'bidi-control', severity: 'warning', message: h.message, fix: h.fix, source: BIDI_TERMS_SOURCE, where: h.where, ...(line !== undefined ? { line } : {}) };
  });
  return sortFindings([...termsFindings, ...textFindings, ...bidi]);
}

/** Rules over a draft file on disk: the text rules, plus blanks and unresolved conflicts. */
export function reviewDraftText(text: string, file?: string, options: Pick<ReviewOptions, 'knownTerms'> & { contractTerms?: readonly string[] } = {}): Finding[] {
  const doc = docFromMarkdown(text, file);
  // A contract's own defined terms ("Satellite", "Launch") are plain words in any other instrument.
  const contractOnly = new Set(doc.facts.contract ? [] : (options.contractTerms ?? []));
  const knownTerms = (options.knownTerms ?? BUILTIN_TERMS).filter((term) => !contractOnly.has(term));
  return sortFindings([...runRules(FILE_RULES, { doc }), ...runRules(PENDING_RULES, { doc }), ...runRules(TEXT_RULES, { doc, knownTerms }), ...runRules(HYGIENE_FILE_RULES, { doc })]);
}

/**
 * A terms file's text, reviewed with the library in use: the terms rules, then the text rules over
 * the draft they produce. Bad terms throw a UserError, as `draft` does. If the draft cannot be
 * built (a clause missing from the library), the terms rules still run and the failure is one
 * more finding.
 */
export function reviewTermsText(source: string, file: string, library: Library): Finding[] {
  const parsed = parseTerms(source, file, { variants: libraryVariants(library) });
  const terms = resolveTerms(parsed.terms);
  const plan = planDraft(terms, { has: library.has });
  const knownTerms = [...library.definitions.values()].filter((d) => definitionFits(d.meta.only, plan.character.character)).map((d) => d.term);
  const options = { locate: parsed.locate, knownTerms, plan };
  let draft: Draft;
  try {
    draft = renderDraft(terms, plan, library);
  } catch (e) {
    const findings = reviewTerms(terms, undefined, options);
    const reason = isUserError(e) ? e.message : `${(e as Error).message} (a bug in spacecoop: please report it with this terms file)`;
    return sortFindings([
      ...findings,
      {
        rule: 'draft-not-built',
        severity: 'error',
        message: `the draft cannot be built from these terms: ${reason}`,
        fix: findings.some((f) => f.severity === 'error') ? 'Fix the other errors, then check again.' : 'Add the missing clause with --clauses DIR, or change the terms.',
        source: 'spacecoop: the clause library and the terms must produce a complete draft',
      },
    ]);
  }
  return reviewTerms(terms, draft, options);
}

export function countFindings(findings: readonly Finding[]): Record<Finding['severity'], number> {
  const n = { error: 0, warning: 0, note: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * One line for `spacecoop draft`: the errors and warnings a check would report, with a hint to
 * run it; undefined when there are none.
 */
export function summarizeFindings(findings: readonly Finding[], termsFile = 'agreement.yaml'): string | undefined {
  const n = countFindings(findings);
  if (n.error === 0 && n.warning === 0) return undefined;
  const parts = [n.error ? plural(n.error, 'error') : '', n.warning ? plural(n.warning, 'warning') : ''].filter(Boolean);
  return `check: ${parts.join(', ')} — run \`spacecoop check ${termsFile}\``;
}
