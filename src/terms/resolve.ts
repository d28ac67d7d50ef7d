import { LANGUAGES, type Area, type DisputeStep, type Form, type Party, type PartyType, type Terms } from './schema.js';

/** Forms that create no legal obligations (VCLT Art. 2(1)(a); agency practice). */
export const NON_BINDING_FORMS: readonly Form[] = ['memorandum-of-understanding'];
/** Forms that, between governments, enter into force after domestic procedures. */
export const INTERGOVERNMENTAL_FORMS: readonly Form[] = ['agreement', 'framework-agreement', 'pact'];
/** Forms that sit under a parent instrument and need an order-of-precedence clause (IGA Art. 4(2)). */
export const SUBORDINATE_FORMS: readonly Form[] = ['protocol', 'additional-protocol', 'implementing-arrangement'];

export const DEFAULTS = {
  exportControlled: false,
  personnelExchange: false,
  funding: 'each-bears-own',
  licence: 'cooperative-purposes',
  confidentialityYears: 5,
  flowDown: true,
  thirdParty: 'consult-and-apportion',
  consultationDays: 90,
  arbitrationRules: 'pca-outer-space',
  arbitrators: 3,
  termYears: 5,
  renewal: 'automatic',
  terminationNoticeMonths: 6,
  languages: ['en'],
} as const;

export interface ResolvedParty extends Party {
  type: PartyType;
  /** How the text names the party after first mention: the short name, else the full name. */
  label: string;
  index: 0 | 1;
}

/** Terms with every default applied and the facts the plan and the review rules need derived once. */
export interface ResolvedTerms {
  source: Terms;
  form: Form;
  binding: boolean;
  intergovernmental: boolean;
  subordinate: boolean;
  parties: [ResolvedParty, ResolvedParty];
  party: (id: string) => ResolvedParty;
  areas: Area[];
  hasArea: (...areas: Area[]) => boolean;
  launch: NonNullable<Terms['cooperation']>['launch'];
  /** Parties whose States are launching States of the cooperation's objects (launch, or procurement by an owner). */
  launchingParties: ResolvedParty[];
  spaceObjects: { name: string; owners: ResolvedParty[] }[];
  jointlyOwnedObjects: boolean;
  facilities: { name: string; host: ResolvedParty; operator: ResolvedParty }[];
  commercialInvolved: boolean;
  exportControlled: boolean;
  personnelExchange: boolean;
  funding: string;
  licence: string;
  confidentialityYears: number;
  flowDown: boolean;
  thirdParty: string;
  insurance: boolean;
  disputeSteps: DisputeStep[];
  consultationDays: number;
  arbitration: { rules: string; seat?: string; arbitrators: number; language: string; appointingAuthority?: string };
  term: { years: number; renewal: string; renewalYears: number; terminationNoticeMonths: number };
  languages: string[];
}

export function resolveTerms(terms: Terms): ResolvedTerms {
  const form = terms.form;
  const binding = !NON_BINDING_FORMS.includes(form);
  const governmentForm = form === 'agreement' || form === 'pact';
  const parties = terms.parties.slice(0, 2).map((p, i) => ({
    ...p,
    type: p.type ?? (governmentForm ? 'government' : 'space-agency'),
    label: p.shortName ?? p.name,
    index: i as 0 | 1,
  })) as [ResolvedParty, ResolvedParty];
  // Intergovernmental only when both sides are governments: agency texts enter into force on signature.
  const intergovernmental = INTERGOVERNMENTAL_FORMS.includes(form) && parties.every((p) => p.type === 'government');
  const byId = new Map(parties.map((p) => [p.id, p]));
  const party = (id: string) => {
    const p = byId.get(id);
    if (!p) throw new Error(`unresolved party handle ${id}`); // the loader has already checked handles
    return p;
  };
  const c = terms.cooperation ?? {};
  const areas = [...new Set(c.areas ?? [])];
  const spaceObjects = (c.spaceObjects ?? []).map((o) => ({ name: o.name, owners: [...new Set(o.ownedBy)].map(party) }));
  const launcher = c.launch ? party(c.launch.launchingParty) : undefined;
  // A State that launches or procures the launch is a launching State (Liability Convention Art. I(c)).
  // An owner of a jointly owned object is treated as procuring its launch.
  const launching = new Set<ResolvedParty>();
  if (launcher) launching.add(launcher);
  if (c.launch) for (const o of spaceObjects) for (const owner of o.owners) launching.add(owner);
  const languages = terms.languages ?? [...DEFAULTS.languages];
  const disputeSteps = terms.disputes?.steps ?? (binding && !diplomaticSettlementPractice(parties) ? ['consultation', 'arbitration'] : ['consultation']);
  const a = terms.disputes?.arbitration ?? {};
  return {
    source: terms,
    form,
    binding,
    intergovernmental,
    subordinate: SUBORDINATE_FORMS.includes(form),
    parties,
    party,
    areas,
    hasArea: (...xs) => xs.some((x) => areas.includes(x)),
    launch: c.launch,
    launchingParties: parties.filter((p) => launching.has(p)),
    spaceObjects,
    jointlyOwnedObjects: spaceObjects.some((o) => o.owners.length > 1),
    facilities: (c.facilities ?? []).map((f) => ({ name: f.name, host: party(f.host), operator: party(f.operator) })),
    commercialInvolved: parties.some((p) => p.type === 'commercial') || Boolean(c.launch?.provider),
    exportControlled: c.exportControlled ?? DEFAULTS.exportControlled,
    personnelExchange: c.personnelExchange ?? DEFAULTS.personnelExchange,
    funding: c.funding ?? DEFAULTS.funding,
    licence: terms.ip?.licence ?? DEFAULTS.licence,
    confidentialityYears: terms.ip?.confidentialityYears ?? DEFAULTS.confidentialityYears,
    flowDown: terms.liability?.flowDown ?? DEFAULTS.flowDown,
    thirdParty: terms.liability?.thirdParty ?? DEFAULTS.thirdParty,
    insurance: terms.liability?.insurance ?? Boolean(c.launch?.provider),
    disputeSteps: [...disputeSteps],
    consultationDays: terms.disputes?.consultationDays ?? DEFAULTS.consultationDays,
    arbitration: {
      rules: a.rules ?? DEFAULTS.arbitrationRules,
      seat: a.seat,
      arbitrators: a.arbitrators ?? DEFAULTS.arbitrators,
      language: a.language ?? languageName(languages[0]!),
      appointingAuthority: a.appointingAuthority,
    },
    term: {
      years: terms.term?.years ?? DEFAULTS.termYears,
      renewal: terms.term?.renewal ?? DEFAULTS.renewal,
      renewalYears: terms.term?.renewalYears ?? terms.term?.years ?? DEFAULTS.termYears,
      terminationNoticeMonths: terms.term?.terminationNoticeMonths ?? DEFAULTS.terminationNoticeMonths,
    },
    languages,
  };
}

/**
 * Two Governments, one of them China's: Chinese framework agreements (and the 2014 China–Argentina
 * station agreement) settle disputes by consultation through diplomatic channels, not arbitration.
 */
export function diplomaticSettlementPractice(parties: readonly Pick<ResolvedParty, 'type' | 'state'>[]): boolean {
  return parties.every((p) => p.type === 'government') && parties.some((p) => /\bChina\b/i.test(p.state ?? ''));
}

export function languageName(code: string): string {
  return LANGUAGES[code] ?? code.toUpperCase();
}
