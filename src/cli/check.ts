import { isUserError } from '../errors.js';
import { DRAFT_MARKER } from '../export/markdown.js';
import { planDraft } from '../plan/plan.js';
import { renderDraft } from '../render/render.js';
import { countFindings, reviewDraftText, reviewTerms, type Finding } from '../review/index.js';
import { parseTerms } from '../terms/parse.js';
import { resolveTerms } from '../terms/resolve.js';
import { readText } from './fs.js';
import { loadLibrary } from './library.js';
import { bold, dim, green, out, red, yellow } from './output.js';

export interface CheckOptions {
  json?: boolean;
  clauses?: string;
}

export interface CheckReport {
  file: string;
  kind: 'terms' | 'draft';
  summary: { errors: number; warnings: number; notes: number };
  findings: Finding[];
}

/** Reviews a terms file or a draft (told apart by the draft's first line); exit 1 on any error. */
export async function runCheck(file: string, opts: CheckOptions): Promise<number> {
  const text = readText(file, 'terms file or draft');
  const library = loadLibrary(opts.clauses);
  const knownTerms = [...library.definitions.values()].map((d) => d.term);
  let kind: CheckReport['kind'];
  let findings: Finding[];
  if (text.replace(/^\uFEFF/, '').startsWith(DRAFT_MARKER)) {
    kind = 'draft';
    findings = reviewDraftText(text, file, { knownTerms });
  } else {
    kind = 'terms';
    findings = checkTerms(text, file, library, knownTerms);
  }
  const n = countFindings(findings);
  const report: CheckReport = { file, kind, summary: { errors: n.error, warnings: n.warning, notes: n.note }, findings };
  out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return n.error > 0 ? 1 : 0;
}

function checkTerms(text: string, file: string, library: ReturnType<typeof loadLibrary>, knownTerms: string[]): Finding[] {
  const variants = Object.fromEntries(['jurisdiction', 'ip', 'liability'].map((t) => [t, library.variants(t)]));
  const parsed = parseTerms(text, file, { variants });
  const terms = resolveTerms(parsed.terms);
  const plan = planDraft(terms, { has: library.has });
  const options = { locate: parsed.locate, knownTerms, plan };
  try {
    const draft = renderDraft(terms, plan, library);
    return reviewTerms(terms, draft, options);
  } catch (e) {
    // The terms rules still say what is wrong; the failure to draft is one more finding.
    const findings = reviewTerms(terms, undefined, options);
    const message = isUserError(e) ? e.message : `${(e as Error).message} (a bug in spacecoop: please report it with this terms file)`;
    return [
      ...findings,
      {
        rule: 'draft-not-built',
        severity: 'error',
        message: `the draft cannot be built from these terms: ${message}`,
        fix: findings.some((f) => f.severity === 'error') ? 'Fix the errors above, then check again.' : 'Add the missing clause with --clauses DIR, or change the terms.',
        source: 'spacecoop',
      },
    ];
  }
}

const SEVERITIES: Finding['severity'][] = ['error', 'warning', 'note'];
const HEADINGS = { error: 'Errors', warning: 'Warnings', note: 'Notes' } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatReport(report: CheckReport): string {
  const s = process.stdout;
  const paint = { error: (x: string) => red(x, s), warning: (x: string) => yellow(x, s), note: (x: string) => dim(x, s) };
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = report.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(bold(`${HEADINGS[severity]} (${group.length})`, s));
    for (const f of group) {
      const place = f.line !== undefined ? `${report.file}:${f.line}` : report.file;
      lines.push(`${paint[severity](severity)} ${place}${f.where && !f.message.startsWith(f.where) ? ` ${f.where}` : ''} ${dim(`[${f.rule}]`, s)}`);
      lines.push(`  ${f.message}`);
      lines.push(`  ${dim('fix:', s)} ${f.fix}`);
      lines.push(`  ${dim('source:', s)} ${f.source}`);
    }
    lines.push('');
  }
  const { errors, warnings, notes } = report.summary;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`;
  if (report.findings.length === 0) lines.push(`${green('clean', s)}: ${report.file} (${report.kind}): no findings`);
  else lines.push(`${errors ? red('fails', s) : green('passes', s)}: ${report.file} (${report.kind}): ${summary}`);
  return `${lines.join('\n')}\n`;
}

