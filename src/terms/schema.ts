import * as z from 'zod/mini';

// zod/mini, not the full API: its schemas have no chainable methods to set up, and it starts faster
// (schemas are built at every start). It loads no messages of its own; the English ones are the
// full API's, which the few messages spacecoop passes through from zod use.
z.config(z.locales.en());

/**
 * The terms file, version 1: the single source of truth for the YAML loader, the interview, the
 * JSON Schema and the TypeScript types. Enumerations carry a one-line explanation each, so the
 * interview and the JSON Schema show the same words.
 */

export const FORMS = {
  agreement: 'Binding intergovernmental agreement; enters into force after domestic procedures, by notification.',
  'framework-agreement': 'Binding; sets the general terms and leaves projects to implementing instruments.',
  protocol: 'Binding, subordinate to a framework agreement; usually in force on signature.',
  'additional-protocol': 'Binding; supplements or amends an earlier protocol or agreement.',
  'implementing-arrangement': 'Binding within its framework; agency level, in force on signature, needs an order of precedence.',
  pact: 'Binding (a rare title); enters into force as an agreement does.',
  'memorandum-of-understanding': 'Not binding: records intentions of "Participants"; comes into effect on signature.',
  contract: 'A commercial contract for a sale (launch, in-orbit delivery, a satellite, ground segment, data), governed by a national law; effective on signature.',
} as const;
export type Form = keyof typeof FORMS;
export const FORM_IDS = Object.keys(FORMS) as Form[];

export const PARTY_TYPES = {
  government: 'A government, acting through a ministry.',
  'space-agency': 'A national space agency or administration.',
  'state-enterprise': 'A state-owned enterprise (e.g. a space industry corporation).',
  commercial: 'A private company; its state must authorise and supervise its space activities.',
  'research-institution': 'A university, academy or research institute.',
} as const;
export type PartyType = keyof typeof PARTY_TYPES;

export const AREAS = {
  'earth-observation': 'Earth observation satellites and their data',
  communications: 'satellite communications',
  navigation: 'satellite navigation',
  'space-science': 'space science and astronomy',
  'launch-services': 'launch services',
  'in-orbit-delivery': 'in-orbit delivery of satellites',
  'ground-stations': 'ground stations and tracking, telemetry and command',
  'human-spaceflight': 'human spaceflight',
  'lunar-exploration': 'lunar exploration',
  'mars-exploration': 'Mars exploration',
  'space-debris': 'space debris monitoring and mitigation',
  'training-and-education': 'training and education',
} as const;
export type Area = keyof typeof AREAS;

export const REGISTRATION = {
  'each-registers-own': 'Each party provides distinct elements and registers, and keeps jurisdiction and control over, its own (IGA Art. 5).',
  'launching-party': 'One integrated object: the launching or procuring party\'s state registers it for both (Registration Convention Art. II(2)).',
  'designated-party': 'The launching States determine that one of them registers, e.g. the customer\'s State where it procured the launch of an in-orbit delivery.',
  'no-space-object': 'Nothing is launched, and nothing is operated in space except from a ground station: host-State law and control over facilities, the spacecraft a station supports left under their States of registry, and the registration of any object later launched.',
} as const;
export type Registration = keyof typeof REGISTRATION;

export const IP_FOREGROUND = {
  'inventing-party': 'Each party owns what its own personnel or contractors create; the other gets a royalty-free licence for cooperative purposes.',
  joint: 'Results made jointly are owned jointly; the parties agree how to protect and exploit them, weighing contributions.',
  'allocated-by-element': 'Each party owns the intellectual property in the element or instrument it provides.',
} as const;
export type IpForeground = keyof typeof IP_FOREGROUND;

export const IP_LICENCE = {
  'cooperative-purposes': 'A royalty-free licence to use the other party\'s results for the purposes of the cooperation.',
  none: 'No licence beyond what a later written agreement grants.',
} as const;

export const LIABILITY_REGIMES = {
  'cross-waiver': 'Each party waives claims against the other and its related entities for damage in protected space operations (IGA Art. 16).',
  'convention-only': 'No waiver: the parties rely on the Liability Convention and consult on any claim.',
  'fault-based': 'Each party is liable for damage caused by its own fault or negligence (ground cooperation).',
} as const;
export type LiabilityRegime = keyof typeof LIABILITY_REGIMES;

