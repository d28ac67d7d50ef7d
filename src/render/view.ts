import { ARBITRATION_RULES, type Area } from '../terms/schema.js';
import { isLongTerm, languageName, type ResolvedParty, type ResolvedTerms } from '../terms/resolve.js';
import { articleIncluded, needsLaunchArticle, needsTrainingArticle } from '../plan/plan.js';
import { recommendEntryIntoForce } from '../plan/recommend.js';
import { decideCharacter, type CharacterDecision } from '../plan/character.js';
import { buildContractView } from './contract-view.js';
import { escapeMarkdown } from './escape.js';
import { joinList, stateInText } from './words.js';
import { numberWords } from '../library/helpers.js';

export { joinList, stateInText } from './words.js';
import { blankToken, refToken } from './tokens.js';

/**
 * What clause templates see. Every user string is escaped for Markdown here, once; every value a
 * template may print is present (strict mode), a missing fact becomes a blank token that renders as
 * `[●]` and is listed in the drafting notes as an open point.
 */
export interface PartyView {
  id: string;
  name: string;
  label: string;
  /** "the China National Space Administration (CNSA)" on first mention. */
  full: string;
  /** The same at the start of a sentence. */
  Full: string;
  state: string;
  type: string;
  commercial: boolean;
  government: boolean;
  signatoryName: string;
  signatoryTitle: string;
  entities: string[];
  /** The body that designated the party to act under the parent instrument, or '' (`designatedBy`). */
  designatedBy: string;
  /** The full name is followed by the short name in parentheses ("(CNSA)", "(hereinafter referred to as …)"). */
  shortNamed: boolean;
  first: boolean;
}

export type View = ReturnType<typeof buildView>;

const INSTRUMENT_NOUN: Record<string, string> = {
  agreement: 'Agreement',
  'framework-agreement': 'Agreement',
  protocol: 'Protocol',
  'additional-protocol': 'Protocol',
  'implementing-arrangement': 'Arrangement',
  pact: 'Pact',
  'memorandum-of-understanding': 'Memorandum',
  contract: 'Contract',
};

export const FORM_TITLE: Record<string, string> = {
  agreement: 'Agreement',
  'framework-agreement': 'Framework Agreement',
  protocol: 'Protocol',
  'additional-protocol': 'Additional Protocol',
  'implementing-arrangement': 'Implementing Arrangement',
  pact: 'Pact',
  'memorandum-of-understanding': 'Memorandum of Understanding',
  contract: 'Contract',
};

const ARBITRATION_RULES_NAME: Record<string, string> = {
  'pca-outer-space': 'the Permanent Court of Arbitration Optional Rules for Arbitration of Disputes Relating to Outer Space Activities',
  uncitral: 'the Arbitration Rules of the United Nations Commission on International Trade Law',
  icc: 'the Rules of Arbitration of the International Chamber of Commerce',
};
const DEFAULT_APPOINTING_AUTHORITY: Record<string, string> = {
  'pca-outer-space': 'the Secretary-General of the Permanent Court of Arbitration',
  uncitral: 'the Secretary-General of the Permanent Court of Arbitration',
  icc: 'the International Court of Arbitration of the International Chamber of Commerce',
};

/** The rules' own text as the source the notes cite, so the notes name what was chosen. */
export const ARBITRATION_SOURCES: Record<string, string> = {
  'pca-outer-space': 'Permanent Court of Arbitration Optional Rules for Arbitration of Disputes Relating to Outer Space Activities (2011)',
  uncitral: 'UNCITRAL Arbitration Rules (as revised in 2010), Arts. 3, 6, 8, 9, 35',
  icc: 'ICC Rules of Arbitration (2021), Arts. 4, 12, 13, 21',
};

/**
 * The main language of each State, for the review's warning when one party's own language is made
 * to prevail (consistency rule 19, docs/legal-reference.md). English counts only for States whose first language it is.
 */
