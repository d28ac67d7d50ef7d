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
  /**
   * Every launching State the facts show (Liability Convention Art. I(c); Registration Convention
   * Art. I(a)): the State that launches, each State that procures the launch, the State of the launch
   * site. `party` is absent for a State that is neither party's (a site State named in the terms).
   */
  launchingStates: LaunchingState[];
  /** Facts about the launch that the terms leave out and the draft assumes; the notes say so. */
  launchAssumptions: string[];
  /** Something is, or will be, in orbit under the instrument: a launch or a named space object. */
  inOrbit: boolean;
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
  /** Commercial terms (form `contract`, or a price stated under any form). */
  contract: NonNullable<Terms['contract']>;
}

export type LaunchingRole = 'launches' | 'procures' | 'site';
export interface LaunchingState {
  /** The State's name as the terms give it; undefined when the party has no `state`. */
  state: string | undefined;
  party?: ResolvedParty;
  roles: LaunchingRole[];
}

/**
 * Launching States from the facts (Registration Convention Art. I(a)): the launching party's State
 * (it launches, or procures the launch from its own State's provider); each party in
 * `launch.procuredBy`, or, when that is absent, each owner of a launched object (assumed, and said
 * so); the State of the launch site, `launch.siteState` or, when absent, the launching party's own
 * State (assumed). Owning an object does not by itself make a State a launching State; a State that
 * only takes an object over in orbit is none.
 */
export function deriveLaunchingStates(
  launch: NonNullable<Terms['cooperation']>['launch'],
  parties: readonly ResolvedParty[],
  spaceObjects: readonly { name: string; owners: ResolvedParty[] }[],
  /** A contract is the customer's order for the launch: an owner that buys it procures it, as a fact, not an assumption. */
  contract = false,
): { states: LaunchingState[]; assumptions: string[] } {
  if (!launch) return { states: [], assumptions: [] };
  const byId = (id: string) => parties.find((p) => p.id === id)!;
  const launcher = byId(launch.launchingParty);
  const states: LaunchingState[] = [];
  const assumptions: string[] = [];
  const add = (role: LaunchingRole, party: ResolvedParty | undefined, state = party?.state) => {
    const same = states.find((s) => (party && s.party === party) || (state !== undefined && s.state === state));
    if (same) {
      if (!same.roles.includes(role)) same.roles.push(role);
      if (!same.party && party) same.party = party;
      return;
    }
    states.push({ state, ...(party ? { party } : {}), roles: [role] });
  };
  const launches = launcher.type === 'commercial' || launcher.type === 'state-enterprise' ? !launch.provider : false;
  add(launches ? 'launches' : 'procures', launcher);
  if (launch.procuredBy) {
    for (const id of launch.procuredBy) add('procures', byId(id));
  } else {
    const owners = [...new Set(spaceObjects.flatMap((o) => o.owners))].filter((p) => p !== launcher);
    for (const o of owners) add('procures', o);
    if (owners.length && !contract) {
      assumptions.push(
        `The terms do not say who procures the launch: ${owners.map((o) => o.label).join(' and ')}, as owner, is assumed to procure it with ${launcher.label}, which makes its State a launching State. Owning an object does not by itself make a State a launching State; if it does not procure the launch, set \`cooperation.launch.procuredBy\`.`,
      );
    }
  }
  if (launch.siteState) {
    const party = parties.find((p) => p.state === launch.siteState);
    add('site', party, launch.siteState);
  } else {
    add('site', launcher);
    assumptions.push(
      `The terms do not name the State of the launch site: it is assumed to be ${launcher.state ?? `${launcher.label}'s State`}. If the site is on another State's territory, set \`cooperation.launch.siteState\`: that State is a launching State too.`,
    );
  }
  return { states, assumptions };
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
  const derived = deriveLaunchingStates(c.launch, parties, spaceObjects, form === 'contract');
  const launching = new Set(derived.states.flatMap((s) => (s.party ? [s.party] : [])));
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
    launchingStates: derived.states,
    launchAssumptions: derived.assumptions,
    inOrbit: Boolean(c.launch) || spaceObjects.length > 0,
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
    contract: terms.contract ?? {},
  };
}

/**
 * Two Governments, one of them China's: Chinese framework agreements (and the 2014 China–Argentina
 * station agreement) settle disputes by consultation through diplomatic channels, not arbitration.
 */
export function diplomaticSettlementPractice(parties: readonly Pick<ResolvedParty, 'type' | 'state'>[]): boolean {
  return parties.every((p) => p.type === 'government') && parties.some((p) => /\bChina\b/i.test(p.state ?? ''));
}

/**
 * A term of ten years or more: a station on the other State's territory then locks in its initial
 * term, and is best settled between Governments (China–Argentina 2014: fifty years).
 */
export function isLongTerm(t: Pick<ResolvedTerms, 'term'>): boolean {
  return t.term.years >= 10;
}

export function languageName(code: string): string {
  return LANGUAGES[code] ?? code.toUpperCase();
}
