import { basename, dirname, extname, join } from 'node:path';
import { UserError } from '../errors.js';
import { draftFromTerms, libraryVariants, type DraftResult } from '../engine.js';
import { mark } from './timing.js';
import { parseTerms } from '../terms/parse.js';
import type { Draft } from '../render/draft.js';
import { exportDraft } from '../export/index.js';
import { isSpacecoopDraft } from '../export/markdown.js';
import { checkOutputPath, exists, isStdoutPath, readText, refuseNonTerms, writeAtomic } from './fs.js';
import { loadLibrary } from './library.js';
import { chineseParty } from '../render/view-zh.js';
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
  /** `--lang`: `en`, `zh`, or two of them for a parallel Word or HTML file (`zh,en`). */
  lang?: string;
}

/** The languages that have a text library; others are named in the final clauses only. */
const TEXT_LANGS = ['en', 'zh'] as const;
type TextLang = (typeof TEXT_LANGS)[number];

/** `--lang zh` / `zh,en`: checked against the options before anything is read. */
export function parseLangOption(given: string | undefined, format: string): TextLang[] {
  if (given === undefined) return ['en'];
  const langs = given.split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
  const unknown = langs.filter((l) => !(TEXT_LANGS as readonly string[]).includes(l));
  if (langs.length === 0 || unknown.length) {
    throw new UserError(`--lang ${given}: ${unknown.length ? `no text library for ${unknown.join(', ')}` : 'no language given'}; spacecoop writes the English (en) and Chinese (zh) texts`, {
      hint: 'Other authentic languages are named in the final clauses; the drafting notes list the texts still to be prepared.',
    });
  }
  if (new Set(langs).size !== langs.length) throw new UserError(`--lang ${given}: a language is named twice`);
  if (langs.length > 2) throw new UserError(`--lang ${given}: at most two texts side by side`);
  if (langs.length === 2 && format === 'md') throw new UserError(`--lang ${given}: a Markdown draft holds one text; write each with --lang zh and --lang en, or both side by side with --format docx or html`);
  return langs as TextLang[];
}

/** `agreement.yaml` -> `agreement.zh.md`; `agreement.zh-en.docx` for texts side by side. */
export function defaultOutLang(terms: string, format: string, langs: readonly string[]): string {
  if (langs.length === 1 && langs[0] === 'en') return defaultOut(terms, format);
  const ext = extname(terms);
  return join(dirname(terms), `${basename(terms, ext)}.${langs.join('-')}.${format}`);
}

export function defaultOut(terms: string, format: string): string {
  const ext = extname(terms);
  return join(dirname(terms), `${basename(terms, ext)}.${format}`);
}


