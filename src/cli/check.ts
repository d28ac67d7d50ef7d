import { readFileSync, statSync, type Stats } from 'node:fs';
import { isUserError, UserError } from '../errors.js';
import { countFindings, reviewDraftText, reviewTermsText, type Finding } from '../review/index.js';
import { classifyText, reviewForeignText, sniffBytes, type ForeignReview } from '../review/foreign/index.js';
import { textKind } from './fs.js';
import { loadLibrary } from './library.js';
import { bold, dim, green, out, red, yellow } from './output.js';
import { draftLanguage } from '../export/markdown.js';

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

/** `check --json` on a text spacecoop did not write (documented in README, "Checking the other side's text"). */
export interface TextCheckReport {
  file: string;
  kind: 'text';
  structure: ForeignReview['structure'];
  title: string;
  scorecard: ForeignReview['scorecard'];
  character: ForeignReview['character'];
  summary: { missing: number; vague: number; specific: number; errors: number; warnings: number; notes: number };
  findings: Finding[];
  notJudged: string[];
}

/** An agreement text larger than this is refused: a long treaty is a few hundred kilobytes. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/**
 * Reviews a terms file, a spacecoop draft, or any other agreement text (told apart by the draft's
 * marker and the terms' keys). Exit 1 on an error finding, or a missing Section 4.4 provision in
 * a binding text; 2 when the file cannot be read as text.
 */
export async function runCheck(file: string, opts: CheckOptions): Promise<number> {
  const text = await readInput(file);
  // Markup is not an agreement's text: the article and paragraph splitting would read tags as words.
  const markup = textKind(text);
  if (markup === 'an HTML document' || markup === 'an XML document') {
    throw new UserError(`${file}: is ${markup}; check reads a terms file, a draft, or an agreement as Markdown, plain text or Word`, {
      hint: 'Save the text as plain text or Word (.docx), then check that file.',
    });
  }
  const library = loadLibrary(opts.clauses);
  const kind = classifyText(text, file);
  if (kind === 'text') return checkText(file, text, library, opts);
  let findings: Finding[];
  // A Chinese draft: named agreement.zh.md, or any draft whose articles are 第N条 and none "Article N".
  if (kind === 'draft' && (/\.zh\.md$/i.test(file) || draftLanguage(text) === 'zh')) {
    // The Chinese authentic text: its own rules, and the pair rules when the English text is beside it.
    const [{ reviewChineseDraftFile }, { sortFindings }] = await Promise.all([import('../review/rules/chinese.js'), import('../review/index.js')]);
    const enFile = file.replace(/\.zh\.md$/i, '.md');
    const en = enFile !== file && statSync(enFile, { throwIfNoEntry: false })?.isFile() ? { text: readFileSync(enFile, 'utf8'), file: enFile } : undefined;
    findings = sortFindings(reviewChineseDraftFile(text, file, en));
  } else if (kind === 'draft') {
    const definitions = [...library.definitions.values()];
    findings = reviewDraftText(text, file, { knownTerms: definitions.map((d) => d.term), contractTerms: definitions.filter((d) => d.meta.only === 'contract').map((d) => d.term) });
  } else {
    findings = reviewTermsText(text, file, library);
  }
  const n = countFindings(findings);
  const report: CheckReport = { file, kind, summary: { errors: n.error, warnings: n.warning, notes: n.note }, findings };
  out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return n.error > 0 ? 1 : 0;
}

const KIND_OF_FILE = (st: Stats) =>
  st.isFIFO() ? 'a named pipe' : st.isSocket() ? 'a socket' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : 'not a regular file';

/**
 * The file's text, or a UserError (exit 2) that says what the file is instead. Never blocks on a
 * pipe or device. A Word document is read with the project's Word reader and given as text.
 */
async function readInput(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserError(`${file}: is a folder, not a file to check`);
    if (!st.isFile()) throw new UserError(`${file}: is ${KIND_OF_FILE(st)}; check reads a terms file, a draft or an agreement text saved as a file`);
    if (st.size > MAX_TEXT_BYTES) throw new UserError(`${file}: ${Math.ceil(st.size / 1024 / 1024)} MiB is larger than an agreement text (the limit is ${MAX_TEXT_BYTES / 1024 / 1024} MiB)`);
    bytes = readFileSync(file);
  } catch (e) {
    if (isUserError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${file}: no such file`);
    throw new UserError(`${file}: cannot read (${code ?? (e as Error).message})`);
  }
  const sniffed = sniffBytes(bytes);
  if (sniffed.kind === 'docx') {
    const [{ readDocx }, { textOfDocx }] = await Promise.all([import('../wordfile/index.js'), import('../review/foreign/docx.js')]);
    return textOfDocx(readDocx(bytes, file));
  }
  if (sniffed.kind === 'unreadable') throw new UserError(`${file}: cannot be checked: it is ${sniffed.what}`, { hint: sniffed.hint });
  return sniffed.text;
}

function checkText(file: string, text: string, library: ReturnType<typeof loadLibrary>, opts: CheckOptions): number {
  if (text.trim() === '') throw new UserError(`${file}: is empty; there is no text to check`);
  // The scorecard reads English: a Chinese text would score "missing" on every provision, which says nothing.
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (han > 200 && han > latin) {
    throw new UserError(`${file}: is a text in Chinese; the Section 4.4 scorecard of another side's text reads English texts only`, {
      hint: 'Check the English text of the same instrument; a Chinese draft spacecoop wrote (with its markers) is checked with its voice and pair rules.',
    });
  }
  const review = reviewForeignText(text, library);
  const n = countFindings(review.findings);
  const count = (s: string) => review.scorecard.filter((e) => e.status === s).length;
  const report: TextCheckReport = {
    file,
    kind: 'text',
    structure: review.structure,
    title: review.title,
    scorecard: review.scorecard,
    character: review.character,
    summary: { missing: count('missing'), vague: count('vague'), specific: count('specific'), errors: n.error, warnings: n.warning, notes: n.note },
    findings: review.findings,
    notJudged: review.notJudged,
  };
  out(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatTextReport(report));
  return n.error > 0 || (review.character.binding && report.summary.missing > 0) ? 1 : 0;
}

