import { recogniseSale } from '../plan/character.js';
import { buildContractView } from '../render/contract-view.js';
import { titleNamesParty } from '../render/render.js';
import { STATE_NAMES_ZH } from '../render/view-zh.js';
import { recommendDisputeSteps, recommendEntryIntoForce, recommendIp, recommendJurisdiction, recommendLiability, type Recommendation } from '../plan/recommend.js';
import { DEFAULTS, NON_BINDING_FORMS, SUBORDINATE_FORMS, type ResolvedTerms } from '../terms/resolve.js';
import {
  ARBITRATION_RULES,
  AREAS,
  FORMS,
  FUNDING,
  IP_FOREGROUND,
  LIABILITY_REGIMES,
  PARTY_TYPES,
  REGISTRATION,
  RENEWAL,
  SUPPLIES,
  THIRD_PARTY,
  TITLE_RISK_EVENTS,
  type Form,
} from '../terms/schema.js';
import { enumValuesAt, validatorFor, type Path, type Validator } from './fields.js';
import { deepEqual, getIn, setIn, deleteIn, type Obj } from './object-path.js';
import type { Asked, PromptChoice } from './types.js';

/**
 * The interview as data: sections of questions, each bound to a field of the terms schema. The
 * runner (run.ts) walks them; nothing here prompts or prints.
 *
 * Paths use `#` for the index of the party or list item being asked about.
 */

export type Topic = 'jurisdiction' | 'ip' | 'liability' | 'disputes';

export interface VariantChoice {
  value: string;
  description: string;
}

export interface Ctx {
  /** The terms as answered so far (terms-file shaped). */
  state: Obj;
  /** The terms the interview started from (a file gone through again), when there were any. */
  origin?: Obj;
  /** Party or list-item index, for `#` in paths. */
  i: number;
  /** The answers so far with defaults applied, when they are complete enough to resolve. */
  resolved: ResolvedTerms | undefined;
  variants: Record<Topic, VariantChoice[]>;
}

export interface Question {
  type: 'field';
  /** Field-shaped id; `#` is replaced by the index. */
  id: string;
  path: Path;
  kind: Asked['kind'];
  message: (ctx: Ctx) => string;
  /** Asked only when this holds; otherwise the facts already settle it. */
  when?: (ctx: Ctx) => boolean;
  /** What the draft uses when the field is absent: accepting it leaves a prefilled file untouched. */
  fallback?: (ctx: Ctx) => unknown;
  /** A suggested answer that, when accepted, is written out (the draft has no default for it). */
  suggest?: (ctx: Ctx) => unknown;
  choices?: (ctx: Ctx) => PromptChoice[];
  /** Optional text: an empty answer (or `-` to clear a prefilled one) leaves the field out. */
  optional?: boolean;
  /** A line shown before the question (a recommendation and its reason). */
  note?: (ctx: Ctx) => string | undefined;
  /** Between the terms value and the prompt's value (a list typed as `en, zh`, a choice key). */
  toPrompt?: (value: unknown, ctx: Ctx) => unknown;
  fromPrompt?: (raw: unknown, ctx: Ctx) => unknown;
  read?: (ctx: Ctx, path: Path) => unknown;
  write?: (ctx: Ctx, path: Path, value: unknown) => void;
  /** The terms-level validator; by default the schema's own for `path`. */
  validate?: Validator;
  /** A paragraph-length answer: asked in the user's editor where one is set, else said to be one line. */
  multiline?: boolean;
  /** An answer that must differ from earlier ones (the other party's name): the message when it does not, else true. */
  distinct?: (value: unknown, ctx: Ctx) => true | string;
  /** A check against other answers (as many Chinese objectives as English ones): the message when it fails, else true. */
  consistent?: (value: unknown, ctx: Ctx) => true | string;
  /** Not a field: it steers the interview (ask the next questions or not); every answer goes to `write`, none to the file. */
  control?: boolean;
}

export interface ListQuestion {
  type: 'list';
  id: string;
  /** The array field. */
  path: Path;
  /** The question for the first item, and for each further one. */
  first: string;
  next: string;
  /** Within an item, the field the item is named by ([] for a list of strings). */
  keyField: Path;
  when?: (ctx: Ctx) => boolean;
  max: number;
  /** The item's other questions; `#` is the item's index. */
  rest: Question[];
}

export interface Section {
  id: string;
  title: string;
  intro?: string;
  /** For the four topics: findings whose `where` starts with this are shown after the section. */
  topic?: Topic;
  /** Questions asked for each party (`#` = 0, 1) rather than once. */
  perParty?: boolean;
  /** Asked only when this holds (a contract skips the treaty sections, a treaty the contract ones). */
  when?: (ctx: Ctx) => boolean;
  steps: (Question | ListQuestion)[];
}

// ---------------------------------------------------------------------------------------------
// Helpers that build questions from the schema

const label = (ctx: Ctx, i: number): string => {
  const p = (ctx.state.parties as Obj[] | undefined)?.[i];
  return (p?.shortName as string | undefined) ?? (p?.name as string | undefined) ?? `party ${i + 1}`;
};
const partyIds = (ctx: Ctx): string[] => ((ctx.state.parties as Obj[] | undefined) ?? []).map((p) => p.id as string);
const partyChoices = (ctx: Ctx): PromptChoice[] =>
  ((ctx.state.parties as Obj[] | undefined) ?? []).map((p, i) => ({ value: p.id as string, name: `${label(ctx, i)} (${p.name as string})` }));

/**
 * Choices of an enumeration field, from the schema's values and their one-line explanations:
 * `describe` shows the explanation under the highlighted choice; `spell` lists the explanation
 * itself as the choice (short tables), the value shown once chosen.
 */