export async function runDraft(termsPath: string, opts: DraftOptions): Promise<number> {
  const langs = parseLangOption(opts.lang, opts.format);
  if (langs.length > 1 || langs[0] !== 'en') return runDraftLangs(termsPath, opts, langs);
  const source = readText(termsPath, 'terms file');
  if (isSpacecoopDraft(source)) {
    // `draft agreement.md --format docx`: the user means the draft itself.
    if (opts.format === 'md') throw new UserError(`${termsPath} is a spacecoop draft (Markdown), not a terms file`, { hint: `Draft from the terms file (e.g. spacecoop draft agreement.yaml), or export this draft: spacecoop export ${termsPath} --format docx` });
    const { runExport } = await import('./export.js');
    return runExport(termsPath, { format: opts.format, notes: opts.notes, ...(opts.out ? { out: opts.out } : {}), ...(opts.overwrite ? { overwrite: true } : {}) });
  }
  refuseNonTerms(source, termsPath);
  mark('draft: command loaded');
  const library = loadLibrary(opts.clauses);
  mark('library');
  const alternat = opts.alternat ? alternatHandle(opts.alternat, source, termsPath, library) : undefined;
  const parsed = parseTerms(source, termsPath, { variants: libraryVariants(library) });
  mark('terms parsed');
  const result = draftFromTerms(parsed, library, alternat ? { alternat } : {});
  mark('rendered');
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

  mark('Markdown');
  const code = await writeMarkdownDraft(target, output, result.draft, opts);
  mark('written');
  await printReview(result, termsPath);
  mark('reviewed');
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

/**
 * `draft --lang zh` (and `--lang zh,en` for texts side by side): each language's Markdown draft is
 * its own file (`agreement.zh.md`), regenerated by the same three-way merge, so each keeps its hand
 * edits; Word and HTML are made from those drafts.
 */
async function runDraftLangs(termsPath: string, opts: DraftOptions, langs: TextLang[]): Promise<number> {
  const source = readText(termsPath, 'terms file');
  if (isSpacecoopDraft(source)) throw new UserError(`${termsPath} is a spacecoop draft (Markdown), not a terms file`, { hint: `Draft from the terms file, e.g. spacecoop draft agreement.yaml --lang ${langs.join(',')}` });
  refuseNonTerms(source, termsPath);
  const library = loadLibrary(opts.clauses, { zh: langs.includes('zh') });
  const parsed = parseTerms(source, termsPath, { variants: libraryVariants(library) });
  const authentic = parsed.terms.languages ?? ['en'];
  const notAuthentic = langs.filter((l) => !authentic.includes(l));
  if (notAuthentic.length) {
    throw new UserError(`--lang ${langs.join(',')}: ${notAuthentic.join(', ')} is not among the authentic languages of ${termsPath} (languages: ${authentic.join(', ')})`, {
      hint: `Add ${notAuthentic.join(', ')} to \`languages:\` in ${termsPath} if the instrument is to be concluded in ${notAuthentic.length === 1 ? 'that language' : 'those languages'}.`,
    });
  }
  const { draftFromTerms } = await import('../engine.js');
  const alternatGiven = opts.alternat ? alternatHandle(opts.alternat, source, termsPath, library) : undefined;
  const results = langs.map((lang) => {
    // In China's original, China is named first (the alternat), unless --alternat says otherwise.
    const alternat = alternatGiven ?? (lang === 'zh' ? chineseParty(parsed.terms.parties) : undefined);
    return { lang, result: draftFromTerms(parsed, library, { lang, ...(alternat ? { alternat } : {}) }) };
  });
  const target = opts.out !== undefined && isStdoutPath(opts.out) ? '-' : (opts.out ?? defaultOutLang(termsPath, opts.format, langs));
  if (target !== '-') checkOutputPath(target, opts.format === 'md' ? 'draft' : `${opts.format} file`);
  if (opts.format === 'md') {
    const { result } = results[0]!;
    const output = (await exportDraft(result.draft, 'md', { notes: opts.notes, toc: opts.toc === true })) as string;
    const code = await writeMarkdownDraft(target, output, result.draft, opts);
    // The review of the terms reads the English text; `check` reviews each language's draft.
    await printReview(draftFromTerms(parsed, library), termsPath);
    return code;
  }
  if (opts.draft && langs.length > 1) throw new UserError('--draft: with two languages each Markdown draft sits beside the terms file (agreement.md, agreement.zh.md)');
  const { planOutput, writeOutput } = await import('./guard.js');
  const mdTargets = langs.map((l) => (l === 'en' ? defaultOut(termsPath, 'md') : (opts.draft ?? defaultOutLang(termsPath, 'md', [l]))));
  const plan = target === '-' ? undefined : await planOutput(target, { kind: opts.format, inputs: [termsPath, ...mdTargets], overwrite: Boolean(opts.overwrite) });
  // Every language's draft is regenerated, even when an earlier one has conflicts, so one run leaves
  // each text as current as it can be; the Word or HTML file waits until none has any.
  const conflicted: { file: string; code: number }[] = [];
  for (const [i, { result }] of results.entries()) {
    const markdown = (await exportDraft(result.draft, 'md', { notes: true, toc: opts.toc === true })) as string;
    const code = await writeMarkdownDraft(mdTargets[i]!, markdown, result.draft, opts);
    if (!opts.dryRun && code !== 0) conflicted.push({ file: mdTargets[i]!, code });
  }
  if (conflicted.length) {
    for (const c of conflicted) err(`${c.file} has unresolved merge conflicts; no ${opts.format} file is written while it has any`);
    return Math.max(...conflicted.map((c) => c.code));
  }
  await printReview(results.find((r) => r.lang === 'en')?.result ?? draftFromTerms(parsed, library), termsPath);
  if (opts.dryRun) return 0;
  let data: string | Uint8Array;
  if (langs.length === 1) {
    const { exportMarkdown } = await import('../export/index.js');
    data = await exportMarkdown(readText(mdTargets[0]!, 'draft'), opts.format, { notes: opts.notes, file: mdTargets[0]! });
  } else {
    const { exportParallel } = await import('../export/parallel.js');
    data = await exportParallel(langs.map((lang, i) => ({ lang, markdown: readText(mdTargets[i]!, 'draft'), file: mdTargets[i]! })), opts.format, { notes: opts.notes });
  }
  if (!plan) out(data);
  else {
    const backup = writeOutput(plan, data);
    if (backup) err(`${dim('backup')} ${backup}: the file as it was`);
    err(`${green('wrote')} ${target}: from ${mdTargets.join(' and ')}${opts.notes ? '' : ', without the drafting notes'}`);
  }
  return 0;
}
