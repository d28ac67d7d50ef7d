import { lstatSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { UserError } from '../errors.js';
import { draftFromTermsText, libraryVariants, type DraftResult } from '../engine.js';
import { parseTerms } from '../terms/parse.js';
import type { Draft } from '../render/draft.js';
import { exportDraft } from '../export/index.js';
import { isSpacecoopDraft } from '../export/markdown.js';
import { checkOutputPath, exists, isStdoutPath, readBytes, readTermsText, readText, writeAtomic } from './fs.js';
import { loadLibrary } from './library.js';
import { bold, dim, err, green, out, red, yellow } from './output.js';

export interface DraftOptions {
  out?: string;
  format: 'md' | 'docx' | 'html';
  only?: string;
  dryRun?: boolean;
  force?: boolean;
  notes: boolean;
  alternat?: string;
  clauses?: string;
}

export function defaultOut(terms: string, format: string): string {
  const ext = extname(terms);
  return join(dirname(terms), `${basename(terms, ext)}.${format}`);
}


export async function runDraft(termsPath: string, opts: DraftOptions): Promise<number> {
  const library = loadLibrary(opts.clauses);
  const source = readTermsText(termsPath);
  const alternat = opts.alternat ? alternatHandle(opts.alternat, source, termsPath, library) : undefined;
  const result = draftFromTermsText(source, termsPath, library, alternat ? { alternat } : {});
  if (alternat && !result.terms.parties.some((p) => p.id === alternat)) {
    throw new UserError(`--alternat ${opts.alternat}: not a party in ${termsPath} (parties: ${result.terms.parties.map((p) => `${p.id}${p.shortName ? ` (${p.shortName})` : ''}`).join(', ')})`);
  }
  const target = opts.out !== undefined && isStdoutPath(opts.out) ? '-' : (opts.out ?? defaultOut(termsPath, opts.format));
  if (target !== '-') checkOutputPath(target, opts.format === 'md' ? 'draft' : `${opts.format} file`);
  const mergeFlags = (['only', 'dryRun', 'force'] as const).filter((k) => opts[k]);
  const flagName = (k: string) => `--${k === 'dryRun' ? 'dry-run' : k}`;
  if (mergeFlags.length && (target === '-' || opts.format !== 'md')) {
    throw new UserError(`${mergeFlags.map(flagName).join(', ')}: only with a Markdown draft file (--out FILE, --format md)`, {
      hint: 'They regenerate an existing draft in place and keep your edits.',
    });
  }
  if (opts.format !== 'md') await refuseConflicts(defaultOut(termsPath, 'md'), opts.format);
  const output = await exportDraft(result.draft, opts.format, { notes: opts.notes });

  if (opts.format !== 'md' || typeof output !== 'string') {
    if (target === '-') out(output);
    else {
      refuseForeign(target, opts.format);
      writeAtomic(target, output);
      err(`${green('wrote')} ${target}`);
    }
    await printReview(result, termsPath);
    return 0;
  }

  const code = await writeMarkdownDraft(target, output, result.draft, opts);
  await printReview(result, termsPath);
  return code;
}

/**
 * Writes a Markdown draft where the user asked: stdout, a new file, or over a draft spacecoop wrote
 * before by three-way merge, so hand edits survive. Shared by `draft` and `new`.
 */
export async function writeMarkdownDraft(target: string, output: string, draft: Draft, opts: Pick<DraftOptions, 'only' | 'dryRun' | 'force'>): Promise<number> {
  const { freshDraft } = await import('../draftfile/fresh.js');
  const openPoints = draft.notes.openPoints.length;
  const points = openPoints ? `, ${yellow(`${openPoints} open point${openPoints === 1 ? '' : 's'}`)} (see the drafting notes)` : '';
  if (target === '-') {
    out(freshDraft(output));
    if (openPoints) err(dim(`${openPoints} open points: see the drafting notes`));
    return 0;
  }
  if (!exists(target)) {
    if (opts.only) throw new UserError(`--only: ${target} does not exist yet; draft it whole first`);
    if (opts.dryRun) {
      err(`would write ${target}: ${draft.articles.length} articles (new draft)`);
      return 0;
    }
    writeAtomic(target, freshDraft(output));
    err(`${green('wrote')} ${target}: ${draft.articles.length} articles${points}`);
    return 0;
  }

  checkOutputPath(target, 'draft');
  const existing = readText(target, 'draft');
  if (!isSpacecoopDraft(existing)) {
    throw new UserError(`${target} exists and was not written by spacecoop; it is left unchanged`, {
      hint: 'Choose another --out file, or move the existing one away.',
    });
  }
  const { mergeDraft } = await import('../draftfile/merge.js');
  const { checkOnly, summarizeMerge } = await import('../draftfile/summary.js');
  const only = opts.only ? checkOnly(opts.only, existing, output) : undefined;
  const merged = mergeDraft(existing, output, { ...(only ? { only } : {}), force: Boolean(opts.force), file: target });
  const conflicts = merged.report.conflicts.length;

  const summary = () => {
    for (const line of summarizeMerge(merged.report)) err(`  ${line.startsWith('conflicts') && conflicts ? red(line) : line.startsWith('note:') ? yellow(line) : line}`);
  };
  if (opts.dryRun) {
    err(`${bold('dry run')}: regenerating ${target} would change it as follows; nothing was written`);
    summary();
    return conflicts ? 1 : 0;
  }
  if (opts.force && merged.text !== existing) {
    const backup = backupPath(target);
    writeAtomic(backup, existing);
    err(`${dim('backup')} ${backup}: the draft as it was, with your edits`);
  }
  if (merged.text !== existing) writeAtomic(target, merged.text);
  err(merged.text !== existing ? `${green('regenerated')} ${target}: ${merged.report.changes.filter((c) => c.article !== undefined).length} articles${opts.only ? ` (only ${only!.join(', ')})` : ''}` : `${target} is up to date`);
  summary();
  if (openPoints) err(`${openPoints} open point${openPoints === 1 ? '' : 's'} (see the drafting notes)`);
  if (conflicts) {
    err(`${red('conflicts')}: resolve each ${bold('<<<<<<<')} … ${bold('>>>>>>>')} block in ${target} (keep one version, delete the markers), then run spacecoop check ${target}`);
    return 1;
  }
  return 0;
}

/** The review's error and warning count, with the hint to run `check`; diagnostics go to stderr. */
async function printReview(result: DraftResult, termsPath: string): Promise<void> {
  const { reviewTerms, summarizeFindings } = await import('../review/index.js');
  const hint = summarizeFindings(reviewTerms(result.terms, result.draft, { plan: result.plan }), termsPath);
  if (hint) err(yellow(hint));
}

/** Word and HTML files spacecoop wrote name it as their generator; any other file is the user's. */
function refuseForeign(target: string, format: string): void {
  // A symbolic link is refused by writeAtomic, with its own message; never read through it here.
  if (!exists(target) || lstatSync(target).isSymbolicLink()) return;
  const marker = format === 'docx' ? '<dc:creator>spacecoop</dc:creator>' : '<meta name="generator" content="spacecoop">';
  const text = format === 'docx' ? readDocxCore(target) : readText(target);
  if (!text.includes(marker)) {
    throw new UserError(`${target} exists and was not written by spacecoop; it is left unchanged`, { hint: 'Choose another --out file, or move the existing one away.' });
  }
}

/** The core properties part of a .docx (a zip), where Word keeps the document's creator. */
function readDocxCore(path: string): string {
  const zip = readBytes(path, 'Word file');
  const name = Buffer.from('docProps/core.xml');
  const at = zip.indexOf(name);
  if (at < 0) return '';
  // Local file header: the data follows the name and the extra field; core.xml is small and stored
  // deflated by docx, so look for the creator in the inflated data.
  const header = at - 30;
  if (header < 0 || zip.readUInt32LE(header) !== 0x04034b50) return '';
  const method = zip.readUInt16LE(header + 8);
  const size = zip.readUInt32LE(header + 18);
  const start = at + name.length + zip.readUInt16LE(header + 28);
  const data = zip.subarray(start, start + size);
  try {
    return method === 8 ? inflateRawSync(data).toString('utf8') : data.toString('utf8');
  } catch {
    return '';
  }
}

/** A backup that never replaces an earlier one: `<file>.bak`, then `<file>.1.bak`, ... */
function backupPath(target: string): string {
  if (!exists(`${target}.bak`)) return `${target}.bak`;
  for (let i = 1; ; i++) if (!exists(`${target}.${i}.bak`)) return `${target}.${i}.bak`;
}

/** A draft with unresolved merge conflicts must not go out as Word or HTML. */
async function refuseConflicts(mdDraft: string, format: string): Promise<void> {
  if (!exists(mdDraft)) return;
  const text = readText(mdDraft, 'draft');
  if (!isSpacecoopDraft(text)) return;
  const { findConflicts } = await import('../draftfile/conflicts.js');
  const conflicts = findConflicts(text);
  if (!conflicts.length) return;
  throw new UserError(`${mdDraft} has ${conflicts.length} unresolved merge conflict${conflicts.length === 1 ? '' : 's'}; no ${format} file is written`, {
    exitCode: 1,
    problems: conflicts.map((c) => ({ file: mdDraft, line: c.line, message: `conflict in ${c.article ? `Article ${c.article}` : c.clauseId || 'the title and contents'}` })),
    hint: 'Keep one version of each <<<<<<< … >>>>>>> block and delete the markers, then export again.',
  });
}

/** `--alternat` names a party by its handle, or by its short name or name in any case (CNSA, cnsa). */
function alternatHandle(given: string, source: string, termsPath: string, library: ReturnType<typeof loadLibrary>): string {
  let parties: { id: string; name: string; shortName?: string | undefined }[];
  try {
    parties = parseTerms(source, termsPath, { variants: libraryVariants(library) }).terms.parties;
  } catch {
    return given; // the draft reports the terms file's problems
  }
  if (parties.some((p) => p.id === given)) return given;
  const k = (s: string) => s.trim().toLowerCase();
  return parties.find((p) => k(p.shortName ?? '') === k(given) || k(p.name) === k(given))?.id ?? given;
}
