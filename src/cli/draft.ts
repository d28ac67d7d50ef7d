import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { draftFromTermsText, libraryVariants, type DraftResult } from '../engine.js';
import { parseTerms } from '../terms/parse.js';
import type { Draft } from '../render/draft.js';
import { exportDraft } from '../export/index.js';
import { isSpacecoopDraft } from '../export/markdown.js';
import { checkOutputPath, exists, isStdoutPath, readText, refuseNonTerms, writeAtomic } from './fs.js';
import { loadLibrary } from './library.js';
import { bold, dim, err, green, out, red, yellow } from './output.js';

export interface DraftOptions {
  out?: string;
  format: 'md' | 'docx' | 'html';
  only?: string;
  dryRun?: boolean;
  force?: boolean;
  notes: boolean;
  /** Add a contents list (`--toc`); treaty texts carry none by default. */
  toc?: boolean;
  alternat?: string;
  clauses?: string;
  /** With --format docx|html: the Markdown draft to regenerate and export from (default: beside the terms). */
  draft?: string;
  overwrite?: boolean;
}

export function defaultOut(terms: string, format: string): string {
  const ext = extname(terms);
  return join(dirname(terms), `${basename(terms, ext)}.${format}`);
}


export async function runDraft(termsPath: string, opts: DraftOptions): Promise<number> {
  const source = readText(termsPath, 'terms file');
  if (isSpacecoopDraft(source)) {
    // `draft agreement.md --format docx`: the user means the draft itself.
    if (opts.format === 'md') throw new UserError(`${termsPath} is a spacecoop draft (Markdown), not a terms file`, { hint: `Draft from the terms file (e.g. spacecoop draft agreement.yaml), or export this draft: spacecoop export ${termsPath} --format docx` });
    const { runExport } = await import('./export.js');
    return runExport(termsPath, { format: opts.format, notes: opts.notes, ...(opts.out ? { out: opts.out } : {}), ...(opts.overwrite ? { overwrite: true } : {}) });
  }
  refuseNonTerms(source, termsPath);
  const library = loadLibrary(opts.clauses);
  const alternat = opts.alternat ? alternatHandle(opts.alternat, source, termsPath, library) : undefined;
  const result = draftFromTermsText(source, termsPath, library, alternat ? { alternat } : {});
  if (alternat && !result.terms.parties.some((p) => p.id === alternat)) {
    throw new UserError(`--alternat ${opts.alternat}: not a party in ${termsPath} (parties: ${result.terms.parties.map((p) => `${p.id}${p.shortName ? ` (${p.shortName})` : ''}`).join(', ')})`);
  }
  const target = opts.out !== undefined && isStdoutPath(opts.out) ? '-' : (opts.out ?? defaultOut(termsPath, opts.format));
  if (target !== '-') checkOutputPath(target, opts.format === 'md' ? 'draft' : `${opts.format} file`);
  const mergeFlags = (['only', 'dryRun', 'force'] as const).filter((k) => opts[k]);
  const flagName = (k: string) => `--${k === 'dryRun' ? 'dry-run' : k}`;
  if (mergeFlags.length && opts.format === 'md' && target === '-') {
    throw new UserError(`${mergeFlags.map(flagName).join(', ')}: only with a Markdown draft file, not with --out -`, {
      hint: 'They regenerate an existing draft in place and keep your edits.',
    });
  }
  if (opts.draft && opts.format === 'md') throw new UserError('--draft: only with --format docx or html (it names the Markdown draft to regenerate and export from); use --out for the Markdown draft');
  if (opts.overwrite && opts.format === 'md') throw new UserError('--overwrite: only with --format docx or html; a Markdown draft is regenerated keeping your edits, or replaced with --force');

  if (opts.format !== 'md') {
    // Word and HTML come from the Markdown draft, regenerated first, so the formats never disagree.
    const mdTarget = opts.draft ?? defaultOut(termsPath, 'md');
    if (mdTarget === '-') throw new UserError('--draft -: the Markdown draft must be a file');
    const { planOutput } = await import('./guard.js');
    // Every guard before anything is written.
    const plan = target === '-' ? undefined : await planOutput(target, { kind: opts.format, inputs: [termsPath, mdTarget], overwrite: Boolean(opts.overwrite) });
    const markdown = (await exportDraft(result.draft, 'md', { notes: true, toc: opts.toc === true })) as string;
    const code = await writeMarkdownDraft(mdTarget, markdown, result.draft, opts);
    await printReview(result, termsPath);
    if (opts.dryRun) return code;
    if (code !== 0) {
      const { findConflicts } = await import('../draftfile/conflicts.js');
      const n = exists(mdTarget) ? findConflicts(readText(mdTarget, 'draft')).length : 0;
      err(`${mdTarget} has ${n} unresolved merge conflict${n === 1 ? '' : 's'}; no ${opts.format} file is written while it has any`);
      return code;
    }
    const { exportMarkdown } = await import('../export/index.js');
    const data = await exportMarkdown(readText(mdTarget, 'draft'), opts.format, { notes: opts.notes, file: mdTarget });
    if (!plan) out(data);
    else {
      const { writeOutput } = await import('./guard.js');
      const backup = writeOutput(plan, data);
      if (backup) err(`${dim('backup')} ${backup}: the file as it was`);
      err(`${green('wrote')} ${target}: from ${mdTarget}${opts.notes ? '' : ', without the drafting notes'}`);
    }
    return 0;
  }
  const output = await exportDraft(result.draft, opts.format, { notes: opts.notes, toc: opts.toc === true });
  if (typeof output !== 'string') throw new Error('a Markdown draft is text');

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
    if (openPoints) err(dim(`${openPoints} open point${openPoints === 1 ? '' : 's'}: see the drafting notes`));
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


/** A backup that never replaces an earlier one: `<file>.bak`, then `<file>.1.bak`, ... */
function backupPath(target: string): string {
  if (!exists(`${target}.bak`)) return `${target}.bak`;
  for (let i = 1; ; i++) if (!exists(`${target}.${i}.bak`)) return `${target}.${i}.bak`;
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