export const STATE_LANGUAGES: [RegExp, string][] = [
  [/China/i, 'zh'], [/Argentin|Spain|Mexic|Chile|Colombia|Peru|Venezuela|Bolivia|Ecuador|Uruguay|Paraguay|Cuba/i, 'es'],
  [/Brazil|Portugal|Angola|Mozambique/i, 'pt'], [/Pakistan/i, 'ur'], [/Algeria|Egypt|Saudi|Arab|Morocco|Tunisia|Iraq|Jordan|Oman|Qatar|Kuwait|Bahrain|Sudan|Libya|Syria|Leban/i, 'ar'],
  [/Russia/i, 'ru'], [/France/i, 'fr'], [/German/i, 'de'], [/Ital/i, 'it'], [/Japan/i, 'ja'], [/Korea/i, 'ko'], [/Indonesia/i, 'id'],
  [/Thailand/i, 'th'], [/Viet/i, 'vi'], [/Turk(ey|iye)/i, 'tr'], [/Iran/i, 'fa'], [/Ukrain/i, 'uk'], [/Kazakh/i, 'kk'], [/Mongolia/i, 'mn'],
  [/United States|United Kingdom|Australia|New Zealand|Ireland|Canada/i, 'en'], [/Kenya|Tanzania/i, 'sw'], [/India\b/i, 'hi'],
];
export function stateLanguage(state: string | undefined): string | undefined {
  return state ? STATE_LANGUAGES.find(([re]) => re.test(state))?.[1] : undefined;
}

/** The forms of cooperation the facts show, each a phrase completing "The Cooperative Activities comprise ...". */
function cooperationForms(t: ResolvedTerms, facilityNames: string[]): string[] {
  const out: string[] = [];
  const joint = t.spaceObjects.filter((o) => o.owners.length > 1).map((o) => escapeMarkdown(o.name));
  if (joint.length) out.push(`the joint design, construction, testing and operation of the ${joinList(joint)}`);
  // A launch is a form of cooperation only where one party launches for the other (not its own vehicle).
  const launcher = t.launch?.launchingParty;
  const launchesForOther = launcher !== undefined && t.spaceObjects.some((o) => o.owners.some((p) => p.id !== launcher));
  if (launchesForOther || t.hasArea('launch-services', 'in-orbit-delivery')) out.push('launch services and launch-related support');
  if (facilityNames.length) out.push(`the establishment and operation of the ${joinList(facilityNames)}`);
  if (t.hasArea('human-spaceflight')) out.push('the flight, training and support of crew members');
  if (t.hasArea('navigation')) out.push('the monitoring of satellite navigation signals and the exchange of information on their performance');
  if (t.hasArea('space-debris')) out.push('the exchange of orbital data and of warnings of close approaches');
  if (t.hasArea('earth-observation', 'space-science', 'lunar-exploration', 'mars-exploration')) out.push('the exchange and joint analysis of scientific data, and joint research and publication');
  // A crew member's training is the crew article's; courses and fellowships only where the terms provide for them (counsel A-7).
  if (needsTrainingArticle(t)) out.push('training courses, fellowships and other education programmes');
  if (t.personnelExchange) out.push('the exchange of scientists, engineers and other specialists');
  out.push('the exchange of scientific and technical information and of Technical Data');
  return out;
}

/** A placeholder a drafter typed for a value not yet known ("[to be confirmed]", "TBC") is a blank and an open point, like a missing value. */
const PLACEHOLDER = /^\s*(\[[^\]]*\]|\[?●\]?|tbc|tbd|to be (confirmed|determined|advised)|n\/?a|\?+)\s*$/i;
const esc = (s: string | undefined, blankPath: string) => (s === undefined || PLACEHOLDER.test(s) ? blankToken(blankPath) : escapeMarkdown(s));