export const THIRD_PARTY = {
  'consult-and-apportion': 'The parties consult and apportion compensation to third parties (Liability Convention Art. V(2)).',
  'launching-party-bears': 'The launching party bears third-party compensation and indemnifies the other.',
} as const;

export const DISPUTE_STEPS = {
  consultation: 'Consultation through the implementing agencies, then diplomatic channels.',
  mediation: 'Mediation or conciliation, by agreement, before arbitration.',
  arbitration: 'Binding arbitration under agreed rules.',
} as const;
export type DisputeStep = keyof typeof DISPUTE_STEPS;

export const ARBITRATION_RULES = {
  'pca-outer-space': 'PCA Optional Rules for Arbitration of Disputes Relating to Outer Space Activities (2011).',
  uncitral: 'UNCITRAL Arbitration Rules.',
  icc: 'ICC Rules of Arbitration (commercial parties).',
} as const;

export const FUNDING = {
  'each-bears-own': 'Each party bears the cost of its own activities, subject to available funds.',
  shared: 'Costs are shared in agreed proportions.',
} as const;

export const RENEWAL = {
  automatic: 'Renewed automatically for successive periods unless a party gives notice.',
  none: 'Expires at the end of its term unless extended by amendment.',
} as const;

export const ENTRY_INTO_FORCE = {
  signature: 'On signature by both parties: agency texts whose commitments need no domestic approval.',
  notification: 'On the later notification that each side has completed its internal procedures (intergovernmental texts, binding cost shares, exemptions).',
  ratification: 'After ratification or approval by each State under its constitutional procedures, on the later notification of it.',
} as const;
export type EntryIntoForce = keyof typeof ENTRY_INTO_FORCE;

/** Language codes we can name in the final clauses (ISO 639-1). */
export const LANGUAGES: Record<string, string> = {
  ar: 'Arabic', de: 'German', en: 'English', es: 'Spanish', fr: 'French', hi: 'Hindi', id: 'Indonesian',
  it: 'Italian', ja: 'Japanese', ko: 'Korean', ms: 'Malay', nl: 'Dutch', pl: 'Polish', pt: 'Portuguese',
  ru: 'Russian', sw: 'Swahili', th: 'Thai', tr: 'Turkish', uk: 'Ukrainian', ur: 'Urdu', vi: 'Vietnamese',
  zh: 'Chinese', fa: 'Persian', he: 'Hebrew', el: 'Greek', sv: 'Swedish', no: 'Norwegian', fi: 'Finnish',
  da: 'Danish', cs: 'Czech', hu: 'Hungarian', ro: 'Romanian', bg: 'Bulgarian', kk: 'Kazakh', mn: 'Mongolian',
  am: 'Amharic', bn: 'Bengali', az: 'Azerbaijani', hy: 'Armenian', ka: 'Georgian', lo: 'Lao', km: 'Khmer',
  my: 'Burmese', ne: 'Nepali', si: 'Sinhala', ta: 'Tamil', uz: 'Uzbek', tg: 'Tajik', ky: 'Kyrgyz', tk: 'Turkmen',
};

const keysOf = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

export const HANDLE = /^[a-z][a-z0-9-]*$/;
/**
 * The schema is built at every start, so it is built lean (about 520 zod schemas instead of 950):
 * each `.check()` or `.describe()` builds a whole new schema, so the checks of one field go in one
 * `.check()`, descriptions are registered on the field's own schema (`.register`, which does not
 * copy it), the schemas that carry a description (handle, date) are built fresh per field, and
 * checks are shared. The JSON Schema (`spacecoop schema`) and the messages are unchanged.
 */

