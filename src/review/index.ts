import type { Draft } from '../render/draft.js';
import type { ResolvedTerms } from '../terms/resolve.js';
import type { Finding } from './types.js';

export type { Finding } from './types.js';

/** Rules over the terms (and the draft they produce). Filled in by the review rules. */
export function reviewTerms(_terms: ResolvedTerms, _draft?: Draft): Finding[] {
  return [];
}
