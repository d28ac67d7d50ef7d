import { UserError } from '../errors.js';
import { closest } from '../util/suggest.js';
import type { ClauseMeta, ClauseSource, DefinitionMeta, Lang } from './clause-file.js';
import { HELPER_NAMES, HELPERS } from './helpers.js';

// Shared by the runtime compiler (overlays, tests) and the build-time precompiler: nothing here
// imports the Handlebars compiler, so start-up with the precompiled library never loads it.

export interface Clause {
  id: string;
  topic: string;
  variant: string;
  file: string;
  meta: ClauseMeta;
  body: string;
  render: (view: object) => string;
  /** The article heading; titles may use the voice helpers ("Responsibilities of the {{Parties}}"). */
  renderTitle: (view: object) => string;
  /**
   * The clause's note for counsel, for the draft's own facts: `review` may use the template syntax
   * (`{{#if binding}}…{{/if}}`) so that a note never speaks of a form, asset or clause the draft lacks.
   */
  renderReview: (view: object) => string;
}

export interface Definition {
  id: string;
  term: string;
  file: string;
  meta: DefinitionMeta;
  body: string;
  render: (view: object) => string;
  /** The body holds no Handlebars expression: it renders as written, whatever the view. */
  fixed: boolean;
}

export interface Library {
  /** The language of the texts: `en`, or a twin language. */
  lang: Lang;
  /** The Chinese twins of this (English) library, when they were loaded. */
  zh?: Library;
  /** In a twin library: ids (clauses, definitions, `_partials/<name>`) of an overlay's texts that have no twin. */
  missing: readonly string[];
  clauses: ReadonlyMap<string, Clause>;
  definitions: ReadonlyMap<string, Definition>;
  has: (id: string) => boolean;
  get: (id: string) => Clause;
  /** Variant names available for a topic, e.g. `liability` -> [`convention-only`, `cross-waiver`, ...]. */
  variants: (topic: string) => string[];
}

const KNOWN_HELPERS = Object.fromEntries(HELPER_NAMES.map((h) => [h, true]));

/** A compiled template, whether compiled now or precompiled at build time. */
export type Template = (view: object, options: { data: { root: object } }) => string;

/** What a library is made of once its templates are compiled: the same for both paths. */
export interface CompiledEntry {
  kind: 'clause' | 'definition';
  id: string;
  file: string;
  meta: ClauseMeta | DefinitionMeta;
  body: string;
  template: Template;
  titleTemplate?: Template;
  reviewTemplate?: Template;
}

/** Compile options shared by the runtime compiler and the build-time precompiler. */
export const COMPILE_OPTIONS = { strict: true, noEscape: true, knownHelpers: KNOWN_HELPERS, assumeObjects: false } as const;

/** A private Handlebars environment with our helpers: the only functions templates can call. */
export function createEnvironment<T extends { create(): any }>(handlebars: T): ReturnType<T['create']> {
  const hb = handlebars.create();
  // Not for clauses: `lookup` reads any property (`constructor` included), `log` writes to the console.
  hb.unregisterHelper('lookup');
  hb.unregisterHelper('log');
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  return hb;
}

/**
 * Call options prepared once per environment. Handlebars sets up every top-level call afresh: it
 * copies and wraps each helper (a closure per helper, then a copy of the options object on every
 * helper call) and rebuilds its prototype-access rules. A draft renders some seventy templates, so
 * here that set-up is done once, and each template is called the way Handlebars calls a partial,
 * with the prepared helpers, partials and rules. The helpers are passed unwrapped: none of ours, nor
 * the built-in block helpers we keep, reads `options.lookupProperty` (the `lookup` helper that does
 * is removed from the environment). Prototype access stays denied, as Handlebars' defaults have it.
 */
export function preparedCall(hb: { helpers: Record<string, unknown>; partials: Record<string, unknown>; decorators: Record<string, unknown> }): (root: object) => object {
  const { helperMissing, blockHelperMissing, ...helpers } = hb.helpers;
  const deny = (names: string[]) => Object.assign(Object.create(null) as Record<string, boolean>, Object.fromEntries(names.map((n) => [n, false])));
  const base = {
    partial: true,
    helpers,
    partials: hb.partials,
    decorators: hb.decorators,
    hooks: { helperMissing, blockHelperMissing },
    protoAccessControl: {
      properties: { whitelist: deny(['__proto__']), defaultValue: undefined },
      methods: { whitelist: deny(['constructor', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']), defaultValue: undefined },
    },
  };
  // A draft renders all its templates with one view: their call options are made once per view.
  let lastRoot: object | undefined;
  let last: object | undefined;
  return (root) => {
    if (root !== lastRoot) {
      last = { ...base, data: { root } };
      lastRoot = root;
    }
    return last!;
  };
}

export function assembleLibrary(entries: readonly CompiledEntry[], lang: Lang = 'en', missing: readonly string[] = [], call?: (root: object) => object): Library {
  const clauses = new Map<string, Clause>();
  const definitions = new Map<string, Definition>();
  const options = call ?? ((root: object) => ({ data: { root } }));
  for (const e of entries) {
    // A body without `{{` is one piece of content, which Handlebars returns as it is.
    const fixed = !e.body.includes('{{');
    const render = fixed ? () => e.body : (view: object) => e.template(view, options(view) as { data: { root: object } });
    if (e.kind === 'definition') {
      const meta = e.meta as DefinitionMeta;
      definitions.set(e.id, { id: e.id, term: meta.term, file: e.file, meta, body: e.body, render, fixed });
    } else {
      const [topic, variant] = e.id.split('/') as [string, string];
      const meta = e.meta as ClauseMeta;
      const title = e.titleTemplate;
      const renderTitle = title ? (view: object) => title(view, options(view) as { data: { root: object } }) : () => meta.title;
      const review = e.reviewTemplate;
      const renderReview = review ? (view: object) => review(view, options(view) as { data: { root: object } }).replace(/\s+/g, ' ').trim() : () => meta.review;
      clauses.set(e.id, { id: e.id, topic, variant, file: e.file, meta, body: e.body, render, renderTitle, renderReview });
    }
  }

  return {
    lang,
    missing,
    clauses,
    definitions,
    has: (id) => clauses.has(id),
    get: (id) => {
      const c = clauses.get(id);
      if (!c) {
        const near = closest(id, [...clauses.keys()]);
        throw new UserError(`no clause \`${id}\` in the library${near ? `: did you mean \`${near}\`?` : ''}`, {
          hint: 'Run `spacecoop clauses` to list the library, or add the file with --clauses DIR.',
        });
      }
      return c;
    },
    variants: (topic) => [...clauses.values()].filter((c) => c.topic === topic).map((c) => c.variant).sort(),
  };
}


/** A twin's metadata: its own title (or term), the English text's `fits`, `sources`, `review` and `defines`. */
export function twinMeta(s: Pick<ClauseSource, 'kind' | 'id' | 'meta' | 'lang'>, english?: Library): ClauseMeta | DefinitionMeta {
  if (!english || s.lang === 'en') return s.meta!;
  if (s.kind === 'definition') {
    const en = english.definitions.get(s.id)!;
    return { ...en.meta, term: (s.meta as DefinitionMeta).term };
  }
  const en = english.get(s.id);
  return { ...en.meta, title: (s.meta as ClauseMeta).title };
}