/** How areas read in a sentence: "cooperate in Earth observation and satellite navigation". */
export const AREA_PHRASES: Record<Area, string> = {
  'earth-observation': 'Earth observation',
  communications: 'satellite communications',
  navigation: 'satellite navigation',
  'space-science': 'space science',
  'launch-services': 'launch services',
  'in-orbit-delivery': 'the delivery of satellites to orbit',
  'ground-stations': 'ground station operations',
  'human-spaceflight': 'human spaceflight',
  'lunar-exploration': 'the exploration of the Moon',
  'mars-exploration': 'the exploration of Mars',
  'space-debris': 'the monitoring and mitigation of space debris',
  'training-and-education': 'space-related training and education',
};

/** "Framework Agreement between A and B on ..." -> "Framework Agreement". */
export function shortTitle(title: string): string {
  const cut = title.search(/\s+(between|among|on|concerning|for|of)\s/i);
  return cut > 0 ? title.slice(0, cut) : title;
}

/**
 * An objective as treaties list them: an infinitive without a final stop ("to coordinate ..."). A bare
 * verb gets "to"; a noun phrase ("the exchange of ...") is kept; the first letter is lower-cased
 * unless the first word is an acronym or a name.
 */
export function asObjective(text: string): string {
  let o = text.trim().replace(/[.;,\s]+$/, '');
  const first = o.split(/\s+/)[0] ?? '';
  if (/^[A-Z][a-z]+$/.test(first)) o = o[0]!.toLowerCase() + o.slice(1);
  const word = (o.split(/\s+/)[0] ?? '').toLowerCase();
  if (word === 'to' || /^(the|a|an|all|any|each|joint|mutual|[a-z]+(tion|ment|ance|ence|ing|ity|ies|s))$/.test(word)) return o;
  return `to ${o}`;
}

/** A company's name takes no article ("Aryavarta Launch Systems Private Limited"); an institution's does. */
const COMPANY_NAME = /\b(Ltd|Limited|Inc|LLC|GmbH|S\.A|SA|AG|PLC|Corporation|Company|Co|S\.p\.A|B\.V|N\.V)\.?$/i;
export function nameInText(name: string, company = false): string {
  return company || COMPANY_NAME.test(name.trim()) ? name : `the ${name}`;
}


const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A short name written with its article, as treaties name a Government party: "the Chinese Party". */
export const ARTICLE_LABEL = /^the \S/;
/** How the name introduces its short name: " (CNSA)", or " (hereinafter referred to as “the Chinese Party”)". */
const shortNameAfter = (label: string) => (ARTICLE_LABEL.test(label) ? ` (hereinafter referred to as “${label}”)` : ` (${label})`);

function partyView(p: ResolvedParty, t: ResolvedTerms): PartyView {
  const name = escapeMarkdown(p.name);
  const label = escapeMarkdown(p.label);
  const path = `parties[${p.index}]`;
  return {
    id: p.id,
    name,
    label,
    full: `${nameInText(name, p.type === 'commercial')}${p.shortName ? shortNameAfter(label) : ''}`,
    Full: `${capitalise(nameInText(name, p.type === 'commercial'))}${p.shortName ? shortNameAfter(label) : ''}`,
    state: p.state === undefined ? blankToken(`${path}.state`) : escapeMarkdown(stateInText(p.state)),
    type: p.type,
    commercial: p.type === 'commercial',
    government: p.type === 'government',
    signatoryName: esc(p.signatory?.name, `${path}.signatory.name`),
    signatoryTitle: esc(p.signatory?.title, `${path}.signatory.title`),
    entities: (t.source.cooperation?.implementingEntities ?? []).filter((e) => e.party === p.id).map((e) => escapeMarkdown(e.name)),
    designatedBy: p.designatedBy ? escapeMarkdown(p.designatedBy) : '',
    shortNamed: Boolean(p.shortName),
    first: p.index === 0,
  };
}

/** The one party that owns every named space object, if there is one. */
function soleOwner(t: ResolvedTerms): ResolvedParty | undefined {
  const owners = [...new Set(t.spaceObjects.flatMap((o) => o.owners))];
  return owners.length === 1 ? owners[0] : undefined;
}

