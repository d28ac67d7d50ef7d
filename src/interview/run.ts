import { planDraft } from '../plan/plan.js';
import { reviewTerms } from '../review/index.js';
import { resolveTerms, type ResolvedTerms } from '../terms/resolve.js';
import { termsSchema, type Terms } from '../terms/schema.js';
import type { Path } from './fields.js';
import { validatorFor } from './fields.js';
import { clone, deepEqual, deleteIn, getIn, setIn, type Obj } from './object-path.js';
import { BUILTIN_VARIANTS, handleFor, pathId, SECTIONS, type Ctx, type ListQuestion, type Question, type Section, type Topic, type VariantChoice } from './questions.js';
import { isPromptCancelled, type Asked, type InterviewIo } from './types.js';

export interface InterviewOptions {
  /** Answers to start from: an existing terms file, or the answers kept from an interrupted run. */
  start?: Obj;
  /**
   * True when the answers are written into an existing terms file: a default the draft would use
   * anyway, accepted with Enter, then stays out of the file, so nothing changes that the user did not
   * change. A fresh interview writes every answer.
   */
  prefilled?: boolean;
  /** Variants per topic (built-in plus a `--clauses` overlay). */
  variants?: Partial<Record<Topic, VariantChoice[]>>;
  /**
   * Before returning, show the answers by section and let the user revise a section (asked again,
   * with the answers given as defaults) as often as needed, then write. `spacecoop new` turns it on.
   */
  review?: boolean;
  /** Kept up to date with the answers so far, for a caller that must save them on a signal. */
  progress?: { state?: Obj; answered: number };
}

/** The id of the review step's question. */
export const REVIEW_ID = 'review';

export interface InterviewResult {
  terms: Obj;
  /** Questions asked. */
  asked: number;
}

/** Ctrl+C during the interview; `state` holds the answers given so far. */
export class InterviewCancelled extends Error {
  constructor(
    readonly state: Obj,
    readonly answered: number,
  ) {
    super('the interview was cancelled');
    this.name = 'InterviewCancelled';
  }
}

/** The answers resolved with every default, when they are complete enough; else undefined. */
export function tryResolve(state: Obj): ResolvedTerms | undefined {
  const parsed = termsSchema.safeParse(state);
  if (!parsed.success || parsed.data.parties.length !== 2) return undefined;
  const ids = parsed.data.parties.map((p) => p.id);
  const refs = [parsed.data.cooperation?.launch?.launchingParty, ...(parsed.data.cooperation?.spaceObjects ?? []).flatMap((o) => o.ownedBy)];
  if (ids[0] === ids[1] || refs.some((r) => r !== undefined && !ids.includes(r))) return undefined;
  try {
    return resolveTerms(parsed.data as Terms);
  } catch {
    return undefined; // a reference not answered yet
  }
}

/** Schema messages read after the value ("is not a calendar date"); a prompt shows them alone. */
export function readable(check: true | string): true | string {
  if (check === true) return true;
  const s = check.startsWith('is ') ? `This ${check}` : check;
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const at = (path: Path, i: number): Path => path.map((s) => (s === '#' ? i : s));
const isBlank = (raw: unknown) => raw === undefined || raw === '';

/** Prompt values compare as the prompt shows them; a checkbox's ticks are a set. */
function sameRaw(kind: Asked['kind'], a: unknown, b: unknown): boolean {
  if (kind === 'input' && isBlank(a) && isBlank(b)) return true;
  if (kind === 'checkbox' && Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x) => b.includes(x));
  return deepEqual(a, b);
}

/**
 * Walks the sections, asks each question whose answer the facts do not already settle, and returns
 * the terms. Each answer is checked by the validator of its terms field before it is accepted.
 */