/** One instance of each check, shared by the fields that use it (a check holds no state of its own). */
const shared = <T>(make: (n: number) => T) => {
  const made = new Map<number, T>();
  return (n: number): T => made.get(n) ?? (made.set(n, make(n)), made.get(n)!);
};
const TRIM = z.trim();
const NOT_EMPTY = z.minLength(1, { message: 'must not be empty' });
const maxLength = shared((n) => z.maxLength(n));
const IS_HANDLE = z.regex(HANDLE, { message: 'a handle is lower case letters, digits and hyphens, starting with a letter (e.g. `cnsa`)' });
const handle = () => z.string().check(IS_HANDLE, maxLength(40));
const INT = z.int();
const gte = shared((n) => z.gte(n));
const lte = shared((n) => z.lte(n));
/** A whole number from `min` to `max`. */
const whole = (min: number, max: number) => z.number().check(INT, gte(min), lte(max));
/** Free text from the user: one line, bounded, never empty. */
const text = (max = 300) => z.string().check(TRIM, NOT_EMPTY, maxLength(max));
const longText = () => text(4000);
/**
 * The Chinese forms of an object's free text, for the Chinese authentic text (`--lang zh`): the same
 * keys as the strings beside it. A string the Chinese text needs and has no Chinese form is a blank
 * [●] there, with an open point at this block's path.
 */
const zhBlock = <T extends z.core.$ZodLooseShape>(shape: T) => z.optional(z.strictObject(shape)).register(z.globalRegistry, { description: 'The Chinese forms of the strings beside it, for the Chinese authentic text.' });
const zhText = (max = 300) => z.optional(text(max));
const isoDate = () => z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date is written YYYY-MM-DD (e.g. 2027-03-15)' }),
    z.refine((s: string) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
      message: 'is not a calendar date',
    }),
  );

export const partySchema = z.strictObject({
  id: handle().register(z.globalRegistry, { description: 'Handle used inside this file to refer to the party, e.g. `cnsa`.' }),
  name: text().register(z.globalRegistry, { description: 'Full official name, e.g. "China National Space Administration".' }),
  shortName: z.optional(text(40)).register(z.globalRegistry, { description: 'Short name used in the text, e.g. "CNSA".' }),
  state: z.optional(text()).register(z.globalRegistry, { description: 'The State the party belongs to, e.g. "People\'s Republic of China".' }),
  type: z.optional(z.enum(keysOf(PARTY_TYPES))).register(z.globalRegistry, { description: 'What kind of body the party is.' }),
  legalForm: z.optional(text(160)).register(z.globalRegistry, { description: 'For a contract: the legal form of a company or state enterprise, e.g. "a private limited company incorporated under the laws of India".' }),
  registeredOffice: z.optional(text()).register(z.globalRegistry, { description: 'For a contract: the registered office or principal place of business.' }),
  designatedBy: z.optional(text()).register(z.globalRegistry, {
    description: 'For an instrument under a parent instrument the party is not itself a party to: the body that designated it to conclude and carry out this one, e.g. "the Government of the People\'s Republic of China"; the preamble recites it, and the order-of-precedence article applies the provisions of the parent to it as between the parties.',
  }),
  signatory: z.optional(
    z.strictObject({
      name: z.optional(text()).register(z.globalRegistry, { description: 'Name of the person who signs.' }),
      title: z.optional(text()).register(z.globalRegistry, { description: 'Title of the person who signs, e.g. "Administrator".' }),
    })),
  zh: zhBlock({
    name: zhText().register(z.globalRegistry, { description: 'e.g. "中国国家航天局".' }),
    shortName: zhText(40).register(z.globalRegistry, { description: 'e.g. "国家航天局".' }),
    state: zhText().register(z.globalRegistry, { description: 'e.g. "中华人民共和国".' }),
    legalForm: zhText(160),
    registeredOffice: zhText(),
    designatedBy: zhText(),
    signatory: z.optional(z.strictObject({ name: zhText(), title: zhText() })),
  }),
});

export const instrumentRefSchema = z.strictObject({
  title: text().register(z.globalRegistry, { description: 'Title of the instrument.' }),
  shortTitle: z.optional(text(120)).register(z.globalRegistry, { description: 'How the text refers to it after first mention, e.g. "Framework Agreement".' }),
  date: z.optional(isoDate()).register(z.globalRegistry, { description: 'Date of signature, YYYY-MM-DD.' }),
  place: z.optional(text()).register(z.globalRegistry, { description: 'Place of signature.' }),
  zh: zhBlock({ title: zhText(), shortTitle: zhText(120), place: zhText() }),
});

/** What a supplier sells in a contract (docs/legal-reference.md, "The instrument's legal character"). */
export const SUPPLIES = {
  'launch-services': 'Launch of the customer\'s satellite.',
  'in-orbit-delivery': 'Delivery of a satellite in orbit, after in-orbit acceptance tests.',
  'satellite-manufacture': 'Design and manufacture of a satellite for the customer.',
  'ground-segment': 'Supply of a ground segment (control centre, stations, software).',
  data: 'Sale of satellite data or imagery.',
  training: 'Training of the customer\'s engineers and operators.',
} as const;
export type Supply = keyof typeof SUPPLIES;