/** "in equal shares" for 50/50, "as to 60 per cent by A and 40 per cent by B", or a blank for the cost shares. */
function apportionmentShares(t: ResolvedTerms, byId: (id: string) => PartyView): string {
  const shares = t.source.cooperation?.costShare ?? [];
  if (shares.length === 2) {
    if (shares[0]!.percent === shares[1]!.percent) return 'in equal shares, as they share the cost';
    return `in proportion to their shares of the cost, that is ${joinList(shares.map((s) => `${s.percent} per cent for ${byId(s.party).label}`))}`;
  }
  const joint = t.spaceObjects.filter((o) => o.owners.length > 1);
  if (joint.length > 0 && t.funding !== 'shared') return 'in equal shares, as they own the object jointly';
  return `in the proportions of ${blankToken('cooperation.costShare')}`;
}

export function buildView(t: ResolvedTerms, variants: Record<string, string>, character: CharacterDecision = decideCharacter(t)) {
  // Only contract clauses read the sale and the commercial terms: built on first use.
  let contract: ReturnType<typeof buildContractView> | undefined;
  const contractView = () => (contract ??= buildContractView(t, character));
  const parties = t.parties.map((p) => partyView(p, t)) as [PartyView, PartyView];
  const byId = (id: string) => parties.find((p) => p.id === id)!;
  const c = t.source.cooperation ?? {};
  const launcher = t.launch ? byId(t.launch.launchingParty) : null;
  const other = (p: PartyView) => parties.find((q) => q !== p)!;

  const jurisdictionVariant = variants['jurisdiction'];
  let registering: PartyView | null = null;
  if (jurisdictionVariant === 'launching-party') registering = launcher;
  if (jurisdictionVariant === 'designated-party') {
    const id = t.source.jurisdiction?.registeringParty;
    registering = id ? byId(id) : launcher ? other(launcher) : null;
  }
  const launchingParties = t.launchingParties.map((p) => byId(p.id));
  const launchingStateNames = t.launchingStates.map((s) =>
    s.state !== undefined ? escapeMarkdown(stateInText(s.state)) : s.party ? byId(s.party.id).state : blankToken('cooperation.launch.siteState'),
  );
  const thirdStates = t.launchingStates.filter((s) => !s.party).map((s) => escapeMarkdown(stateInText(s.state!)));
  const areas = t.areas.map((a: Area) => ({ id: a, phrase: AREA_PHRASES[a] }));
  const arbitration = t.arbitration;
  const languages = t.languages.map((code) => ({ code, name: languageName(code) }));
  // The language of notices and proceedings: English where it is one of the texts, else the first.
  const working = languages.find((l) => l.code === 'en') ?? languages[0]!;

  return {
    /** The language of the text the view is for; the helpers read it (`shall` is 应 in Chinese). */
    lang: 'en' as 'en' | 'zh',
    binding: t.binding,
    form: t.form,
    formTitle: FORM_TITLE[t.form]!,
    Instrument: character.character === 'contract' ? contractView().Instrument : INSTRUMENT_NOUN[t.form]!,
    intergovernmental: t.intergovernmental,
    subordinate: t.subordinate,
    parties,
    first: parties[0],
    second: parties[1],
    areas,
    areaList: areas.length ? joinList(areas.map((a) => a.phrase)) : blankToken('cooperation.areas'),
    hasAreas: areas.length > 0,
    project: c.project ? { name: escapeMarkdown(c.project.name), description: c.project.description ? escapeMarkdown(c.project.description.replace(/[.;,\s]+$/, '')) : null } : null,
    objectives: (c.objectives ?? []).map((o) => escapeMarkdown(asObjective(o))),
    launch: t.launch
      ? {
          party: launcher!,
          other: other(launcher!),
          site: esc(t.launch.site, 'cooperation.launch.site'),
          vehicle: t.launch.vehicle ? escapeMarkdown(t.launch.vehicle) : null,
          provider: t.launch.provider ? escapeMarkdown(t.launch.provider) : null,
        }
      : null,
    /** Whether the draft has a Launch Arrangements article to refer to. */
    launchArticle: needsLaunchArticle(t),
    /** The launching party, or blanks when a launch clause is chosen without a launch in the terms. */
    launcher: launcher
      ? {
          label: launcher.label,
          state: launcher.state,
          otherLabel: other(launcher).label,
          otherState: other(launcher).state,
          site: esc(t.launch!.site, 'cooperation.launch.site'),
          vehicle: t.launch!.vehicle ? escapeMarkdown(t.launch!.vehicle) : null,
          provider: t.launch!.provider ? escapeMarkdown(t.launch!.provider) : null,
          /** The launching party itself performs the launch (a launch company with no provider named). */
          performs: (launcher.type === 'commercial' || launcher.type === 'state-enterprise') && !t.launch!.provider,
          siteOperator: t.launch!.siteOperator ? escapeMarkdown(/^the /i.test(t.launch!.siteOperator) ? t.launch!.siteOperator : nameInText(t.launch!.siteOperator)) : null,
          otherOwnsPayload: t.spaceObjects.some((o) => o.owners.some((p) => p.id !== launcher.id)),
          otherStateLaunching: t.launchingParties.some((p) => p.id === other(launcher).id),
          /** The other party procures the launch too (\`launch.procuredBy\`): the launching party procures it for both (counsel round 2, A-6). */
          forBoth: !(launcher.type === 'commercial' || launcher.type === 'state-enterprise') && (t.launch!.procuredBy ?? []).includes(other(launcher).id),
          /** The launching party owns none of the objects: it only provides the launch, and gets no data rights. */
          providesOnlyLaunch: t.spaceObjects.length > 0 && t.spaceObjects.every((o) => !o.owners.some((p) => p.id === launcher.id)),
        }
      : {
          label: blankToken('cooperation.launch.launchingParty'),
          state: blankToken('cooperation.launch.launchingParty'),
          otherLabel: blankToken('cooperation.launch.launchingParty'),
          otherState: blankToken('cooperation.launch.launchingParty'),
          site: blankToken('cooperation.launch.site'),
          vehicle: null,
          provider: null,
          performs: false,
          siteOperator: null,
          otherOwnsPayload: false,
          otherStateLaunching: false,
          providesOnlyLaunch: false,
        },
    spaceObjects: t.spaceObjects.map((o) => ({
      name: escapeMarkdown(o.name),
      owners: o.owners.map((p) => byId(p.id)),
      ownerList: joinList(o.owners.map((p) => byId(p.id).label)),
      joint: o.owners.length > 1,
    })),
    hasSpaceObjects: t.spaceObjects.length > 0,
    /** A station in orbit that crew members visit, operated for its State of registry. */
    station: c.station ? { name: escapeMarkdown(c.station.name), operator: byId(c.station.operator), other: other(byId(c.station.operator)) } : null,
    facilities: t.facilities.map((f, i) => {
      const raw = (c.facilities ?? [])[i];
      return {
        name: escapeMarkdown(f.name),
        host: byId(f.host.id),
        operator: byId(f.operator.id),
        // A floor, as station agreements give the host (counsel R17-10): "not less than ten per cent".
        hostAccess: raw?.hostAccessPercent !== undefined ? `not less than ${numberWords(raw.hostAccessPercent)} per cent` : blankToken(`cooperation.facilities[${i}].hostAccessPercent`),
        rentFree: raw?.rentFree === true,
        /** Location, area and boundaries of the site lent (counsel R17-9), or a blank. */
        site: raw?.site ? escapeMarkdown(raw.site) : blankToken(`cooperation.facilities[${i}].site`),
      };
    }),
    hasFacilities: t.facilities.length > 0,
    /** Host and operator when every facility has the same ones (the usual case); `present` false otherwise. */
    facilityRoles:
      t.facilities.length > 0 && t.facilities.every((f) => f.host === t.facilities[0]!.host && f.operator === t.facilities[0]!.operator)
        ? { present: true, host: byId(t.facilities[0]!.host.id), operator: byId(t.facilities[0]!.operator.id), several: t.facilities.length > 1 }
        : { present: false, host: null, operator: null, several: false },
    /** A ground-stations cooperation names no facility: the facilities article is a blank, never silently absent. */
    facilityMissing: t.facilities.length === 0 && t.hasArea('ground-stations'),
    hasJointObjects: t.jointlyOwnedObjects,
    /**
     * Whose navigation signals the cooperation monitors (counsel A-7): the party that operates a
     * monitoring station in a navigation cooperation. `sole` when only one party does, so the service
     * terms never make "each Party" provide signals of a system it does not have.
     */
    navigation: (() => {
      const providers = t.hasArea('navigation') ? [...new Set(t.facilities.map((f) => f.operator.id))].map(byId) : [];
      return { sole: providers.length === 1 ? providers[0]! : null };
    })(),
    registration: {
      variant: jurisdictionVariant ?? null,
      party: registering,
      state: registering ? registering.state : blankToken('jurisdiction.registeringParty'),
      launchingParties,
      twoLaunchingStates: launchingParties.length > 1,
      /** Every launching State the facts show, parties' or not: "the People's Republic of China and ...". */
      launchingStates: launchingStateNames,
      // No launch and no object in the terms: who is a launching State is a blank to settle, never an empty subject.
      launchingStateList: launchingStateNames.length ? joinList(launchingStateNames) : blankToken('cooperation.launch.launchingParty'),
      severalLaunchingStates: t.launchingStates.length > 1,
      /**
       * Why each State is a launching State (Registration Convention Art. I(a)), for the recital that
       * grounds the status in the facts (counsel round 2, A-6): it launches, procures the launching, or
       * the object is launched from its territory.
       */
      grounds: t.launchingStates.map((s, i) => ({
        state: launchingStateNames[i]!,
        launches: s.roles.includes('launches'),
        procures: s.roles.includes('procures'),
        site: s.roles.includes('site'),
      })),
      /** Launching States that are neither party's (e.g. the State of a launch site abroad). */
      thirdStates,
      thirdStateList: joinList(thirdStates),
      /** The other party, which does not register. */
      other: registering ? other(registering) : null,
      /** The party that operates the registered object on behalf of the State of registry: its sole owner, else the registering party. */
      operator: soleOwner(t) ? byId(soleOwner(t)!.id) : registering,
      operatorOther: soleOwner(t) ? other(byId(soleOwner(t)!.id)) : registering ? other(registering) : null,
      registeringIsLaunching: registering ? t.launchingParties.some((p) => p.id === registering!.id) : false,
    },
    /** Something is or will be in orbit under the instrument (a launch or a named space object). */
    inOrbit: t.inOrbit,
    /** Crew fly under the instrument: only then does jurisdiction reach "personnel thereof". */
    crewed: t.hasArea('human-spaceflight'),
    /** The draft has an export-control article (export-controlled items, or lunar or Mars work). */
    exportControlled: articleIncluded(t, 'export-control'),
    personnelExchange: t.personnelExchange,
    funding: {
      shared: t.funding === 'shared',
      shares: (c.costShare ?? []).map((s) => ({ party: byId(s.party), percent: s.percent })),
    },
    entities: (c.implementingEntities ?? []).map((e) => ({ name: escapeMarkdown(nameInText(e.name)), party: byId(e.party) })),
    hasEntities: (c.implementingEntities ?? []).length > 0,
    commercial: t.commercialInvolved,
    commercialParties: parties.filter((p) => p.commercial),
    /** Companies, private or state-owned: neither can bind its State, so each procures its authorities' concurrence. */
    companies: parties.filter((p) => p.type === 'commercial' || p.type === 'state-enterprise'),
    ip: { licence: t.licence === 'cooperative-purposes', confidentialityYears: t.confidentialityYears },
    liability: {
      flowDown: t.flowDown,
      launchingPartyBears: t.thirdParty === 'launching-party-bears',
      insurance: t.insurance,
      indemnityCap: t.source.liability?.indemnityCap ? escapeMarkdown(t.source.liability.indemnityCap) : null,
      /** Apportionment between the parties' States (C-5): equal shares, the cost shares, or a blank. */
      shares: apportionmentShares(t, byId),
    },
    disputes: {
      steps: t.disputeSteps,
      mediation: t.disputeSteps.includes('mediation'),
      arbitration: t.disputeSteps.includes('arbitration'),
      consultationDays: t.consultationDays,
      rules: arbitration.rules,
      rulesName: ARBITRATION_RULES_NAME[arbitration.rules] ?? escapeMarkdown(ARBITRATION_RULES[arbitration.rules as keyof typeof ARBITRATION_RULES] ?? arbitration.rules),
      seat: esc(arbitration.seat, 'disputes.arbitration.seat'),
      arbitrators: arbitration.arbitrators,
      language: escapeMarkdown(arbitration.language),
      appointingAuthority: arbitration.appointingAuthority
        ? escapeMarkdown(arbitration.appointingAuthority)
        : (DEFAULT_APPOINTING_AUTHORITY[arbitration.rules] ?? blankToken('disputes.arbitration.appointingAuthority')),
    },
    term: {
      years: t.term.years,
      renewal: t.term.renewal === 'automatic',
      renewalYears: t.term.renewalYears,
      noticeMonths: t.term.terminationNoticeMonths,
      /** Ten years or more: long enough that a station's operator needs protection from early termination. */
      longTerm: isLongTerm(t),
    },
    languages,
    languageList: joinList(languages.map((l) => l.name)),
    multipleLanguages: languages.length > 1,
    workingLanguage: working.name,
    signing: {
      place: esc(t.source.signing?.place, 'signing.place'),
      date: t.source.signing?.date ?? null,
    },
    parent: t.source.parentInstrument
      ? {
          title: escapeMarkdown(t.source.parentInstrument.title),
          short: escapeMarkdown(t.source.parentInstrument.shortTitle ?? shortTitle(t.source.parentInstrument.title)),
          date: t.source.parentInstrument.date ?? null,
        }
      : t.subordinate
        ? { title: blankToken('parentInstrument.title'), short: 'parent instrument', date: null }
        : null,
    prior: (t.source.priorInstruments ?? []).map((i) => ({ title: escapeMarkdown(i.title), date: i.date ?? null })),
    /** The instrument's legal character, as the plan settled it. */
    character: character.character,
    /** The sale and the commercial terms, for the contract clauses (`isContract`: the instrument is a contract). */
    get contract() {
      return contractView();
    },
    ...instrumentView(t, parties, byId),
  };
}

