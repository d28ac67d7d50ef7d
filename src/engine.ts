import { buildLibrary, type Library } from './library/library.js';
import type { ClauseSource } from './library/clause-file.js';
import { planDraft, type Plan } from './plan/plan.js';
import type { Draft } from './render/draft.js';
import { renderDraft, type RenderOptions } from './render/render.js';
import { buildView } from './render/view.js';
import { parseTerms, type ParsedTerms } from './terms/parse.js';
import { resolveTerms, type ResolvedTerms } from './terms/resolve.js';
import { VARIANT_FIELDS, type Terms } from './terms/schema.js';

/**
 * The engine other programs call: terms text in, structured draft out. No printing, no exiting,
 * no files: the CLI reads and writes.
 */
let viewKeys: Set<string> | undefined;
export function templateViewKeys(): Set<string> {
  viewKeys ??= new Set(
    Object.keys(buildView(resolveTerms({ form: 'agreement', parties: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }] } as Terms), {})),
  );
  return viewKeys;
}

/** `builtin`: which files are the built-in library's, whose clauses must each have their twins. */
export function compileLibrary(sources: readonly ClauseSource[], builtin?: (file: string) => boolean): Library {
  return buildLibrary(sources, { viewKeys: templateViewKeys(), ...(builtin ? { builtin } : {}) });
}

export interface DraftResult {
  parsed: ParsedTerms;
  terms: ResolvedTerms;
  plan: Plan;
  draft: Draft;
}

/** For each terms field that names a clause file, the variants this library offers (overlay included). */
export function libraryVariants(library: Library): Record<string, string[]> {
  return Object.fromEntries(VARIANT_FIELDS.map((f) => [f.topic, library.variants(f.topic)]));
}

export function draftFromTermsText(source: string, file: string, library: Library, options: RenderOptions = {}): DraftResult {
  const parsed = parseTerms(source, file, { variants: libraryVariants(library) });
  return draftFromTerms(parsed, library, options);
}

export function draftFromTerms(parsed: ParsedTerms, library: Library, options: RenderOptions = {}): DraftResult {
  const terms = resolveTerms(parsed.terms);
  const plan = planDraft(terms, { has: library.has });
  const draft = renderDraft(terms, plan, library, options);
  return { parsed, terms, plan, draft };
}
