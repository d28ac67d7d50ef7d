import type { Library } from '../../library/library.js';
import type { Provision } from './scorecard.js';

/** What the library offers to fill a missing or vague provision: clause ids, and the terms fields that choose between them. */
export interface Suggestion {
  /** Clause ids (`spacecoop clauses show ID`), each with the library's note on when it fits. */
  clauses: { id: string; fits: string }[];
  /** Terms-file fields that decide between the clauses, as dotted paths. */
  fields: string[];
}

/** The library topic and the terms fields that decide it, per provision. */
export const SUGGEST_FIELDS: Record<Provision, { topic: string; fields: string[] }> = {
  jurisdiction: { topic: 'jurisdiction', fields: ['jurisdiction.registration', 'jurisdiction.registeringParty', 'cooperation.launch.launchingParty', 'cooperation.spaceObjects', 'cooperation.facilities'] },
  ip: { topic: 'ip', fields: ['ip.foreground', 'ip.licence', 'ip.confidentialityYears'] },
  liability: { topic: 'liability', fields: ['liability.regime', 'liability.flowDown', 'liability.thirdParty', 'liability.insurance'] },
  disputes: { topic: 'disputes', fields: ['disputes.steps', 'disputes.consultationDays', 'disputes.arbitration'] },
};

/** Provisions a memorandum of understanding cannot carry (docs/legal-reference.md consistency rule 1). */
const BINDING_ONLY = /^(disputes\/arbitration|liability\/cross-waiver)$/;

/**
 * The clauses of `library` (built-in plus any `--clauses` overlay) for one provision; for a
 * non-binding text, without those only a binding instrument can carry.
 */
export function suggestFor(provision: Provision, library: Pick<Library, 'variants' | 'get'>, binding: boolean): Suggestion {
  const { topic, fields } = SUGGEST_FIELDS[provision];
  const clauses = library
    .variants(topic)
    .map((v) => `${topic}/${v}`)
    .filter((id) => binding || !BINDING_ONLY.test(id))
    .map((id) => ({ id, fits: oneLine(library.get(id).meta.fits) }));
  return { clauses, fields };
}

const oneLine = (s: unknown) => (typeof s === 'string' ? s.replace(/\s+/g, ' ').trim() : '');
