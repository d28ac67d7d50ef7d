import { rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { draftFromTermsText, libraryVariants } from '../engine.js';
import { isUserError, UserError } from '../errors.js';
import { isSpacecoopDraft, renderMarkdown } from '../export/markdown.js';
import {
  BUILTIN_VARIANTS,
  changedPaths,
  InterviewCancelled,
  isPromptCancelled,
  parseResume,
  renderResume,
  renderTermsYaml,
  resumePathFor,
  runInterview,
  type Ask,
  type Say,
  type SayKind,
  type TermsFileBase,
  type Topic,
  type VariantChoice,
} from '../interview/index.js';
import type { Library } from '../library/library.js';
import { formatPath, parseTerms } from '../terms/parse.js';
import { defaultOut, writeMarkdownDraft } from './draft.js';
import { checkOutputPath, exists, isStdoutPath, readTermsText, readText, writeAtomic } from './fs.js';
import { loadLibrary, PACKAGE_ROOT } from './library.js';
import { chineseParty } from '../render/view-zh.js';
import { bold, dim, err, green, yellow } from './output.js';

export interface NewOptions {
  terms: string;
  out: string;
  clauses?: string;
  /** How the user started this, for "run ... again to resume" (`npm start` says so). */
  command?: string;
}

/** What a test replaces: the prompts, where interview text goes, and whether there is a terminal. */
export interface NewDeps {
  ask?: Ask;
  say?: Say;
  interactive?: boolean;
}

/** Shows the terminal's cursor again (DECTCEM), which a prompt hides while it waits. */
const SHOW_CURSOR = '\u001b[?25h';

/** Exit code after Ctrl+C, as shells report an interrupted command (128 + SIGINT). */
export const CANCELLED = 130;

export async function runNew(opts: NewOptions, deps: NewDeps = {}): Promise<number> {
  const interactive = deps.interactive ?? Boolean(process.stdin.isTTY);
  if (!interactive) {
    throw new UserError('`spacecoop new` asks its questions in a terminal, and stdin is not one', {
      hint: 'Without a terminal, write a terms file (see examples/ and `spacecoop schema`) and run `spacecoop draft TERMS`.',
    });
  }
  const command = opts.command ?? commandLine(opts);
  const library = loadLibrary(opts.clauses);
  const variantNames = libraryVariants(library);

  // Refuse before the first question, not after the last: every path the interview will write.
  if (isStdoutPath(opts.out)) throw new UserError('`spacecoop new` writes the draft to a file; --out - (standard output) is for `spacecoop draft`');
  checkOutputPath(opts.terms, 'terms file');
  checkOutputPath(opts.out, 'draft');
  checkOutputPath(resumePathFor(opts.terms), 'file of kept answers');
  if (exists(opts.out) && !isSpacecoopDraft(readText(opts.out, 'draft'))) {
    throw new UserError(`${opts.out} exists and was not written by spacecoop; it is left unchanged`, { hint: 'Choose another --out file, or move the existing one away.' });
  }
  let base: TermsFileBase | undefined;
  if (exists(opts.terms)) {
    const text = readTermsText(opts.terms);
    try {
      base = { text, terms: parseTerms(text, opts.terms, { variants: variantNames }).terms };
    } catch (e) {
      if (isUserError(e)) {
        throw new UserError(e.message, {
          problems: [...e.problems],
          hint: `The interview starts from ${opts.terms}; fix it first, or give another file with --terms to start afresh.`,
        });
      }
      throw e;
    }
  }

  const say = deps.say ?? sayToTerminal;
  const ask = deps.ask ?? (await (await import('../interview/prompt.js')).loadAsk());
  const resumePath = resumePathFor(opts.terms);

  say('spacecoop new: a first-pass draft from your answers. Enter accepts the answer shown; Ctrl+C stops at any time.', 'text');
  if (base) say(`Answers are taken from ${opts.terms}: Enter keeps each one, and only what you change is changed.`, 'text');

  let start = base?.terms as Record<string, unknown> | undefined;
  try {
    if (exists(resumePath)) {
      const kept = parseResume(readText(resumePath));
      if (!kept) say(`${resumePath} is not a file of kept answers; it is ignored, and replaced if you stop again.`, 'warning');
      else if (await ask({ id: 'resume', kind: 'confirm', message: `Resume from the answers kept in ${resumePath}?`, default: true })) start = kept;
    }
  } catch (e) {
    if (isPromptCancelled(e)) return stopped(0);
    throw e;
  }

  let terms: Record<string, unknown>;
  const progress: { state?: Record<string, unknown>; answered: number } = { answered: 0 };
  const guard = deps.ask === undefined ? guardTerminal(progress) : undefined;
  try {
    ({ terms } = await runInterview({ ask, say }, { ...(start ? { start } : {}), prefilled: Boolean(base), variants: variantChoices(library), review: true, progress }));
  } catch (e) {
    if (e instanceof InterviewCancelled) return await cancelled(e);
    throw e;
  } finally {
    guard?.release();
  }

  const text = renderTermsYaml(terms, { ...(base ? { base } : {}), ...schemaRefFor(opts.terms), fileName: basename(opts.terms) });
  // The same engine as `spacecoop draft`: the file just written is the file that is drafted.
  const result = draftFromTermsText(text, opts.terms, library);
  const markdown = renderMarkdown(result.draft, { notes: true });
  writeAtomic(opts.terms, text);
  rmSync(resumePath, { force: true });

  if (!base) err(`${green('wrote')} ${opts.terms}: the terms, one answer per field`);
  else if (text === base.text) err(`${opts.terms}: unchanged`);
  else {
    const changed = changedPaths(base.terms, result.parsed.terms).map(formatPath);
    err(`${green('updated')} ${opts.terms}: ${changed.length} field${changed.length === 1 ? '' : 's'} changed (${changed.join(', ')})`);
  }
  // The same write path as `spacecoop draft`: an existing draft is regenerated by three-way merge,
  // so a second round of questions never loses the hand edits made since the first.
  let code: number;
  try {
    code = await writeMarkdownDraft(opts.out, markdown, result.draft, {});
  } catch (e) {
    // The terms file is written by now: never let a message say that nothing was.
    if (isUserError(e)) {
      throw new UserError(`${e.message.replace(/, so nothing was written$/, '')}; ${opts.terms} was written, the draft was not`, {
        exitCode: e.exitCode,
        problems: [...e.problems],
        hint: `Fix that, then run \`spacecoop draft ${opts.terms} --out ${opts.out}\` to write the draft from the terms file.`,
      });
    }
    throw e;
  }
  const points = result.draft.notes.openPoints;
  for (const p of points) err(`  - ${p.label} (${p.path})${p.where.length ? `: ${p.where.join(', ')}` : ''}`);
  code = Math.max(code, await keepChineseInStep(result.parsed));
  const redraft = `spacecoop draft ${opts.terms}${resolve(defaultOut(opts.terms, 'md')) === resolve(opts.out) ? '' : ` --out ${opts.out}`}`;
  err(dim(`Next: edit ${opts.terms} and run \`${redraft}\`; or run \`${command}\` again to change answers.`));
  return code;

  /**
   * When Chinese is an authentic language: a Chinese draft beside the English one
   * (`agreement.zh.md`) is regenerated from the new answers by the same merge, keeping its hand
   * edits, so the two texts never drift apart; without one, the way to write it is said.
   */
  async function keepChineseInStep(parsed: typeof result.parsed): Promise<number> {
    if (!(parsed.terms.languages ?? []).includes('zh') || !/\.md$/i.test(opts.out)) return 0;
    const zhOut = opts.out.replace(/\.md$/i, '.zh.md');
    if (!exists(zhOut)) {
      err(dim(`The Chinese text: \`spacecoop draft ${opts.terms} --lang zh${resolve(defaultOut(opts.terms, 'md')) === resolve(opts.out) ? '' : ` --out ${zhOut}`}\`.`));
      return 0;
    }
    const { draftFromTerms } = await import('../engine.js');
    const zhLibrary = loadLibrary(opts.clauses, { zh: true });
    const china = chineseParty(parsed.terms.parties);
    const zh = draftFromTerms(parsed, zhLibrary, { lang: 'zh', ...(china ? { alternat: china } : {}) });
    return writeMarkdownDraft(zhOut, renderMarkdown(zh.draft, { notes: true }), zh.draft, {});
  }

  /**
   * While questions are asked in a terminal: SIGTERM or SIGHUP (a closed window, a logout, `kill`)
   * puts the terminal back as it was (cooked mode, cursor shown), keeps the answers given so far in
   * the resume file, says so and exits 128 + the signal's number. Input that ends (Ctrl+D, a closed
   * pipe) leaves a prompt that can never be answered: the process would end silently with 0, so it
   * is caught as it is about to, and treated the same way.
   */
  function guardTerminal(p: typeof progress): { release: () => void } {
    const keepAnswers = (why: string): void => {
      if (process.stdin.isTTY) {
        try {
          process.stdin.setRawMode(false);
        } catch {
          // the terminal is gone
        }
      }
      if (process.stdout.isTTY) process.stdout.write(SHOW_CURSOR);
      if (p.state && p.answered > 0) {
        try {
          writeAtomic(resumePath, renderResume(p.state, command));
          err(`\nStopped: ${why}. ${opts.terms} and ${opts.out} were not written; your answers so far are in ${resumePath}. Run \`${command}\` to resume.`);
          return;
        } catch {
          // fall through: say that nothing was kept
        }
      }
      err(`\nStopped: ${why}. Nothing was written.`);
    };
    const onSignal = (signal: NodeJS.Signals) => {
      keepAnswers(`${signal} received`);
      process.exit(128 + (signal === 'SIGHUP' ? 1 : 15));
    };
    const onBeforeExit = () => {
      keepAnswers('the input ended (Ctrl+D) before the questions were done');
      process.exitCode = CANCELLED;
      release();
    };
    const release = () => {
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
      process.off('beforeExit', onBeforeExit);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGHUP', onSignal);
    process.on('beforeExit', onBeforeExit);
    return { release };
  }

  function stopped(answered: number): number {
    err(`Stopped${answered ? '' : ' before any answer'}. Nothing was written.`);
    return CANCELLED;
  }

  async function cancelled(e: InterviewCancelled): Promise<number> {
    process.stdout.isTTY && deps.say === undefined && process.stdout.write('\n');
    if (e.answered === 0) return stopped(0);
    let keep = false;
    // The input may have ended (Ctrl+D): then this question can never be answered, and the guard
    // keeps the answers when the process is about to end.
    const guard = deps.ask === undefined ? guardTerminal({ state: e.state, answered: e.answered }) : undefined;
    try {
      keep = (await ask({ id: 'keep-answers', kind: 'confirm', message: `Keep the answers given so far in ${resumePath}, to resume later?`, default: true })) === true;
    } catch (again) {
      if (!isPromptCancelled(again)) throw again;
    } finally {
      guard?.release();
    }
    if (!keep) {
      err(`Stopped. Nothing was written. Run \`${command}\` to start again.`);
      return CANCELLED;
    }
    writeAtomic(resumePath, renderResume(e.state, command));
    err(`Stopped. ${opts.terms} and ${opts.out} were not written; your answers so far are in ${resumePath}.`);
    err(`To resume, run \`${command}\` again.`);
    return CANCELLED;
  }
}

function commandLine(opts: NewOptions): string {
  const parts = ['spacecoop new'];
  if (opts.terms !== 'agreement.yaml') parts.push(`--terms ${opts.terms}`);
  if (opts.out !== 'agreement.md') parts.push(`--out ${opts.out}`);
  if (opts.clauses) parts.push(`--clauses ${opts.clauses}`);
  return parts.join(' ');
}

/** Built-in variants keep the schema's explanation; a drafter's own take their clause's `fits`. */
function variantChoices(library: Library): Record<Topic, VariantChoice[]> {
  const out = { ...BUILTIN_VARIANTS };
  for (const topic of ['jurisdiction', 'ip', 'liability'] as const) {
    const known = new Map(BUILTIN_VARIANTS[topic].map((v) => [v.value, v.description]));
    out[topic] = library.variants(topic).map((value) => ({ value, description: known.get(value) ?? library.get(`${topic}/${value}`).meta.fits }));
  }
  return out;
}

/**
 * Where an editor finds the JSON Schema. Inside the package (the examples, a checkout) a relative
 * path, as examples/ have it, so the line stays right when the folder moves; elsewhere the absolute
 * path of the installed package's copy, which is the one that matches this version of spacecoop.
 * Left out when the package has no schema file to point to.
 */
export function schemaRefFor(termsPath: string): { schemaRef?: string } {
  const schemaFile = join(PACKAGE_ROOT, 'schema', 'terms.schema.json');
  if (!exists(schemaFile)) return {};
  const file = resolve(termsPath);
  const inside = !relative(PACKAGE_ROOT, file).startsWith('..');
  return { schemaRef: inside ? relative(dirname(file), schemaFile).split(sep).join('/') : schemaFile };
}

const STYLE: Record<SayKind, (s: string) => string> = {
  heading: (s) => `\n${bold(s, process.stdout)}`,
  text: (s) => dim(s, process.stdout),
  note: (s) => `${green('›', process.stdout)} ${s}`,
  warning: (s) => yellow(`! ${s}`, process.stdout),
};

/** Interview text goes to stdout with the prompts, wrapped to the terminal's width. */
function sayToTerminal(text: string, kind: SayKind = 'text'): void {
  const width = Math.max(40, Math.min(process.stdout.columns ?? 80, 100) - 2);
  const indent = kind === 'note' || kind === 'warning' ? '  ' : '';
  process.stdout.write(`${STYLE[kind](wrap(text, width, indent))}\n`);
}

export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