export async function runInterview(io: InterviewIo, options: InterviewOptions = {}): Promise<InterviewResult> {
  const state: Obj = clone(options.start ?? {});
  const origin: Obj = clone(options.start ?? {});
  const prefilled = options.prefilled ?? false;
  const variants = { ...BUILTIN_VARIANTS, ...options.variants } as Record<Topic, VariantChoice[]>;
  let asked = 0;
  let resolved: { for: string; value: ResolvedTerms | undefined } | undefined;
  /** Defaults accepted without writing them: re-checked at the end against the final answers. */
  const implicit: { question: Question; i: number; raw: unknown }[] = [];

  const ctxFor = (i: number, s: Obj = state): Ctx => ({
    state: s,
    origin,
    i,
    variants,
    get resolved() {
      const key = JSON.stringify(s);
      if (resolved?.for !== key) resolved = { for: key, value: tryResolve(s) };
      return resolved.value;
    },
  });

  if (options.progress) options.progress.state = state;
  const ask = async (question: Asked): Promise<unknown> => {
    try {
      const raw = await io.ask(question);
      asked++;
      if (options.progress) options.progress.answered = asked;
      return raw;
    } catch (e) {
      if (isPromptCancelled(e)) throw new InterviewCancelled(state, asked);
      throw e;
    }
  };

  const rawValidator = (question: Question, ctx: Ctx, choices: Asked['choices']) => (raw: unknown) => {
    if (choices) {
      const values = choices.map((c) => c.value);
      const picked = question.kind === 'checkbox' ? (raw as unknown[]) : [raw];
      if (!Array.isArray(picked) || picked.some((p) => !values.some((v) => deepEqual(v, p)))) return `choose one of ${values.join(', ')}`;
    }
    if (question.optional && (isBlank(raw) || raw === '-')) return true;
    if (question.kind === 'number' && raw === undefined) return 'A number is needed here';
    const value = question.fromPrompt ? question.fromPrompt(raw, ctx) : raw;
    const valid = readable(question.validate ? question.validate(value) : true);
    const unique = valid === true && question.distinct ? question.distinct(value, ctx) : valid;
    return unique === true && question.consistent ? question.consistent(value, ctx) : unique;
  };

  const writeField = (question: Question, i: number, v: unknown) => {
    const path = at(question.path, i);
    if (question.write) question.write(ctxFor(i), path, v);
    else if (v === undefined) deleteIn(state, path);
    else setIn(state, path, v);
  };

  async function askField(question: Question, i: number): Promise<void> {
    const ctx = ctxFor(i);
    const path = at(question.path, i);
    const read = () => (question.read ? question.read(ctxFor(i), path) : getIn(state, path));
    const write = (v: unknown) => writeField(question, i, v);

    if (question.when && !question.when(ctx)) {
      // Moot now. Remove a value only if this run made it moot: a file that had it anyway keeps it.
      if (read() !== undefined && question.when(ctxFor(i, origin))) write(undefined);
      return;
    }

    let current = read();
    const toPrompt = (v: unknown) => (v === undefined ? undefined : question.toPrompt ? question.toPrompt(v, ctx) : v);
    const choices = question.choices?.(ctx);
    const validate = rawValidator(question, ctx, choices);
    if (current !== undefined && validate(toPrompt(current)) !== true) {
      io.say(`The answer kept for ${pathId(path)} is not valid (${String(validate(toPrompt(current)))}); please answer again.`, 'warning');
      current = undefined;
    }
    const fallback = current === undefined ? question.fallback?.(ctx) : undefined;
    // A suggestion fills a gap in a fresh interview, or one this run's answers opened; a gap the
    // file already had is the file's choice, and Enter keeps it.
    const openedNow = !prefilled || (question.when !== undefined && !question.when(ctxFor(i, origin))) || getIn(origin, path.slice(0, -1)) === undefined;
    const suggestion = current === undefined && fallback === undefined && openedNow ? question.suggest?.(ctx) : undefined;
    const shownRaw = toPrompt(current ?? fallback ?? suggestion);

    const note = question.note?.(ctx);
    if (note) io.say(note, 'note');
    let message = question.message(ctx);
    if (question.optional) message += current !== undefined ? ' (- to leave out)' : shownRaw === undefined ? ' (optional)' : '';

    const raw = await ask({
      id: pathId(path),
      kind: question.kind,
      message,
      ...(shownRaw !== undefined ? { default: shownRaw } : {}),
      ...(question.multiline ? { multiline: true } : {}),
      ...(choices ? { choices: question.kind === 'checkbox' ? choices.map((c) => ({ ...c, checked: ((shownRaw as unknown[]) ?? []).includes(c.value) })) : choices } : {}),
      validate: validate as Asked['validate'],
    });

    if (question.control) {
      write(raw);
      return;
    }
    if (sameRaw(question.kind, raw, shownRaw)) {
      if (current !== undefined) return; // kept as it was
      if (prefilled && fallback !== undefined) {
        implicit.push({ question, i, raw });
        return; // the draft's own default: stays implicit in an existing file
      }
    }
    const value = question.optional && (isBlank(raw) || raw === '-') ? undefined : question.fromPrompt ? question.fromPrompt(raw, ctxFor(i)) : raw;
    write(value);
  }

  async function askList(list: ListQuestion): Promise<void> {
    const ctx = ctxFor(0);
    if (list.when && !list.when(ctx)) return;
    const validateKey = validatorFor(list.keyField.length ? [...list.path, 0, ...list.keyField] : [...list.path, 0]);
    const items = () => (getIn(state, list.path) as unknown[] | undefined) ?? [];
    let i = 0;
    while (i < list.max) {
      const existing = items()[i];
      const keyPath = [...list.path, i, ...list.keyField];
      const current = existing === undefined ? undefined : getIn(existing, list.keyField);
      const hint = existing !== undefined ? '(Enter keeps it, - removes it)' : i === 0 ? '(Enter if none)' : '(Enter when done)';
      const raw = await ask({
        id: pathId(keyPath),
        kind: 'input',
        message: `${i === 0 ? list.first : list.next} ${hint}`,
        ...(current !== undefined ? { default: current } : {}),
        validate: ((r: string) => (r === '' || (r === '-' && existing !== undefined) ? true : readable(validateKey(r)))) as Asked['validate'],
      });
      if (existing !== undefined) {
        if (raw === '-') {
          items().length === 1 ? deleteIn(state, list.path) : deleteIn(state, [...list.path, i]);
          continue;
        }
        if (raw !== current) setIn(state, keyPath, raw);
      } else {
        if (isBlank(raw)) break;
        setIn(state, keyPath, raw);
      }
      for (const question of list.rest) await askField(question, i);
      i++;
    }
  }

  /**
   * A handle derived from a name follows the name: a party renamed after a resume (EGSA -> CNSA)
   * gets `cnsa`, not its old `egsa-2`, and every reference to it in the answers follows. A handle
   * the terms file chose, or one the user typed, stays.
   */
  function rederivePartyId(i: number, before: { id?: unknown; name?: unknown; shortName?: unknown } | undefined): void {
    const party = getIn(state, ['parties', i]) as Obj | undefined;
    if (!party || !before || typeof before.id !== 'string' || prefilled) return;
    const was = (before.shortName as string | undefined) ?? (before.name as string | undefined);
    const now = (party.shortName as string | undefined) ?? (party.name as string | undefined);
    if (!was || !now || was === now || party.id !== before.id) return;
    const base = handleFor(was, []);
    if (before.id !== base && !new RegExp(`^${base}-\\d+$`).test(before.id)) return; // not one we derived
    const taken = ((state.parties as Obj[]) ?? []).filter((_, j) => j !== i).map((p) => p.id as string);
    const id = handleFor(now, taken);
    if (id === before.id) return;
    renameHandle(state, before.id, id);
    (state.parties as Obj[])[i] = { ...party, id };
  }

  function derivePartyId(i: number): void {
    const party = getIn(state, ['parties', i]) as Obj | undefined;
    if (!party || party.id !== undefined) return;
    const taken = ((state.parties as Obj[]) ?? []).filter((_, j) => j !== i).map((p) => p.id as string);
    // Keep `id` first in the party's mapping, as a hand-written file has it.
    const { ...rest } = party;
    (state.parties as Obj[])[i] = { id: handleFor((party.shortName as string | undefined) ?? (party.name as string), taken), ...rest };
  }

  function showSectionFindings(section: Section, askedInSection: boolean): void {
    const topic = section.topic!;
    const t = ctxFor(0).resolved;
    if (!t) return;
    const prefix = topic;
    const choice = planDraft(t).choices.find((c) => c.topic === topic);
    // Nothing to ask (e.g. no launch): still say what the draft will provide, and why.
    if (choice && !askedInSection && !choice.fallbackFrom) io.say(`Settled by the facts: ${choice.variant.replace(/-/g, ' ')}. ${choice.reason}`, 'text');
    if (choice?.fallbackFrom) io.say(choice.reason, 'warning');
    for (const f of reviewTerms(t)) {
      if (f.severity === 'note' || !f.where) continue;
      if (f.where !== prefix && !f.where.startsWith(`${prefix}.`)) continue;
      io.say(`${f.severity}: ${f.message}${f.fix ? ` ${f.fix}` : ''}`, 'warning');
    }
  }

  async function runSection(section: Section): Promise<void> {
    io.say(section.title, 'heading');
    if (section.intro) io.say(section.intro, 'text');
    const rounds = section.perParty ? [0, 1] : [0];
    const askedBefore = asked;
    for (const i of rounds) {
      const before = section.perParty ? (clone((getIn(state, ['parties', i]) as Obj | undefined) ?? {}) as Obj) : undefined;
      for (const step of section.steps) {
        if (step.type === 'list') await askList(step);
        else await askField(step, i);
        if (section.perParty && step.id === 'parties[#].shortName') {
          rederivePartyId(i, before);
          derivePartyId(i);
        }
      }
    }
    if (section.topic) showSectionFindings(section, asked > askedBefore);
  }

  const applies = (section: Section) => !section.when || section.when(ctxFor(0));
  const ran = new Set<string>();
  // Each section that applies to the answers so far, once; asked again after a revision that makes
  // a section apply (a treaty turned into a contract gets the commercial terms asked).
  const runApplicable = async () => {
    for (const section of SECTIONS) {
      if (ran.has(section.id) || !applies(section)) continue;
      ran.add(section.id);
      await runSection(section);
    }
  };
  await runApplicable();

  if (options.review) {
    for (;;) {
      // Only the sections that apply to the answers as they now stand: a treaty's summary and menu
      // have no contract sections, a contract's no treaty ones.
      const applicable = SECTIONS.filter(applies);
      io.say('Your answers', 'heading');
      for (const section of applicable) {
        const lines = answersOf(section, state);
        io.say(`${section.title}: ${lines.length ? lines.join('; ') : 'nothing answered (the draft uses its defaults)'}`, 'text');
      }
      const pick = await ask({
        id: REVIEW_ID,
        kind: 'select',
        message: 'Write the terms file and the draft, or revise a section first?',
        default: 'write',
        choices: [
          { value: 'write', name: 'Write the terms file and the draft' },
          // Lower-case the section's first word, not a proper name in it ("the Chinese text").
          ...applicable.map((sec) => ({ value: sec.id, name: `Revise ${sec.title.replace(/^[\d\w]+\.\s*/, '').replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}` })),
        ],
      });
      const section = applicable.find((sec) => sec.id === pick);
      if (!section) break;
      await runSection(section);
      await runApplicable();
    }
  }

  // A default left implicit must still be the one the draft will use with the final answers.
  for (const { question, i, raw } of implicit) {
    const ctx = ctxFor(i);
    const now = question.fallback?.(ctx);
    const nowRaw = now === undefined ? undefined : question.toPrompt ? question.toPrompt(now, ctx) : now;
    if (!sameRaw(question.kind, raw, nowRaw)) writeField(question, i, question.fromPrompt ? question.fromPrompt(raw, ctx) : raw);
  }
  if (!prefilled && state.version === undefined) state.version = 1;
  return { terms: state, asked };
}