/** The event at which title to, and risk of loss of, the satellite pass to the customer. */
export const TITLE_RISK_EVENTS = {
  'in-orbit-acceptance': 'Title and risk pass on in-orbit acceptance (an in-orbit delivery).',
  launch: 'Launch only: the customer keeps title throughout; the provider bears the risk from the satellite\'s integration with the launch vehicle, when it takes custody, until Launch, the customer from Launch (its launch insurance).',
  'ground-acceptance': 'Title and risk pass on acceptance on the ground, before shipment to the launch site.',
} as const;

const money = z.strictObject({
  amount: z.number().check(z.positive()).register(z.globalRegistry, { description: 'Amount, in units of the contract currency (e.g. 18500000).' }),
  currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/, { message: 'a currency is a three-letter ISO 4217 code, e.g. `USD`' }))).register(z.globalRegistry, { description: 'ISO 4217 code; defaults to the contract currency.' }),
});

export const contractSchema = z.strictObject({
  supplier: z.optional(handle()).register(z.globalRegistry, { description: 'The party that sells (launches, delivers, builds); recognised from the facts when absent.' }),
  supplies: z.optional(z.array(z.enum(keysOf(SUPPLIES))).check(maxLength(6))).register(z.globalRegistry, { description: 'What the supplier sells; derived from the areas and the launch when absent.' }),
  price: z.optional(money).register(z.globalRegistry, { description: 'The contract price, firm and fixed.' }),
  payments: z.optional(
    z.array(z.strictObject({ milestone: text(200).register(z.globalRegistry, { description: 'The event that makes the payment due, e.g. "signature of this Contract".' }), percent: z.number().check(z.gt(0), lte(100)), zh: zhBlock({ milestone: zhText(200) }) })).check(maxLength(12)))
    .register(z.globalRegistry, { description: 'Payment milestones, each a percentage of the price; they total 100.' }),
  governingLaw: z.optional(text(160)).register(z.globalRegistry, { description: 'The law that governs the contract, e.g. "the laws of England and Wales".' }),
  launchWindow: z.optional(
    z.strictObject({ from: isoDate().register(z.globalRegistry, { description: 'First day, YYYY-MM-DD.' }), to: isoDate().register(z.globalRegistry, { description: 'Last day, YYYY-MM-DD.' }) }))
    .register(z.globalRegistry, { description: 'The launch window.' }),
  deliveryDate: z.optional(isoDate()).register(z.globalRegistry, { description: 'Date by which the satellite is delivered (in orbit or on the ground).' }),
  acceptance: z.optional(
    z.strictObject({
      criteria: z.optional(longText()).register(z.globalRegistry, { description: 'The in-orbit (or ground) acceptance criteria, or the annex that sets them.' }),
      periodDays: z.optional(whole(1, 365)).register(z.globalRegistry, { description: 'Days the acceptance tests may take after separation; for a launch provider delivering the customer\'s own satellite, the days after separation by which control is handed over at the latest.' }),
      zh: zhBlock({ criteria: z.optional(longText()) }),
    })),
  titleAndRisk: z.optional(z.enum(keysOf(TITLE_RISK_EVENTS))).register(z.globalRegistry, { description: 'The event at which title and risk pass.' }),
  insurance: z.optional(
    z.strictObject({
      thirdPartyAmount: z.optional(money).register(z.globalRegistry, { description: 'Third-party liability insurance, as the licensing State requires.' }),
      launchInsurance: z.optional(z.boolean()).register(z.globalRegistry, { description: 'The customer takes out first-party launch (and early-orbit) insurance; the supplier cooperates.' }),
    })),
  liabilityCap: z.optional(money).register(z.globalRegistry, { description: 'The cap on each party\'s aggregate liability to the other.' }),
  immunityWaiver: z.optional(z.boolean()).register(z.globalRegistry, { description: 'A State party waives sovereign immunity from jurisdiction and, separately, from execution.' }),
  zh: zhBlock({ governingLaw: zhText(160) }),
});

