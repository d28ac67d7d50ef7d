import { isSpacecoopDraft } from '../export/markdown.js';
import { countFindings, reviewDraftText, reviewTermsText, type Finding } from '../review/index.js';
import { readText, textKind } from './fs.js';
import { UserError } from '../errors.js';
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
  let kind: CheckReport['kind'];
  let findings: Finding[];
  if (isSpacecoopDraft(text)) {
    kind = 'draft';
    findings = reviewDraftText(text, file, { knownTerms: [...library.definitions.values()].map((d) => d.term) });
  } else {
    const other = textKind(text, file);
    if (other) throw new UserError(`${file}: is ${other}; check reviews a terms file (YAML) or a draft spacecoop wrote`);
    kind = 'terms';
    findings = reviewTermsText(text, file, library);
  }
  const n = countFindings(findings);
  const report: CheckReport = { file, kind, summary: { errors: n.error, warnings: n.warning, notes: n.note }, findings };
  out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return n.error > 0 ? 1 : 0;
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