/**
 * Tasks that the facts already settle for a party the terms give no `responsibilities` to: the
 * operator and the host of a ground facility, and the party that launches or procures the launch.
 * Each refers to the article that governs it, so Article 5 never shows a blank the terms fill.
 */
function settledTasks(t: ResolvedTerms, partyId: string, has: (topic: string) => boolean): string[] {
  const tasks: string[] = [];
  if (has('facilities')) {
    for (const f of t.facilities) {
      const name = escapeMarkdown(f.name);
      if (f.operator.id === partyId) tasks.push(`establish, operate and maintain the ${name}, as provided in ${refToken('facilities')}`);
      if (f.host.id === partyId) tasks.push(`make the site of the ${name} available and protect the facility, as provided in ${refToken('facilities')}`);
    }
  }
  if (has('launch') && t.launch?.launchingParty === partyId) {
    const names = t.spaceObjects.map((o) => `the ${escapeMarkdown(o.name)}`);
    const objects = names.length === 0 ? 'the Space Objects of the Cooperative Activities' : joinList(names);
    tasks.push(`arrange the launch of ${objects}, as provided in ${refToken('launch')}`);
  }
  return tasks;
}

/**
 * The instrument's voice and final clauses: entry into force, termination and survival, authentic
 * texts, the forms of cooperation, each party's tasks, budget language and dispute channels.
 */