function enumChoices(path: Path, table: Record<string, string>, style: 'describe' | 'spell' = 'describe', tag?: (v: string) => string): (ctx: Ctx) => PromptChoice[] {
  const values = enumValuesAt(path);
  return () =>
    values.map((v) =>
      style === 'spell'
        ? { value: v, name: sentence(table[v] ?? v), short: sentence(table[v] ?? v).replace(/\.$/, '') }
        : { value: v, name: `${humanise(v)}${tag ? ` ${tag(v)}` : ''}`, short: humanise(v), description: table[v] },
    );
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `framework-agreement` -> `Framework agreement`. */
export function humanise(id: string): string {
  const s = id.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function q(path: Path, kind: Question['kind'], message: string | ((ctx: Ctx) => string), extra: Partial<Question> = {}): Question {
  // Resolving the validator now makes a path the schema lacks fail when the module loads.
  const validate = extra.validate ?? validatorFor(path.map((s) => (s === '#' ? 0 : s)));
  return {
    type: 'field',
    id: pathId(path),
    path,
    kind,
    message: typeof message === 'string' ? () => message : message,
    validate,
    ...extra,
  };
}

export function pathId(path: Path): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' || seg === '#' ? `[${seg}]` : out ? `.${seg}` : seg;
  return out;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const coop = (ctx: Ctx) => (ctx.state.cooperation as Obj | undefined) ?? {};
const hasLaunch = (ctx: Ctx) => coop(ctx).launch !== undefined;
const form = (ctx: Ctx) => ctx.state.form as Form | undefined;

/** Initials of a name, a first guess at the short name: "China National Space Administration" -> "CNSA". */
export function initials(name: string): string {
  const words = name.split(/[\s-]+/).filter((w) => /^[A-Z]/.test(w));
  if (words.length < 2) return name;
  const plain = words.map((w) => w[0]).join('');
  const known = WELL_KNOWN[plain];
  if (!known || sameName(known, name)) return plain;
  // Readers take these letters for another body: the first word gives two letters (EgSA, not ESA).
  return `${words[0]!.slice(0, 2)}${plain.slice(1)}`;
}

/**
 * A first guess at a Government's short name, as bilateral treaties name it: "Government of the
 * Argentine Republic" -> "the Argentine Party". Undefined for other names, or a State not listed.
 */
/** "Government of the Argentine Republic": the State after "Government of". */
const GOVERNMENT_NAME = /^(?:the\s+)?Government\s+of\s+(?:the\s+)?(.+)$/i;
export function governmentShortName(name: string): string | undefined {
  const m = GOVERNMENT_NAME.exec(name.trim());
  const adjective = m ? DEMONYMS.find(([re]) => re.test(m[1]!))?.[1] : undefined;
  return adjective ? `the ${adjective} Party` : undefined;
}

/** The adjectives of States' names, for a Government party's short name (common forms only). */
const DEMONYMS: [RegExp, string][] = [
  [/^(People's Republic of )?China$/i, 'Chinese'],
  [/^Argentine Republic$|^Argentina$/i, 'Argentine'],
  [/^(Federative Republic of )?Brazil$/i, 'Brazilian'],
  [/^(Islamic Republic of )?Pakistan$/i, 'Pakistani'],
  [/^(Republic of )?Kenya$/i, 'Kenyan'],
  [/^(Republic of )?India$/i, 'Indian'],
  [/^(People's Democratic Republic of )?Algeria$/i, 'Algerian'],
  [/^(Plurinational State of )?Bolivia$/i, 'Bolivian'],
  [/^Russian Federation$|^Russia$/i, 'Russian'],
  [/^(French Republic|France)$/i, 'French'],
  [/^(Federal Republic of )?Germany$/i, 'German'],
  [/^(Italian Republic|Italy)$/i, 'Italian'],
  [/^Japan$/i, 'Japanese'],
  [/^(Kingdom of )?Thailand$/i, 'Thai'],
  [/^(Republic of )?Indonesia$/i, 'Indonesian'],
  [/^(Arab Republic of )?Egypt$/i, 'Egyptian'],
  [/^(Federal Republic of )?Nigeria$/i, 'Nigerian'],
  [/^(Republic of )?South Africa$/i, 'South African'],
  [/^(United Mexican States|Mexico)$/i, 'Mexican'],
  [/^(Republic of )?Chile$/i, 'Chilean'],
  [/^(Republic of )?Peru$/i, 'Peruvian'],
  [/^(Socialist Republic of )?Viet ?Nam$/i, 'Vietnamese'],
  [/^(Republic of )?Uzbekistan$/i, 'Uzbek'],
  [/^(Republic of )?Kazakhstan$/i, 'Kazakh'],
  [/^(Kingdom of )?Morocco$/i, 'Moroccan'],
  [/^(Federal Democratic Republic of )?Ethiopia$/i, 'Ethiopian'],
];

/** Short names readers know as one body: initials that spell one of them belong to it alone. */
const WELL_KNOWN: Record<string, string> = {
  ESA: 'European Space Agency',
  NASA: 'National Aeronautics and Space Administration',
  CSA: 'Canadian Space Agency',
  CNSA: 'China National Space Administration',
  ISRO: 'Indian Space Research Organisation',
  JAXA: 'Japan Aerospace Exploration Agency',
  ASI: 'Italian Space Agency',
  UKSA: 'UK Space Agency',
  ISA: 'Israel Space Agency',
  SSA: 'Swedish Space Agency',
  KASA: 'Korea AeroSpace Administration',
  UAESA: 'UAE Space Agency',
};

/** Two names for the same body: equal but for case, spacing and punctuation. */
export function sameName(a: string, b: string): boolean {
  const k = (s: string) => s.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return k(a) === k(b);
}

/** A party handle from its short name: `CNSA` -> `cnsa`, `the Chinese Party` -> `chinese-party`; unique against the other party's. */
export function handleFor(name: string, taken: readonly string[]): string {
  let base = name
    .replace(/^the\s+/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 36)
    .replace(/-+$/, '');
  if (!/^[a-z]/.test(base)) base = base ? `p-${base}` : 'party';
  let id = base;
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`;
  return id;
}

// Topic recommendations, computed on the answers so far.
function recommendation(ctx: Ctx, topic: Topic): Recommendation | undefined {
  const t = ctx.resolved;
  if (!t) return undefined;
  switch (topic) {
    case 'jurisdiction':
      return recommendJurisdiction(t);
    case 'ip':
      return recommendIp(t);
    case 'liability':
      return recommendLiability(t);
    case 'disputes':
      return recommendDisputeSteps(t);
  }
}

function variantQuestion(topic: Exclude<Topic, 'disputes'>, path: Path, message: string, extra: Partial<Question> = {}): Question {
  const rec = (ctx: Ctx) => recommendation(ctx, topic);
  return q(path, 'select', message, {
    choices: (ctx) => {
      const r = rec(ctx)?.variant;
      return ctx.variants[topic].map((v) => ({ value: v.value, name: v.value === r ? `${humanise(v.value)} (recommended)` : humanise(v.value), short: humanise(v.value), description: v.description }));
    },
    validate: () => true,
    fallback: (ctx) => rec(ctx)?.variant,
    note: (ctx) => {
      const r = rec(ctx);
      if (!r) return undefined;
      const chosen = str(getIn(ctx.state, path));
      const word = (v: string) => humanise(v).toLowerCase();
      return chosen && chosen !== r.variant ? `Your terms choose ${word(chosen)}; the facts suggest ${word(r.variant)}: ${r.reason}` : `Recommended: ${word(r.variant)}. ${r.reason}`;
    },
    ...extra,
  });
}

/** The effective variant of a topic: the answer, else the recommendation the draft will use. */
function effective(ctx: Ctx, path: Path, topic: Topic): string | undefined {
  return str(getIn(ctx.state, path)) ?? recommendation(ctx, topic)?.variant;
}

const STEP_SEQUENCES: Record<string, { steps: string[]; name: string; description: string }> = {
  consultation: {
    steps: ['consultation'],
    name: 'Consultation only',
    description: 'Disputes are settled by consultation between the parties, then through diplomatic channels; nothing binding.',
  },
  'consultation,mediation': {
    steps: ['consultation', 'mediation'],
    name: 'Consultation, then mediation',
    description: 'Consultation first; if it fails, mediation or conciliation by agreement. No binding decision.',
  },
  'consultation,arbitration': {
    steps: ['consultation', 'arbitration'],
    name: 'Consultation, then arbitration',
    description: 'Consultation for a fixed period, then binding arbitration, so a dispute always has an end.',
  },
  'consultation,mediation,arbitration': {
    steps: ['consultation', 'mediation', 'arbitration'],
    name: 'Consultation, mediation, then arbitration',
    description: 'Consultation, then mediation by agreement, then binding arbitration (IGA Art. 23).',
  },
};

function effectiveSteps(ctx: Ctx): string[] {
  return (getIn(ctx.state, ['disputes', 'steps']) as string[] | undefined) ?? ctx.resolved?.disputeSteps ?? [];
}

/** Text typed on one line, separated by commas: `en, zh, pt`. */
/** Each party's tasks, typed as `build the platform; operate the station`, written to `cooperation.responsibilities`. */
function tasksQuestion(i: 0 | 1): Question {
  const path: Path = ['cooperation', 'responsibilities'];
  const entries = (ctx: Ctx) => (getIn(ctx.state, path) as Obj[] | undefined) ?? [];
  // One question a party, asked by the party's place in the file; the list itself is kept in party order.
  return q([...path, i], 'input', (ctx) => `Tasks of ${label(ctx, i)}, separated by semicolons (e.g. build the platform; operate the control centre)`, {
    optional: true,
    // A contract's scope of work says who does what.
    when: (ctx) => !isContract(ctx),
    validate: (v) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.trim().length > 0)) || v === undefined || 'each task is a phrase, e.g. "build the platform"',
    read: (ctx) => entries(ctx).find((r) => r.party === partyIds(ctx)[i])?.tasks,
    toPrompt: (v) => (Array.isArray(v) ? v.join('; ') : v),
    fromPrompt: (raw) => String(raw ?? '').split(';').map((s) => s.trim()).filter(Boolean),
    write: (ctx, _p, v) => {
      const id = partyIds(ctx)[i];
      const ids = partyIds(ctx);
      const rest = entries(ctx).filter((r) => r.party !== id);
      // The entry's other keys (its Chinese tasks) stay with it.
      const old = entries(ctx).find((r) => r.party === id);
      const next = v === undefined ? rest : [...rest, { ...old, party: id, tasks: v }];
      next.sort((a, b) => ids.indexOf(a.party as string) - ids.indexOf(b.party as string));
      if (next.length) setIn(ctx.state, path, next);
      else deleteIn(ctx.state, path);
    },
  });
}

const commaList = {
  toPrompt: (v: unknown) => (Array.isArray(v) ? v.join(', ') : v),
  fromPrompt: (raw: unknown) =>
    String(raw ?? '')
      .split(/[,\s]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
};

// ---------------------------------------------------------------------------------------------
// The sections

const PARTY = (...rest: Path) => ['parties', '#', ...rest] as Path;
const ordinal = (i: number) => (i === 0 ? 'first' : 'second');

const partiesSection: Section = {
  id: 'parties',
  title: '1. The parties',
  intro: 'Exactly two parties: the bodies that sign, e.g. a ministry, a space agency or a company.',
  perParty: true,
  steps: [
    q(PARTY('name'), 'input', (ctx) => `Full official name of the ${ordinal(ctx.i)} party (e.g. ${ctx.i === 0 ? 'China National Space Administration' : 'Brazilian Space Agency'})`, {
      distinct: (v, ctx) => {
        const other = str(getIn(ctx.state, ['parties', 1 - ctx.i, 'name']));
        return ctx.i === 1 && other !== undefined && sameName(other, String(v)) ? `That is the first party's name; the two parties of a bilateral instrument are different bodies` : true;
      },
    }),
    q(PARTY('shortName'), 'input', () => `Short name used in the text`, {
      optional: true,
      distinct: (v, ctx) => {
        const other = str(getIn(ctx.state, ['parties', 1 - ctx.i, 'shortName']));
        return ctx.i === 1 && other !== undefined && v !== undefined && v !== '' && sameName(other, String(v)) ? 'That is the first party\'s short name; give each party its own' : true;
      },
      suggest: (ctx) => {
        const name = str(getIn(ctx.state, ['parties', ctx.i, 'name']));
        return name ? (governmentShortName(name) ?? initials(name)) : undefined;
      },
    }),
    q(PARTY('state'), 'input', (ctx) => `State of ${label(ctx, ctx.i)} (e.g. ${ctx.i === 0 ? "People's Republic of China" : 'Federative Republic of Brazil'})`, {
      optional: true,
    }),
    q(PARTY('type'), 'select', (ctx) => `What kind of body is ${label(ctx, ctx.i)}?`, {
      choices: enumChoices(PARTY('type').map((s) => (s === '#' ? 0 : s)), PARTY_TYPES),
      fallback: (ctx) => ctx.resolved?.parties[ctx.i as 0 | 1]?.type,
      suggest: (ctx) => (GOVERNMENT_NAME.test(str(getIn(ctx.state, ['parties', ctx.i, 'name']))?.trim() ?? '') ? 'government' : 'space-agency'),
    }),
    q(PARTY('signatory', 'title'), 'input', (ctx) => `Title of ${label(ctx, ctx.i)}'s signatory (e.g. ${ctx.i === 0 ? 'Administrator' : 'President'})`, { optional: true }),
    q(PARTY('signatory', 'name'), 'input', (ctx) => `Name of ${label(ctx, ctx.i)}'s signatory`, { optional: true }),
  ],
};

/**
 * A party that the parent instrument's title does not name acts under it by someone's designation:
 * asked for each such party, so the preamble can recite it (counsel's K-4; `check` notes it when absent).
 */
function designation(i: number): Question {
  const parentTitle = (ctx: Ctx) => str(getIn(ctx.state, ['parentInstrument', 'title']));
  const named = (ctx: Ctx) =>
    titleNamesParty(parentTitle(ctx)!, { name: str(getIn(ctx.state, ['parties', i, 'name'])), shortName: str(getIn(ctx.state, ['parties', i, 'shortName'])) });
  return q(
    ['parties', i, 'designatedBy'],
    'input',
    (ctx) => `${label(ctx, i)} is not named in the title of “${parentTitle(ctx)}”: who designated it to conclude this instrument and carry it out under that one? (e.g. its Government, or the agency that is party to it; Enter leaves an open point)`,
    {
      when: (ctx) => SUBORDINATE_FORMS.includes(form(ctx)!) && parentTitle(ctx) !== undefined && !named(ctx),
      optional: true,
    },
  );
}

const formSection: Section = {
  id: 'form',
  title: '2. The form of the instrument',
  intro: 'The form decides whether the text binds the parties and how it enters into force.',
  steps: [
    q(['form'], 'select', 'Which form of instrument?', {
      choices: enumChoices(['form'], FORMS, 'describe', (v) => (NON_BINDING_FORMS.includes(v as Form) ? '(not binding)' : '(binding)')),
      suggest: (ctx) => {
        const types = ((ctx.state.parties as Obj[] | undefined) ?? []).map((p) => p.type);
        return types.length === 2 && types.every((t) => t === 'government') ? 'agreement' : 'framework-agreement';
      },
    }),
    q(['parentInstrument', 'title'], 'input', 'Title of the instrument this one implements or supplements', {
      when: (ctx) => SUBORDINATE_FORMS.includes(form(ctx)!),
      optional: true,
      write: (ctx, path, v) => (v === undefined ? deleteIn(ctx.state, ['parentInstrument']) : setIn(ctx.state, path, v)),
    }),
    q(['parentInstrument', 'date'], 'input', 'Date it was signed, YYYY-MM-DD', {
      when: (ctx) => SUBORDINATE_FORMS.includes(form(ctx)!) && getIn(ctx.state, ['parentInstrument', 'title']) !== undefined,
      optional: true,
    }),
    designation(0),
    designation(1),
    {
      type: 'list',
      id: 'priorInstruments',
      path: ['priorInstruments'],
      first: 'Earlier instruments between the parties, recalled in the preamble: title of the first',
      next: 'Another earlier instrument',
      keyField: ['title'],
      max: 20,
      rest: [q(['priorInstruments', '#', 'date'], 'input', 'Date it was signed, YYYY-MM-DD', { optional: true })],
    },
  ],
};

/** Areas of cooperation that involve a launch. */
const LAUNCH_AREAS = ['launch-services', 'in-orbit-delivery', 'human-spaceflight'];

/**
 * The other party's share of 100 per cent, without binary floating-point noise: 100 - 64.1 is
 * 35.900000000000006 in JavaScript, 35.9 here (rounded to the decimals of the answer).
 */
export function complement(percent: number): number {
  const decimals = (String(percent).split('.')[1] ?? '').length;
  return Number((100 - percent).toFixed(Math.min(decimals, 10)));
}

const launchGate: Question = q(['cooperation', 'launch'], 'confirm', 'Does a party launch, or procure the launch of, a space object under this instrument?', {
  validate: () => true,
  read: (ctx) => (hasLaunch(ctx) ? true : undefined),
  // Follows the areas answered before it: launch services or an in-orbit delivery involve a launch.
  fallback: (ctx) => ((coop(ctx).areas as string[] | undefined) ?? []).some((a) => LAUNCH_AREAS.includes(a)),
  write: (ctx, path, v) => {
    if (v === false) deleteIn(ctx.state, path);
    else if (!hasLaunch(ctx)) setIn(ctx.state, path, {});
  },
});

const ownedBy: Question = q(['cooperation', 'spaceObjects', '#', 'ownedBy'], 'select', (ctx) => `Who owns ${str(getIn(ctx.state, ['cooperation', 'spaceObjects', ctx.i, 'name'])) ?? 'it'}?`, {
  choices: (ctx) => [
    ...partyChoices(ctx).map((c) => ({ ...c, name: `${c.name.split(' (')[0]}` })),
    { value: 'both', name: 'Both, jointly' },
  ],
  toPrompt: (v, ctx) => {
    const ids = partyIds(ctx);
    const set = new Set(v as string[]);
    return set.size === 2 && ids.every((id) => set.has(id)) ? 'both' : (v as string[])[0];
  },
  fromPrompt: (raw, ctx) => (raw === 'both' ? partyIds(ctx) : [raw]),
  // A launch bought from the other party (delivery, launch services) is usually of the customer's own object.
  suggest: (ctx) => {
    const launcher = str(getIn(ctx.state, ['cooperation', 'launch', 'launchingParty']));
    const areas = (coop(ctx).areas as string[] | undefined) ?? [];
    const customer = partyIds(ctx).find((id) => id !== launcher);
    return launcher && customer && areas.some((a) => a === 'in-orbit-delivery' || a === 'launch-services') ? [customer] : partyIds(ctx);
  },
});

const scopeSection: Section = {
  id: 'scope',
  title: '3. The scope of the cooperation',
  steps: [
    q(['cooperation', 'areas'], 'checkbox', 'Areas of cooperation (space ticks, Enter when done)', {
      choices: (ctx) => enumChoices(['cooperation', 'areas'], AREAS, 'spell')(ctx),
      fallback: () => [],
      write: (ctx, path, v) => {
        const chosen = v as string[];
        if (!chosen.length) return deleteIn(ctx.state, path);
        // Keep the order already written; add new areas at the end.
        const before = ((getIn(ctx.state, path) as string[] | undefined) ?? []).filter((a) => chosen.includes(a));
        setIn(ctx.state, path, [...before, ...chosen.filter((a) => !before.includes(a))]);
      },
    }),
    q(['cooperation', 'project', 'name'], 'input', 'Project name, if it is for one project (e.g. CBERS-6)', {
      optional: true,
      write: (ctx, path, v) => (v === undefined ? deleteIn(ctx.state, ['cooperation', 'project']) : setIn(ctx.state, path, v)),
    }),
    q(['cooperation', 'project', 'description'], 'input', 'What the project comprises, completing "The project comprises the following: ..."', {
      multiline: true,
      when: (ctx) => getIn(ctx.state, ['cooperation', 'project', 'name']) !== undefined,
      optional: true,
    }),
    {
      type: 'list',
      id: 'cooperation.objectives',
      path: ['cooperation', 'objectives'],
      first: 'Objectives, one at a time, each completing "The objectives are ..."',
      next: 'Another objective',
      keyField: [],
      max: 20,
      rest: [],
    },
    launchGate,
    q(['cooperation', 'launch', 'launchingParty'], 'select', 'Which party launches, or procures the launch?', {
      when: hasLaunch,
      choices: partyChoices,
      validate: () => true,
      suggest: (ctx) => partyIds(ctx)[0],
    }),
    q(['cooperation', 'launch', 'site'], 'input', 'Launch site (e.g. Taiyuan Satellite Launch Center)', { when: hasLaunch, optional: true }),
    q(['cooperation', 'launch', 'vehicle'], 'input', 'Launch vehicle (e.g. Long March 4B)', { when: hasLaunch, optional: true }),
    q(['cooperation', 'launch', 'provider'], 'input', 'Commercial launch service provider', { when: hasLaunch, optional: true }),
    // Owning an object is not procuring its launch: the procuring States are launching States (Registration Convention Art. I(a)).
    q(['cooperation', 'launch', 'procuredBy'], 'checkbox', 'Which parties procure (order and pay for) the launch? Owning a satellite is not procuring its launch; tick none if not known', {
      // In a contract the customer's order is the procurement: the sale settles it.
      when: (ctx) => hasLaunch(ctx) && !isContract(ctx),
      choices: partyChoices,
      validate: () => true,
      fallback: () => [],
      write: (ctx, path, v) => ((v as string[]).length ? setIn(ctx.state, path, v) : deleteIn(ctx.state, path)),
    }),
    q(['cooperation', 'launch', 'siteState'], 'input', 'State on whose territory the launch site is, if not the launching party\'s own', { when: hasLaunch, optional: true }),
    q(['cooperation', 'launch', 'siteOperator'], 'input', 'Launch site operator, whose range safety rules apply', { when: hasLaunch, optional: true }),
    {
      type: 'list',
      id: 'cooperation.spaceObjects',
      path: ['cooperation', 'spaceObjects'],
      first: 'Space objects: name of the first (e.g. CBERS-6 satellite)',
      next: 'Name of another space object',
      keyField: ['name'],
      max: 50,
      rest: [ownedBy],
    },
    q(['cooperation', 'station', 'name'], 'input', 'Space station the crew members visit, if any (e.g. China Space Station)', {
      when: (ctx) => ((coop(ctx).areas as string[] | undefined) ?? []).includes('human-spaceflight'),
      optional: true,
      write: (ctx, path, v) => (v === undefined ? deleteIn(ctx.state, ['cooperation', 'station']) : setIn(ctx.state, path, v)),
    }),
    q(['cooperation', 'station', 'operator'], 'select', 'Which party operates the station, for its State of registry?', {
      when: (ctx) => getIn(ctx.state, ['cooperation', 'station', 'name']) !== undefined,
      choices: partyChoices,
      validate: () => true,
      suggest: (ctx) => partyIds(ctx)[0],
    }),
    q(['cooperation', 'exportControlled'], 'confirm', 'Do export-controlled goods or technical data change hands?', { fallback: () => DEFAULTS.exportControlled }),
    q(['cooperation', 'personnelExchange'], 'confirm', 'Are personnel exchanged, or do they visit the other party?', { fallback: () => DEFAULTS.personnelExchange }),
    q(['cooperation', 'funding'], 'select', 'How are the costs borne?', {
      choices: enumChoices(['cooperation', 'funding'], FUNDING, 'spell'),
      fallback: () => DEFAULTS.funding,
    }),
    q(['cooperation', 'costShare'], 'number', (ctx) => `Share of the costs borne by ${label(ctx, 0)}, in percent (the rest is ${label(ctx, 1)}'s)`, {
      when: (ctx) => coop(ctx).funding === 'shared',
      optional: true,
      validate: validatorFor(['cooperation', 'costShare', 0, 'percent']),
      read: (ctx) => ((coop(ctx).costShare as Obj[] | undefined) ?? []).find((s) => s.party === partyIds(ctx)[0])?.percent,
      write: (ctx, path, v) => {
        if (v === undefined) return deleteIn(ctx.state, path);
        const [a, b] = partyIds(ctx);
        setIn(ctx.state, path, [
          { party: a, percent: v },
          { party: b, percent: complement(v as number) },
        ]);
      },
      suggest: () => 50,
    }),
    {
      type: 'list',
      id: 'cooperation.implementingEntities',
      path: ['cooperation', 'implementingEntities'],
      first: 'Implementing entities, the bodies that do the work: the first (e.g. China Academy of Space Technology)',
      next: 'Another implementing entity',
      keyField: ['name'],
      max: 20,
      rest: [
        q(['cooperation', 'implementingEntities', '#', 'party'], 'select', (ctx) => `For which party does ${str(getIn(ctx.state, ['cooperation', 'implementingEntities', ctx.i, 'name']))} work?`, {
          choices: partyChoices,
          validate: () => true,
          suggest: (ctx) => partyIds(ctx)[0],
        }),
      ],
    },
    tasksQuestion(0),
    tasksQuestion(1),
    {
      type: 'list',
      id: 'cooperation.facilities',
      path: ['cooperation', 'facilities'],
      first: 'Ground stations one party operates on the other\'s territory: the first (e.g. Deep Space Station, Neuquén)',
      next: 'Another ground station',
      keyField: ['name'],
      // Stations on the partner's territory: ground-station work, and the monitoring stations of navigation.
      when: (ctx) => ((coop(ctx).areas as string[] | undefined) ?? []).some((a) => a === 'ground-stations' || a === 'navigation'),
      max: 20,
      rest: [
        q(['cooperation', 'facilities', '#', 'host'], 'select', 'On whose territory does it stand?', { choices: partyChoices, validate: () => true, suggest: (ctx) => partyIds(ctx)[1] }),
        q(['cooperation', 'facilities', '#', 'operator'], 'select', 'Which party builds and operates it?', {
          choices: partyChoices,
          validate: () => true,
          // The facility is on the other party's territory, so the operator is the party that is not the host.
          suggest: (ctx) => partyIds(ctx).find((id) => id !== getIn(ctx.state, ['cooperation', 'facilities', ctx.i, 'host'])) ?? partyIds(ctx)[0],
        }),
        q(['cooperation', 'facilities', '#', 'hostAccessPercent'], 'number', 'Share of its operating time reserved to the host, in percent (empty if not agreed)', {
          optional: true,
          validate: validatorFor(['cooperation', 'facilities', 0, 'hostAccessPercent']),
        }),
        q(['cooperation', 'facilities', '#', 'rentFree'], 'confirm', 'Does the host lend the site free of charge for the whole term?', {
          fallback: () => false,
          write: (ctx, path, v) => (v ? setIn(ctx.state, path, true) : deleteIn(ctx.state, path)),
        }),
        q(['cooperation', 'facilities', '#', 'site'], 'input', 'Where does it stand: location, area and boundaries (e.g. an area of 200 hectares at ..., shown on the plan in the Annex)? Empty leaves an open point', { optional: true }),
      ],
    },
  ],
};

const registeringDefault = (ctx: Ctx) => {
  const t = ctx.resolved;
  if (t?.launch && t.hasArea('in-orbit-delivery')) return t.parties.find((p) => p.id !== t.launch!.launchingParty)?.id;
  return t?.launch?.launchingParty ?? partyIds(ctx)[0];
};

const jurisdictionSection: Section = {
  id: 'jurisdiction',
  title: '4a. Registration, jurisdiction and control',
  topic: 'jurisdiction',
  when: (ctx) => !isContract(ctx),
  intro: 'Which State registers the space objects, and so keeps jurisdiction and control over them (Outer Space Treaty Art. VIII).',
  steps: [
    variantQuestion('jurisdiction', ['jurisdiction', 'registration'], 'How are the space objects registered?', {
      // Nothing launched and no object named: the default (each registers its own) settles it.
      when: (ctx) => hasLaunch(ctx) || ((coop(ctx).spaceObjects as unknown[] | undefined) ?? []).length > 0,
    }),
    q(['jurisdiction', 'registeringParty'], 'select', 'Which party\'s State registers them?', {
      when: (ctx) => effective(ctx, ['jurisdiction', 'registration'], 'jurisdiction') === 'designated-party',
      choices: partyChoices,
      validate: () => true,
      suggest: registeringDefault,
    }),
  ],
};

const ipSection: Section = {
  id: 'ip',
  title: '4b. Intellectual property',
  topic: 'ip',
  intro: 'Background rights stay with their owner; this decides who owns what the cooperation creates.',
  steps: [
    variantQuestion('ip', ['ip', 'foreground'], 'Who owns the results of the cooperation?', { when: (ctx) => !isContract(ctx) }),
    q(['ip', 'confidentialityYears'], 'number', 'Years that information marked confidential stays confidential', {
      fallback: () => DEFAULTS.confidentialityYears,
    }),
  ],
};

const liabilitySection: Section = {
  id: 'liability',
  title: '4c. Liability',
  topic: 'liability',
  when: (ctx) => !isContract(ctx),
  intro: 'Claims between the parties; the Liability Convention still governs claims by third States.',
  steps: [
    variantQuestion('liability', ['liability', 'regime'], 'Liability between the parties'),
    q(['liability', 'flowDown'], 'confirm', 'Extend the waiver to contractors, subcontractors and other related entities (flow-down)?', {
      when: (ctx) => effective(ctx, ['liability', 'regime'], 'liability') === 'cross-waiver',
      fallback: () => DEFAULTS.flowDown,
    }),
    q(['liability', 'thirdParty'], 'select', 'Who bears compensation for damage to third parties caused by the launch?', {
      when: hasLaunch,
      choices: enumChoices(['liability', 'thirdParty'], THIRD_PARTY, 'spell'),
      fallback: () => DEFAULTS.thirdParty,
    }),
    q(['liability', 'insurance'], 'confirm', 'Require launch and third-party liability insurance?', {
      when: hasLaunch,
      fallback: (ctx) => Boolean(getIn(ctx.state, ['cooperation', 'launch', 'provider'])),
    }),
    q(['liability', 'indemnityCap'], 'input', 'Cap on the launching party\'s launch-phase indemnity, if any (e.g. USD 60 million)', {
      when: (ctx) => hasLaunch(ctx) && getIn(ctx.state, ['liability', 'thirdParty']) === 'launching-party-bears',
      optional: true,
    }),
  ],
};

const arbitrating = (ctx: Ctx) => effectiveSteps(ctx).includes('arbitration');

const disputesSection: Section = {
  id: 'disputes',
  title: '4d. Settlement of disputes',
  topic: 'disputes',
  steps: [
    q(['disputes', 'steps'], 'select', 'How are disputes settled?', {
      choices: (ctx) => {
        const rec = recommendation(ctx, 'disputes')?.variant;
        const recKey = rec === 'consultation' ? 'consultation' : 'consultation,arbitration';
        return Object.entries(STEP_SEQUENCES).map(([k, s]) => ({ value: k, name: k === recKey ? `${s.name} (recommended)` : s.name, description: s.description }));
      },
      toPrompt: (v) => (v as string[]).join(','),
      fromPrompt: (raw) => STEP_SEQUENCES[raw as string]?.steps ?? String(raw).split(','),
      fallback: (ctx) => ctx.resolved?.disputeSteps,
      suggest: (ctx) => STEP_SEQUENCES[recommendation(ctx, 'disputes')?.variant === 'consultation' ? 'consultation' : 'consultation,arbitration']!.steps,
      note: (ctx) => {
        const r = recommendation(ctx, 'disputes');
        return r ? `Recommended: ${r.variant === 'consultation' ? 'consultation only' : 'consultation, then arbitration'}. ${r.reason}` : undefined;
      },
    }),
    q(
      ['disputes', 'consultationDays'],
      'number',
      // Follows the steps just chosen: consultation only ends in diplomatic channels (or the heads of
      // the parties), not in a further step.
      (ctx) => {
        const next = effectiveSteps(ctx)[1];
        if (next === 'mediation') return 'Days of consultation before either party may propose mediation';
        if (next === 'arbitration') return 'Days of consultation before either party may go to arbitration';
        return ctx.resolved?.intergovernmental === false ? 'Days of consultation before the dispute goes to the heads of the parties' : 'Days of consultation before the dispute goes to diplomatic channels';
      },
      { fallback: () => DEFAULTS.consultationDays },
    ),
    q(['disputes', 'arbitration', 'rules'], 'select', 'Arbitration rules', {
      when: arbitrating,
      choices: enumChoices(['disputes', 'arbitration', 'rules'], ARBITRATION_RULES, 'spell'),
      fallback: () => DEFAULTS.arbitrationRules,
    }),
    q(['disputes', 'arbitration', 'seat'], 'input', 'Seat of arbitration (e.g. The Hague)', { when: arbitrating, optional: true }),
    q(['disputes', 'arbitration', 'arbitrators'], 'select', 'Number of arbitrators', {
      when: arbitrating,
      choices: () => [
        { value: 1, name: '1', description: 'A sole arbitrator: quicker and cheaper.' },
        { value: 3, name: '3', description: 'One appointed by each party, the presiding arbitrator by the two (usual between States).' },
        { value: 5, name: '5', description: 'For disputes of unusual weight.' },
      ],
      fallback: () => DEFAULTS.arbitrators,
    }),
    q(['disputes', 'arbitration', 'language'], 'input', 'Language of the arbitration', {
      when: arbitrating,
      fallback: (ctx) => ctx.resolved?.arbitration.language ?? 'English',
    }),
  ],
};

const finalSection: Section = {
  id: 'final',
  title: '5. Duration, languages and signature',
  steps: [
    q(['term', 'years'], 'number', 'Initial duration, in years', { fallback: () => DEFAULTS.termYears, when: (ctx) => !isContract(ctx) }),
    q(['term', 'renewal'], 'select', 'At the end of the term', { choices: enumChoices(['term', 'renewal'], RENEWAL, 'spell'), fallback: () => DEFAULTS.renewal, when: (ctx) => !isContract(ctx) }),
    q(['term', 'renewalYears'], 'number', 'Length of each renewal period, in years', {
      when: (ctx) => !isContract(ctx) && (getIn(ctx.state, ['term', 'renewal']) ?? DEFAULTS.renewal) === 'automatic',
      // Renewed for the same period as the first unless the parties say otherwise.
      fallback: (ctx) => (getIn(ctx.state, ['term', 'years']) as number | undefined) ?? DEFAULTS.termYears,
    }),
    q(['term', 'terminationNoticeMonths'], 'number', 'Months of written notice to terminate', { fallback: () => DEFAULTS.terminationNoticeMonths, when: (ctx) => !isContract(ctx) }),
    q(['languages'], 'input', 'Authentic languages, two-letter codes, working language first (e.g. zh, pt, en)', {
      ...commaList,
      fallback: () => [...DEFAULTS.languages],
    }),
    q(['prevailingLanguage'], 'input', 'A text that prevails in case of divergence, only if both sides agree one (usually a third language, e.g. en); Enter for none: all texts equally authentic, divergence settled by consultation', {
      when: (ctx) => ((getIn(ctx.state, ['languages']) as string[] | undefined) ?? []).length > 1,
      optional: true,
      fromPrompt: (raw) => String(raw ?? '').trim().toLowerCase() || undefined,
    }),
    q(['entryIntoForce'], 'input', 'Entry into force: signature, notification (of completed internal procedures) or ratification; Enter for the recommendation', {
      when: (ctx) => !NON_BINDING_FORMS.includes(ctx.state.form as never) && !isContract(ctx), // a contract takes effect on its Effective Date
      optional: true,
      note: (ctx) => {
        if (!ctx.resolved) return undefined;
        const r = recommendEntryIntoForce(ctx.resolved);
        return `Recommended: ${r.variant}. ${r.reason}`;
      },
      fromPrompt: (raw) => String(raw ?? '').trim().toLowerCase() || undefined,
    }),
    q(['signing', 'place'], 'input', 'Place of signature', { optional: true }),
    q(['signing', 'date'], 'input', 'Date of signature, YYYY-MM-DD', { optional: true }),
  ],
};

// ---------------------------------------------------------------------------------------------
// A contract (form `contract`): the sale and its commercial terms. Each one left out is a blank
// [●] in the draft and an open point.

function isContract(ctx: Ctx): boolean {
  return form(ctx) === 'contract';
}
const saleOf = (ctx: Ctx) => (ctx.resolved ? recogniseSale(ctx.resolved) : undefined);
const contractPath = (...rest: Path) => ['contract', ...rest] as Path;

/** When the facts describe a sale and the form is not `contract`: recommend one. */
const saleSection: Section = {
  id: 'sale',
  title: '3a. A sale?',
  when: (ctx) => !isContract(ctx) && saleOf(ctx) !== undefined,
  steps: [
    {
      // Bound to `contract`: answering yes sets `form: contract`; Enter keeps the form chosen.
      ...q(['contract'], 'confirm', 'Draft it as a contract (form: contract)?', {
        validate: () => true,
        read: () => undefined,
        fallback: () => false,
        write: (ctx, _path, v) => {
          if (v === true) setIn(ctx.state, ['form'], 'contract');
        },
        note: (ctx) => {
          const sale = saleOf(ctx);
          return sale
            ? `Recommended: contract. ${sale.facts.join(', ')}: a sale by ${sale.supplier.label} to ${sale.customer.label}, which is a contract governed by a national law, not an instrument governed by international law.`
            : undefined;
        },
      }),
    },
  ],
};

const contractPartiesSection: Section = {
  id: 'contract-parties',
  title: '3b. The parties to the contract',
  perParty: true,
  when: isContract,
  steps: [
    q(PARTY('legalForm'), 'input', (ctx) => `Legal form of ${label(ctx, ctx.i)} (e.g. a private limited company incorporated under the laws of India)`, { optional: true }),
    q(PARTY('registeredOffice'), 'input', (ctx) => `Registered office of ${label(ctx, ctx.i)}, also its address for notices`, { optional: true }),
  ],
};

const contractSection: Section = {
  id: 'contract',
  title: '3c. The commercial terms',
  intro: 'Each term left out shows as a blank [●] in the draft and an open point in the notes.',
  when: isContract,
  steps: [
    q(contractPath('supplies'), 'checkbox', 'What else does the supplier sell, beyond what the facts show? (space ticks, Enter when done)', {
      choices: (ctx) => enumChoices(['contract', 'supplies'], SUPPLIES, 'spell')(ctx),
      note: (ctx) => {
        const sale = saleOf(ctx);
        return sale?.supplies.length ? `The facts show: ${sale.supplies.join(', ')}. Tick everything the supplier sells if it sells more (a satellite it builds, a ground segment, training).` : undefined;
      },
      write: (ctx, path, v) => ((v as string[]).length ? setIn(ctx.state, path, v) : deleteIn(ctx.state, path)),
    }),
    q(contractPath('supplier'), 'select', 'Which party sells?', {
      when: (ctx) => saleOf(ctx) === undefined,
      choices: (ctx) => [...partyChoices(ctx), { value: '', name: 'Not settled yet (the draft names the company or state enterprise)' }],
      validate: () => true,
      suggest: () => '',
      fromPrompt: (raw) => (raw === '' ? undefined : raw),
    }),
    q(contractPath('price', 'amount'), 'number', 'Contract price (an amount, e.g. 18500000)', {
      optional: true,
      write: (ctx, path, v) => (v === undefined ? deleteIn(ctx.state, contractPath('price')) : setIn(ctx.state, path, v)),
    }),
    q(contractPath('price', 'currency'), 'input', 'Currency, ISO 4217 (e.g. USD)', { when: (ctx) => getIn(ctx.state, contractPath('price')) !== undefined, optional: true }),
    {
      type: 'list',
      id: 'contract.payments',
      path: contractPath('payments'),
      first: 'Payment milestones: the event of the first (e.g. the Effective Date)',
      next: 'The event of the next payment',
      keyField: ['milestone'],
      max: 12,
      rest: [q(contractPath('payments', '#', 'percent'), 'number', 'Percentage of the price paid then')],
    },
    q(contractPath('governingLaw'), 'input', 'Governing law (e.g. the laws of England and Wales)', { optional: true }),
    q(contractPath('launchWindow', 'from'), 'input', 'First day of the launch window, YYYY-MM-DD', {
      when: hasLaunch,
      optional: true,
      write: (ctx, path, v) => (v === undefined ? deleteIn(ctx.state, contractPath('launchWindow')) : setIn(ctx.state, path, v)),
    }),
    q(contractPath('launchWindow', 'to'), 'input', 'Last day of the launch window, YYYY-MM-DD', { when: (ctx) => getIn(ctx.state, contractPath('launchWindow')) !== undefined }),
    q(contractPath('deliveryDate'), 'input', 'Delivery date (in orbit or on the ground), YYYY-MM-DD', { optional: true }),
    q(contractPath('acceptance', 'criteria'), 'input', 'Acceptance criteria, or the annex that sets them', {
      optional: true,
    }),
    q(contractPath('acceptance', 'periodDays'), 'number', 'Days the acceptance tests may take', { optional: true }),
    q(contractPath('titleAndRisk'), 'select', 'When do title and risk pass to the customer?', {
      when: (ctx) => hasLaunch(ctx) || ((coop(ctx).spaceObjects as unknown[] | undefined) ?? []).length > 0,
      choices: (ctx) => {
        const implied = ctx.resolved ? buildContractView(ctx.resolved).titleRisk : null;
        return [{ value: '', name: `As the deal implies${implied ? ` (${implied})` : ''}` }, ...enumChoices(['contract', 'titleAndRisk'], TITLE_RISK_EVENTS)(ctx)];
      },
      suggest: () => '',
      validate: () => true,
      fromPrompt: (raw) => (raw === '' ? undefined : raw),
    }),
    q(contractPath('insurance', 'thirdPartyAmount', 'amount'), 'number', 'Third-party liability insurance (an amount in the contract currency)', {
      when: hasLaunch,
      optional: true,
      write: (ctx, path, v) => (v === undefined ? deleteIn(ctx.state, contractPath('insurance', 'thirdPartyAmount')) : setIn(ctx.state, path, v)),
    }),
    q(contractPath('insurance', 'launchInsurance'), 'confirm', 'Must the customer take out launch insurance (otherwise at its option)?', {
      when: hasLaunch,
      fallback: () => false,
      // Absent means at the customer's option: a "no" is not written.
      fromPrompt: (raw) => (raw === true ? true : undefined),
      write: (ctx, path, v) => (v === undefined ? deleteIn(ctx.state, path) : setIn(ctx.state, path, v)),
    }),
    q(contractPath('liabilityCap', 'amount'), 'number', 'Cap on each party\'s liability to the other (an amount)', {
      optional: true,
      write: (ctx, path, v) => (v === undefined ? deleteIn(ctx.state, contractPath('liabilityCap')) : setIn(ctx.state, path, v)),
    }),
    q(contractPath('immunityWaiver'), 'confirm', 'Does the State party waive its immunity from jurisdiction and, separately, from execution?', {
      when: (ctx) => ((ctx.state.parties as Obj[] | undefined) ?? []).some((p) => p.type !== 'commercial' && p.type !== 'research-institution'),
      fallback: () => false,
      fromPrompt: (raw) => (raw === true ? true : undefined),
    }),
  ],
};

// ---------------------------------------------------------------------------------------------
// The Chinese authentic text: the Chinese form of each name the text uses, written into the `zh`
// blocks of the terms file (`parties[0].zh.name`, `cooperation.spaceObjects[0].zh.name`, ...). A
// name left out is a blank [●] in the Chinese text and an open point at that path.

const hasChinese = (ctx: Ctx) => ((getIn(ctx.state, ['languages']) as string[] | undefined) ?? []).some((l) => String(l).toLowerCase() === 'zh');
/** The answer to "give the Chinese forms now?", per interview (the terms file does not keep it). */
const chineseNow = new WeakMap<Obj, boolean>();
const askingChinese = (ctx: Ctx) => hasChinese(ctx) && chineseNow.get(ctx.state) === true;

/**
 * The Chinese form of the string at `english` (a path with numbers), asked only when that string is
 * given and the user chose to give the Chinese forms now. Optional: Enter leaves it out.
 */
function chineseForm(english: Path, zh: Path, what: string, extra: Partial<Question> = {}): Question {
  return q(zh, 'input', (ctx) => `Chinese ${what}: “${str(getIn(ctx.state, english)) ?? ''}”`, {
    optional: true,
    when: (ctx) => askingChinese(ctx) && str(getIn(ctx.state, english)) !== undefined,
    // A Chinese form of an English string changed in this round is not offered again: it translates the old one.
    read: (ctx, path) => (staleChinese(ctx, english, path) ? undefined : getIn(ctx.state, path)),
    note: (ctx) => {
      const was = ctx.origin ? getIn(ctx.origin, english) : undefined;
      return staleChinese(ctx, english, zh) ? `The English changed from “${String(was)}” to “${String(getIn(ctx.state, english))}”: its Chinese form “${String(getIn(ctx.state, zh))}” is not kept; give the new one (Enter leaves a blank [●]).` : undefined;
    },
    ...extra,
  });
}

/** The Chinese form at `zh` was given for an English string this round has changed. */
function staleChinese(ctx: Ctx, english: Path, zh: Path): boolean {
  if (!ctx.origin) return false;
  const was = getIn(ctx.origin, english);
  const zhWas = getIn(ctx.origin, zh);
  return was !== undefined && zhWas !== undefined && !deepEqual(was, getIn(ctx.state, english)) && deepEqual(zhWas, getIn(ctx.state, zh));
}

/** A State the Chinese text names without help (中华人民共和国 for People's Republic of China): not asked. */
const unknownState = (en: string | undefined) => en !== undefined && !STATE_NAMES_ZH.some(([re]) => re.test(en.trim()));

/** The Chinese forms of each party's strings. */
const chineseParty = (i: number): Question[] => {
  const en = (...rest: Path) => ['parties', i, ...rest] as Path;
  const zh = (...rest: Path) => ['parties', i, 'zh', ...rest] as Path;
  return [
    chineseForm(en('name'), zh('name'), 'name of the party', { message: (ctx) => `Chinese name of “${str(getIn(ctx.state, en('name')))}” (e.g. ${i === 0 ? '中国国家航天局' : '巴西航天局'})` }),
    chineseForm(en('shortName'), zh('shortName'), 'short name', { message: (ctx) => `Chinese short name for “${str(getIn(ctx.state, en('shortName')))}” (e.g. ${i === 0 ? '国家航天局' : '巴西航天局'})` }),
    chineseForm(en('state'), zh('state'), 'name of the State', {
      message: (ctx) => `Chinese name of “${str(getIn(ctx.state, en('state')))}” (e.g. ${i === 0 ? '中华人民共和国' : '巴西联邦共和国'})`,
      when: (ctx) => askingChinese(ctx) && unknownState(str(getIn(ctx.state, en('state')))),
    }),
    chineseForm(en('legalForm'), zh('legalForm'), `legal form of ${i === 0 ? 'the first' : 'the second'} party`),
    chineseForm(en('registeredOffice'), zh('registeredOffice'), `registered office of ${i === 0 ? 'the first' : 'the second'} party`),
    chineseForm(en('designatedBy'), zh('designatedBy'), 'name of the body that designated the party', {
      message: (ctx) => `Chinese name of “${str(getIn(ctx.state, en('designatedBy')))}”, which designated ${i === 0 ? 'the first' : 'the second'} party (e.g. 中华人民共和国政府)`,
    }),
    chineseForm(en('signatory', 'name'), zh('signatory', 'name'), 'name of the signatory'),
    chineseForm(en('signatory', 'title'), zh('signatory', 'title'), 'title of the signatory', { message: (ctx) => `Chinese title of the signatory: “${str(getIn(ctx.state, en('signatory', 'title')))}” (e.g. 局长)` }),
  ];
};

/**
 * Phrases that match the English ones one for one (objectives, a party's tasks): typed on one line,
 * separated by semicolons (；or ;), in the same order; one left out at the end is a blank [●].
 */
function chinesePhrases(english: (ctx: Ctx) => string[] | undefined, zh: Path, what: string, extra: Partial<Question> = {}): Question {
  return chineseForm(zh, zh, what, {
    message: (ctx) => `Chinese ${what}, in the same order, separated by ；: ${(english(ctx) ?? []).map((x, k) => `(${k + 1}) ${x}`).join(' ')}`,
    when: (ctx) => askingChinese(ctx) && (english(ctx)?.length ?? 0) > 0,
    toPrompt: (v) => (Array.isArray(v) ? v.join('；') : v),
    fromPrompt: (raw) => String(raw ?? '').split(/[;；]/).map((x) => x.trim()).filter(Boolean),
    consistent: (v, ctx) => {
      const n = english(ctx)?.length ?? 0;
      const got = Array.isArray(v) ? v.length : 0;
      // Fewer is allowed: an English phrase added since has no Chinese yet, and is a blank [●] in the Chinese text.
      return got <= n ? true : `Give at most ${n} ${what}, one for each English one in the same order, separated by ；(you gave ${got})`;
    },
    ...extra,
  });
}

/** A party's Chinese tasks, kept in its `cooperation.responsibilities` entry. */
function chineseTasks(i: 0 | 1): Question {
  const entries = (ctx: Ctx) => (getIn(ctx.state, ['cooperation', 'responsibilities']) as Obj[] | undefined) ?? [];
  const index = (ctx: Ctx) => entries(ctx).findIndex((r) => r.party === partyIds(ctx)[i]);
  const english = (ctx: Ctx) => entries(ctx)[index(ctx)]?.tasks as string[] | undefined;
  return chinesePhrases(english, ['cooperation', 'responsibilities', i, 'zh', 'tasks'], `tasks of ${i === 0 ? 'the first' : 'the second'} party`, {
    read: (ctx) => getIn(ctx.state, ['cooperation', 'responsibilities', index(ctx), 'zh', 'tasks']),
    write: (ctx, _p, v) => {
      const k = index(ctx);
      if (k < 0) return;
      const path = ['cooperation', 'responsibilities', k, 'zh'];
      if (v !== undefined) setIn(ctx.state, [...path, 'tasks'], v);
      else {
        deleteIn(ctx.state, [...path, 'tasks']);
        if (Object.keys((getIn(ctx.state, path) as Obj | undefined) ?? {}).length === 0) deleteIn(ctx.state, path);
      }
    },
  });
}

/** One question per item of a list of named things (space objects, facilities), up to `max`. */
const chineseItems = (list: Path, max: number, what: string, field = 'name'): Question[] =>
  Array.from({ length: max }, (_, k) => chineseForm([...list, k, field], [...list, k, 'zh', field], what));

const chineseSection: Section = {
  id: 'zh',
  title: '6. The Chinese text',
  intro: 'Chinese is an authentic language: the Chinese text needs the Chinese form of each name. A name left out shows as a blank [●] in the Chinese text and an open point in the notes.',
  when: hasChinese,
  steps: [
    {
      // Not a field: whether to give the forms now. No leaves the `zh` blocks as they are.
      ...q(['zh'], 'confirm', 'Give the Chinese forms of the names now?', {
        control: true,
        validate: () => true,
        read: () => undefined,
        fallback: () => true,
        write: (ctx, _path, v) => {
          chineseNow.set(ctx.state, v === true);
        },
      }),
    },
    ...chineseParty(0),
    ...chineseParty(1),
    chineseForm(['parentInstrument', 'title'], ['parentInstrument', 'zh', 'title'], 'title of the instrument this one implements, in 《》'),
    chineseForm(['parentInstrument', 'title'], ['parentInstrument', 'zh', 'shortTitle'], 'short title of that instrument after its first mention, in 《》 (e.g. 《框架协定》)', {
      message: (ctx) => `Chinese short title of “${str(getIn(ctx.state, ['parentInstrument', 'shortTitle'])) ?? str(getIn(ctx.state, ['parentInstrument', 'title']))}” after its first mention, in 《》 (e.g. 《框架协定》)`,
    }),
    ...Array.from({ length: 10 }, (_, k) => chineseForm(['priorInstruments', k, 'title'], ['priorInstruments', k, 'zh', 'title'], 'title of the earlier instrument, in 《》')),
    chineseForm(['cooperation', 'project', 'name'], ['cooperation', 'project', 'zh', 'name'], 'name of the project'),
    chineseForm(['cooperation', 'project', 'description'], ['cooperation', 'project', 'zh', 'description'], 'description of the project, completing “项目包括：…”', { multiline: true }),
    chinesePhrases((ctx) => getIn(ctx.state, ['cooperation', 'objectives']) as string[] | undefined, ['cooperation', 'zh', 'objectives'], 'objectives'),
    chineseTasks(0),
    chineseTasks(1),
    ...chineseItems(['cooperation', 'spaceObjects'], 50, 'name of the space object'),
    chineseForm(['cooperation', 'station', 'name'], ['cooperation', 'station', 'zh', 'name'], 'name of the space station'),
    ...chineseItems(['cooperation', 'facilities'], 20, 'name of the facility'),
    ...chineseItems(['cooperation', 'facilities'], 20, 'description of the site of the facility', 'site'),
    ...chineseItems(['cooperation', 'implementingEntities'], 20, 'name of the implementing entity'),
    chineseForm(['cooperation', 'launch', 'site'], ['cooperation', 'launch', 'zh', 'site'], 'name of the launch site'),
    chineseForm(['cooperation', 'launch', 'vehicle'], ['cooperation', 'launch', 'zh', 'vehicle'], 'name of the launch vehicle'),
    chineseForm(['cooperation', 'launch', 'provider'], ['cooperation', 'launch', 'zh', 'provider'], 'name of the launch service provider'),
    chineseForm(['cooperation', 'launch', 'siteState'], ['cooperation', 'launch', 'zh', 'siteState'], 'name of the State of the launch site', {
      when: (ctx) => askingChinese(ctx) && unknownState(str(getIn(ctx.state, ['cooperation', 'launch', 'siteState']))),
    }),
    chineseForm(['cooperation', 'launch', 'siteOperator'], ['cooperation', 'launch', 'zh', 'siteOperator'], 'name of the launch site operator'),
    chineseForm(['liability', 'indemnityCap'], ['liability', 'zh', 'indemnityCap'], 'cap on the launch-phase indemnity'),
    chineseForm(['disputes', 'arbitration', 'seat'], ['disputes', 'arbitration', 'zh', 'seat'], 'name of the seat of arbitration', { message: (ctx) => `Chinese name of the seat of arbitration: “${str(getIn(ctx.state, ['disputes', 'arbitration', 'seat']))}” (e.g. 海牙)` }),
    chineseForm(['disputes', 'arbitration', 'language'], ['disputes', 'arbitration', 'zh', 'language'], 'name of the language of the arbitration', { message: (ctx) => `Chinese name of the language of the arbitration: “${str(getIn(ctx.state, ['disputes', 'arbitration', 'language']))}” (e.g. 英文)` }),
    chineseForm(['disputes', 'arbitration', 'appointingAuthority'], ['disputes', 'arbitration', 'zh', 'appointingAuthority'], 'name of the appointing authority'),
    chineseForm(['contract', 'governingLaw'], ['contract', 'zh', 'governingLaw'], 'governing law (e.g. 英格兰和威尔士法律)'),
    chineseForm(['contract', 'acceptance', 'criteria'], ['contract', 'acceptance', 'zh', 'criteria'], 'acceptance criteria'),
    ...Array.from({ length: 12 }, (_, k) => chineseForm(['contract', 'payments', k, 'milestone'], ['contract', 'payments', k, 'zh', 'milestone'], 'event of the payment')),
    chineseForm(['signing', 'place'], ['signing', 'zh', 'place'], 'name of the place of signature', { message: (ctx) => `Chinese name of the place of signature: “${str(getIn(ctx.state, ['signing', 'place']))}” (e.g. 北京)` }),
  ],
};

export const SECTIONS: readonly Section[] = [partiesSection, formSection, scopeSection, saleSection, contractPartiesSection, contractSection, jurisdictionSection, ipSection, liabilitySection, disputesSection, finalSection, chineseSection];

/** The built-in variants of each topic, with the schema's explanation of each. */
export const BUILTIN_VARIANTS: Record<Topic, VariantChoice[]> = {
  jurisdiction: Object.entries(REGISTRATION).map(([value, description]) => ({ value, description })),
  ip: Object.entries(IP_FOREGROUND).map(([value, description]) => ({ value, description })),
  liability: Object.entries(LIABILITY_REGIMES).map(([value, description]) => ({ value, description })),
  disputes: [],
};

/** Every question, lists' item questions included, for tests that walk them all. */
export function allQuestions(): Question[] {
  return SECTIONS.flatMap((s) => s.steps.flatMap((st) => (st.type === 'list' ? st.rest : [st])));
}