export const termsSchema = z.strictObject({
  version: z.optional(z.literal(1)).register(z.globalRegistry, { description: 'Terms file format version; 1.' }),
  form: z.enum(keysOf(FORMS)).register(z.globalRegistry, { description: 'Form of the instrument.' }),
  title: z.optional(text()).register(z.globalRegistry, { description: 'Title; derived from the form, the parties and the areas when absent.' }),
  zh: zhBlock({ title: zhText() }),
  parties: z
    .array(partySchema)
    .register(z.globalRegistry, { description: 'Exactly two parties.' }),
  parentInstrument: z.optional(instrumentRefSchema)
    .register(z.globalRegistry, { description: 'The framework agreement or protocol this instrument implements or supplements (for protocols and implementing arrangements).' }),
  priorInstruments: z.optional(
    z.array(instrumentRefSchema).check(maxLength(20)))
    .register(z.globalRegistry, { description: 'Earlier instruments between the parties, recalled in the preamble.' }),
  cooperation: z.optional(
    z.strictObject({
      areas: z.optional(z.array(z.enum(keysOf(AREAS))).check(maxLength(12))).register(z.globalRegistry, { description: 'Areas of cooperation.' }),
      project: z.optional(
        z.strictObject({
          name: text(120).register(z.globalRegistry, { description: 'Project name, e.g. "CBERS-6".' }),
          description: z.optional(longText()).register(z.globalRegistry, { description: 'One or two sentences on what the project does.' }),
          zh: zhBlock({ name: zhText(120), description: z.optional(longText()) }),
        })),
      objectives: z.optional(z.array(longText()).check(maxLength(20))).register(z.globalRegistry, { description: 'Objectives, each a phrase completing "The objectives are ...".' }),
      zh: zhBlock({ objectives: z.optional(z.array(longText()).check(maxLength(20))).register(z.globalRegistry, { description: 'The objectives in Chinese, in the same order.' }) }),
      launch: z.optional(
        z.strictObject({
          launchingParty: handle().register(z.globalRegistry, { description: 'Party that launches or procures the launch.' }),
          site: z.optional(text()).register(z.globalRegistry, { description: 'Launch site, e.g. "Taiyuan Satellite Launch Center".' }),
          vehicle: z.optional(text()).register(z.globalRegistry, { description: 'Launch vehicle, e.g. "Long March 4B".' }),
          provider: z.optional(text()).register(z.globalRegistry, { description: 'A commercial launch service provider, if any.' }),
          procuredBy: z.optional(
            z.array(handle())
            .check(z.minLength(1), maxLength(2)))
            .register(z.globalRegistry, { description: 'Parties that procure (buy or order) the launch; their States are launching States. When absent, the owners of the objects are assumed to procure it, and the notes say so.' }),
          siteState: z.optional(text())
            .register(z.globalRegistry, { description: 'The State whose territory or facility the launch site is, when it is not the launching party\'s State (a launching State too).' }),
          siteOperator: z.optional(text()).register(z.globalRegistry, { description: 'The launch site operator whose range safety rules apply, e.g. "Taiyuan Satellite Launch Center".' }),
          zh: zhBlock({ site: zhText(), vehicle: zhText(), provider: zhText(), siteState: zhText(), siteOperator: zhText() }),
        })),
      spaceObjects: z.optional(
        z.array(
          z.strictObject({
            name: text(120).register(z.globalRegistry, { description: 'Name of the space object.' }),
            ownedBy: z.array(handle()).check(z.minLength(1), maxLength(2)).register(z.globalRegistry, { description: 'Party handles of the owners.' }),
            builtBy: z.optional(handle()).register(z.globalRegistry, { description: 'Party that designs and builds the object, when it builds it for another party.' }),
            zh: zhBlock({ name: zhText(120) }),
          }),
        ).check(maxLength(50))),
      station: z.optional(
        z.strictObject({
          name: text(120).register(z.globalRegistry, { description: 'Name of the station, e.g. "China Space Station".' }),
          operator: handle().register(z.globalRegistry, { description: 'Party that operates the station on behalf of its State, the State of Registry.' }),
          zh: zhBlock({ name: zhText(120) }),
        }))
        .register(z.globalRegistry, { description: 'A space station already in orbit that crew members visit under the instrument (human spaceflight).' }),
      facilities: z.optional(
        z.array(
          z.strictObject({
            name: text(160).register(z.globalRegistry, { description: 'Name of the ground facility, e.g. "Deep Space Station, Neuquén".' }),
            host: handle().register(z.globalRegistry, { description: 'Party on whose State\'s territory the facility stands.' }),
            operator: handle().register(z.globalRegistry, { description: 'Party that builds and operates it.' }),
            hostAccessPercent: z.optional(z.number().check(gte(0), lte(100))).register(z.globalRegistry, { description: 'Share of the facility\'s operating (antenna) time reserved to the host, in percent.' }),
            rentFree: z.optional(z.boolean()).register(z.globalRegistry, { description: 'The host lends the site free of charge for the duration of the instrument.' }),
            site: z.optional(text(300)).register(z.globalRegistry, {
              description: 'Where the facility stands: its location, area and boundaries, e.g. "an area of 150 hectares at Puerto San Julián, shown on the plan in the Annex". Left out, the site is a blank and an open point.',
            }),
            zh: zhBlock({ name: zhText(160), site: zhText(300) }),
          }),
        ).check(maxLength(20)))
        .register(z.globalRegistry, { description: 'Ground facilities one party operates on the other\'s territory.' }),
      exportControlled: z.optional(z.boolean()).register(z.globalRegistry, { description: 'Export-controlled goods or technical data change hands.' }),
      personnelExchange: z.optional(z.boolean()).register(z.globalRegistry, { description: 'Personnel are exchanged or visit the other party.' }),
      funding: z.optional(z.enum(keysOf(FUNDING))).register(z.globalRegistry, { description: 'How costs are borne.' }),
      costShare: z.optional(
        z.array(z.strictObject({ party: handle(), percent: z.number().check(gte(0), lte(100)) })).check(maxLength(2)))
        .register(z.globalRegistry, { description: 'For shared funding: each party\'s share of the costs, in percent.' }),
      implementingEntities: z.optional(
        z.array(z.strictObject({ name: text(), party: handle(), zh: zhBlock({ name: zhText() }) })).check(maxLength(20)))
        .register(z.globalRegistry, { description: 'Bodies that carry out the work for each party.' }),
      responsibilities: z.optional(
        z.array(
          z.strictObject({
            party: handle(),
            tasks: z.array(longText()).check(z.minLength(1), maxLength(20)).register(z.globalRegistry, { description: 'What the party does, each a phrase completing "Each party shall ...", e.g. "build the SAR payload".' }),
            zh: zhBlock({ tasks: z.optional(z.array(longText()).check(maxLength(20))).register(z.globalRegistry, { description: 'The tasks in Chinese, in the same order.' }) }),
          }),
        ).check(maxLength(2)))
        .register(z.globalRegistry, { description: 'The tasks allocated to each party; without them the Responsibilities article has a blank.' }),
    })),
  contract: z.optional(contractSchema).register(z.globalRegistry, { description: 'Commercial terms of a contract (form `contract`); each missing one is a blank [●] and an open point.' }),
  jurisdiction: z.optional(
    z.strictObject({
      registration: z.optional(z.string()).register(z.globalRegistry, { description: `How space objects are registered: ${Object.keys(REGISTRATION).join(' | ')}.` }),
      registeringParty: z.optional(handle()).register(z.globalRegistry, { description: 'For designated-party: the party whose State registers.' }),
    })),
  ip: z.optional(
    z.strictObject({
      foreground: z.optional(z.string()).register(z.globalRegistry, { description: `Who owns results: ${Object.keys(IP_FOREGROUND).join(' | ')}.` }),
      licence: z.optional(z.enum(keysOf(IP_LICENCE))).register(z.globalRegistry, { description: 'Licence to the other party\'s results.' }),
      confidentialityYears: z.optional(whole(1, 50)).register(z.globalRegistry, { description: 'Years marked information stays confidential after disclosure.' }),
    })),
  liability: z.optional(
    z.strictObject({
      regime: z.optional(z.string()).register(z.globalRegistry, { description: `Liability between the parties: ${Object.keys(LIABILITY_REGIMES).join(' | ')}.` }),
      flowDown: z.optional(z.boolean()).register(z.globalRegistry, { description: 'Extend the waiver to contractors and related entities.' }),
      thirdParty: z.optional(z.enum(keysOf(THIRD_PARTY))).register(z.globalRegistry, { description: 'Who bears compensation to third parties.' }),
      insurance: z.optional(z.boolean()).register(z.globalRegistry, { description: 'Require launch and third-party liability insurance.' }),
      indemnityCap: z.optional(text(120))
        .register(z.globalRegistry, { description: 'Cap on the launching party\'s launch-phase indemnity, e.g. "USD 60 million" (with `thirdParty: launching-party-bears`).' }),
      zh: zhBlock({ indemnityCap: zhText(120) }),
    })),
  disputes: z.optional(
    z.strictObject({
      steps: z.optional(z.array(z.enum(keysOf(DISPUTE_STEPS))).check(z.minLength(1), maxLength(3))).register(z.globalRegistry, { description: 'Ordered steps, starting with consultation.' }),
      consultationDays: z.optional(whole(15, 730)).register(z.globalRegistry, { description: 'Days of consultation before the next step.' }),
      arbitration: z.optional(
        z.strictObject({
          rules: z.optional(z.enum(keysOf(ARBITRATION_RULES))),
          seat: z.optional(text(120)).register(z.globalRegistry, { description: 'Seat (legal place) of arbitration, e.g. "The Hague".' }),
          arbitrators: z.optional(z.union([z.literal(1), z.literal(3), z.literal(5)])).register(z.globalRegistry, { description: 'Number of arbitrators: 1, 3 or 5.' }),
          language: z.optional(text(40)).register(z.globalRegistry, { description: 'Language of the arbitration, e.g. "English".' }),
          appointingAuthority: z.optional(text()).register(z.globalRegistry, { description: 'Who appoints an arbitrator a party fails to appoint.' }),
          zh: zhBlock({ seat: zhText(120), language: zhText(40), appointingAuthority: zhText() }),
        })),
    })),
  term: z.optional(
    z.strictObject({
      years: z.optional(whole(1, 99)).register(z.globalRegistry, { description: 'Initial duration in years.' }),
      renewal: z.optional(z.enum(keysOf(RENEWAL))),
      renewalYears: z.optional(whole(1, 99)).register(z.globalRegistry, { description: 'Length of each renewal period in years.' }),
      terminationNoticeMonths: z.optional(whole(1, 36)).register(z.globalRegistry, { description: 'Months of written notice to terminate.' }),
    })),
  entryIntoForce: z.optional(
    z.enum(keysOf(ENTRY_INTO_FORCE)))
    .register(z.globalRegistry, { description: 'When a binding instrument enters into force: signature | notification | ratification; recommended from the parties and the commitments when absent.' }),
  languages: z.optional(
    z.array(z.string().check(z.regex(/^[a-z]{2}$/, { message: 'a language is a two-letter ISO 639-1 code, e.g. `en`' })))
    .check(z.minLength(1), maxLength(6)))
    .register(z.globalRegistry, { description: 'Authentic languages, ISO 639-1 codes; the first is the working language.' }),
  prevailingLanguage: z.optional(
    z.string().check(z.regex(/^[a-z]{2}$/, { message: 'a language is a two-letter ISO 639-1 code, e.g. `en`' })))
    .register(z.globalRegistry, { description: 'The text that prevails in case of divergence, only if the parties agree one (usually a third language); otherwise all texts are equally authentic and divergence is settled by consultation.' }),
  signing: z.optional(
    z.strictObject({
      place: z.optional(text(120)),
      date: z.optional(isoDate()),
      zh: zhBlock({ place: zhText(120) }),
    })),
});

/** The terms as written in the file (everything optional has been left optional). */
export type TermsInput = z.input<typeof termsSchema>;
export type Terms = z.output<typeof termsSchema>;
export type Party = z.output<typeof partySchema>;
export type InstrumentRef = z.output<typeof instrumentRefSchema>;

/** The fields whose value names a clause file: the built-in variants plus any from `--clauses`. */
export const VARIANT_FIELDS = [
  { path: ['jurisdiction', 'registration'], topic: 'jurisdiction', builtIn: Object.keys(REGISTRATION) },
  { path: ['ip', 'foreground'], topic: 'ip', builtIn: Object.keys(IP_FOREGROUND) },
  { path: ['liability', 'regime'], topic: 'liability', builtIn: Object.keys(LIABILITY_REGIMES) },
] as const;