function instrumentView(t: ResolvedTerms, parties: [PartyView, PartyView], byId: (id: string) => PartyView) {
  const mode = t.binding ? (t.source.entryIntoForce ?? recommendEntryIntoForce(t).variant) : 'signature';
  const has = (topic: string) => articleIncluded(t, topic);
  // Survival (1998 IGA Art. 28(5) keeps Arts. 16, 17 and 19): data and goods, export control, disputes,
  // and, where the draft has them, registration, crew, IP, release and liability.
  // Joint ownership outlasts the instrument until the winding-up plan disposes of the jointly owned object.
  // The service terms' disclaimer and the release article's limits on data use outlast the instrument too (counsel R18-8).
  const survival = ['exchange', 'export-control', 'jurisdiction', ...(t.jointlyOwnedObjects ? ['ownership'] : []), 'crew', 'ip', 'release', 'service-terms', 'liability', 'disputes'].filter(has);
  const c = t.source.cooperation ?? {};
  const companies = parties.filter((p) => p.type === 'commercial' || p.type === 'state-enterprise');
  const prevailing = t.source.prevailingLanguage;
  const objectNames = t.spaceObjects.map((o) => escapeMarkdown(o.name));
  const forms = cooperationForms(t, t.facilities.map((f) => escapeMarkdown(f.name)));
  const responsibilities = parties.map((p) => {
    const r = c.responsibilities?.find((x) => x.party === p.id);
    const settled = r ? [] : settledTasks(t, p.id, has);
    return {
      party: p,
      tasks: r ? r.tasks.map((x) => escapeMarkdown(x.replace(/[.;,\s]+$/, ''))) : settled,
      missing: r || settled.length ? null : blankToken(`cooperation.responsibilities.${p.id}`),
    };
  });
  const hasEntities = (c.implementingEntities ?? []).length > 0;
  const channelFirst = hasEntities ? 'between their Implementing Agencies' : companies.length ? 'between senior representatives of the' : 'between representatives of the';
  return {
    entry: { signature: mode === 'signature', notification: mode === 'notification', ratification: mode === 'ratification', mode },
    /** Topics whose undertakings outlast the instrument; the entry-into-force template refers to them. */
    survival,
    /**
     * Station agreements: a long-term facility (a term of ten years or more) is not terminable at will.
     * Then the entry-into-force template leaves termination to the facilities article (a minimum
     * period, or for cause, with removal and restoration), which says so.
     */
    terminationByFacilities: has('facilities') && isLongTerm(t),
    prevailing: prevailing ? { code: prevailing, name: languageName(prevailing) } : null,
    cooperationForms: forms,
    /** Each party's allocated tasks, or a blank with an open point when the terms allocate none. */
    responsibilities,
    tasksAllocated: responsibilities.some((r) => r.tasks.length > 0),
    /** Budget language that fits the party: never "appropriated funds", and none for a company. */
    budgetParties: parties.filter((p) => p.type !== 'commercial' && p.type !== 'state-enterprise'),
    allBudgetary: companies.length === 0,
    channels: {
      /** "... by consultation between their Implementing Agencies" or between representatives. */
      first: hasEntities ? channelFirst : `${channelFirst} ${t.binding ? 'Parties' : 'Participants'}`,
      /** Diplomatic channels only between Governments; heads of agencies; senior executives of companies. */
      second: t.intergovernmental
        ? 'through diplomatic channels'
        : companies.length
          ? `between senior executives of the ${t.binding ? 'Parties' : 'Participants'} with authority to settle it`
          : `between the heads of the ${t.binding ? 'Parties' : 'Participants'}`,
      diplomatic: t.intergovernmental,
    },
    icc: t.arbitration.rules === 'icc',
    /** The parent instrument is named in the terms, so Article 1 defines its short title. */
    parentDefined: Boolean(t.source.parentInstrument),
    exportControlArticle: has('export-control'),
    debrisArticle: has('debris'),
    facilitiesArticle: has('facilities'),
    trainingArticle: has('training'),
    /** "the CBERS-6 satellite": the project name as an adjective. */
    objectNames,
  };
}