const SEVERITIES: Finding['severity'][] = ['error', 'warning', 'note'];
const HEADINGS = { error: 'Errors', warning: 'Warnings', note: 'Notes' } as const;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function formatFindings(findings: readonly Finding[], file: string): string[] {
  const s = process.stdout;
  const paint = { error: (x: string) => red(x, s), warning: (x: string) => yellow(x, s), note: (x: string) => dim(x, s) };
  const lines: string[] = [];
  for (const severity of SEVERITIES) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(bold(`${HEADINGS[severity]} (${group.length})`, s));
    for (const f of group) {
      const place = f.line !== undefined ? `${file}:${f.line}` : file;
      lines.push(`${paint[severity](severity)} ${place}${f.where && !f.message.startsWith(f.where) ? ` ${f.where}` : ''} ${dim(`[${f.rule}]`, s)}`);
      lines.push(`  ${f.message}`);
      lines.push(`  ${dim('fix:', s)} ${f.fix}`);
      lines.push(`  ${dim('source:', s)} ${f.source}`);
    }
    lines.push('');
  }
  return lines;
}

export function formatReport(report: CheckReport): string {
  const s = process.stdout;
  const lines = formatFindings(report.findings, report.file);
  const { errors, warnings, notes } = report.summary;
  const summary = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`;
  if (report.findings.length === 0) lines.push(`${green('clean', s)}: ${report.file} (${report.kind}): no findings`);
  else lines.push(`${errors ? red('fails', s) : green('passes', s)}: ${report.file} (${report.kind}): ${summary}`);
  return `${lines.join('\n')}\n`;
}

const STRUCTURE_WORDS: Record<ForeignReview['structure']['found'], string> = {
  'article lines': 'by its "Article N" lines',
  headings: 'by its headings',
  'numbered titles': 'by its numbered section titles',
  none: 'as one part (no headings or "Article N" lines found)',
};

/** The screen a treaty officer reads: the scorecard first, then the character, the findings, and what the words cannot settle. */
export function formatTextReport(r: TextCheckReport): string {
  const s = process.stdout;
  const c = r.character;
  const paintStatus = { missing: (x: string) => red(x, s), vague: (x: string) => yellow(x, s), specific: (x: string) => green(x, s) };
  const lines: string[] = [];
  lines.push(`${r.file}: read as an agreement text (no spacecoop draft marker, not a terms file), ${plural(r.structure.articles, 'part')} ${STRUCTURE_WORDS[r.structure.found]}`);
  if (r.title) lines.push(dim(r.title, s));
  lines.push('');
  lines.push(bold('Section 4.4 scorecard', s));
  for (const e of r.scorecard) {
    lines.push(`${paintStatus[e.status](e.status.padEnd(8))}  ${e.name}${e.article ? ` — ${e.article}` : ''}${e.line !== null && !e.article?.startsWith('line ') ? dim(` (line ${e.line})`, s) : ''}`);
    if (e.evidence) lines.push(`          “${e.evidence.length > 240 ? `${e.evidence.slice(0, 237)}...` : e.evidence}”`);
    if (e.status !== 'specific') {
      if (e.lacks.length) lines.push(`          ${dim('lacks:', s)} ${e.lacks.join('; ')}`);
      lines.push(`          ${dim('to be specific:', s)} ${e.specificWhen}`);
      if (e.suggest) {
        if (e.suggest.clauses.length) lines.push(`          ${dim('clauses:', s)} ${e.suggest.clauses.map((x) => x.id).join(', ')} ${dim('(spacecoop clauses show ID)', s)}`);
        lines.push(`          ${dim('decided by:', s)} ${e.suggest.fields.join(', ')}`);
      }
    }
  }
  lines.push('');
  lines.push(bold('The instrument as its text shows it', s));
  lines.push(`  form: ${c.calls ? `${c.calls} (${c.binding ? 'binding' : 'not binding'} by its title)` : `not named in the title; ${c.binding ? 'binding' : 'not binding'} by its voice`}`);
  lines.push(`  voice: reads ${c.voice.reads} (“shall” ${c.voice.shall}, “will” ${c.voice.will}, “intend” ${c.voice.intend}; “Parties” ${c.voice.parties}, “Participants” ${c.voice.participants})`);
  lines.push(`  parties: ${c.parties.length ? c.parties.map((p) => `${p.name} (${p.type === 'unknown' ? 'type not clear from the name' : p.type})`).join('; ') : 'not found in the title or the first lines'}`);
  lines.push(`  takes effect: ${c.entryIntoForce ? `${c.entryIntoForce.article}: “${c.entryIntoForce.evidence}”` : 'no clause says when'}`);
  for (const m of c.mismatches) lines.push(`  ${yellow('mismatch:', s)} ${m}`);
  lines.push('');
  lines.push(...formatFindings(r.findings, r.file));
  lines.push(bold('Not judged from the text alone', s));
  for (const x of r.notJudged) lines.push(`  - ${x}`);
  lines.push('');
  const { missing, vague, specific, errors, warnings, notes } = r.summary;
  const failed = errors > 0 || (c.binding && missing > 0);
  lines.push(
    `${failed ? red('fails', s) : green('passes', s)}: ${r.file} (text): ${missing} missing, ${vague} vague, ${specific} specific; ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}`,
  );
  return `${lines.join('\n')}\n`;
}