/** Fields that hold a party handle. */
const HANDLE_KEYS = new Set(['launchingParty', 'ownedBy', 'host', 'operator', 'party', 'registeringParty']);

/** Replaces the handle `from` by `to` wherever the answers refer to a party. */
export function renameHandle(state: Obj, from: string, to: string): void {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const o = node as Obj;
      for (const [k, v] of Object.entries(o)) {
        if (k === 'parties') continue;
        if (HANDLE_KEYS.has(k)) {
          if (v === from) o[k] = to;
          else if (Array.isArray(v)) o[k] = v.map((x) => (x === from ? to : x));
        } else walk(v);
      }
    }
  };
  walk(state);
}

/** The answers of one section as short lines: `parties[0].name: Aldera`. */
export function answersOf(section: Section, state: Obj): string[] {
  const out: string[] = [];
  const show = (v: unknown): string => (Array.isArray(v) ? v.map(show).join(', ') : v === true ? 'yes' : v === false ? 'no' : v && typeof v === 'object' ? Object.values(v).map(show).join(' ') : String(v));
  const rounds = section.perParty ? [0, 1] : [0];
  for (const i of rounds) {
    for (const step of section.steps) {
      if (step.type === 'list') {
        const items = (getIn(state, step.path) as unknown[] | undefined) ?? [];
        if (i === 0 && items.length) out.push(`${pathId(step.path)}: ${items.map((x) => show(step.keyField.length ? getIn(x, step.keyField) : x)).join(', ')}`);
        continue;
      }
      const path = at(step.path, i);
      const v = getIn(state, path);
      if (v !== undefined && !(section.perParty === undefined && i > 0)) out.push(`${pathId(path)}: ${show(v)}`);
    }
  }
  return [...new Set(out)];
}
