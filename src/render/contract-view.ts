import type { CharacterDecision } from '../plan/character.js';
import { decideCharacter } from '../plan/character.js';
import { impliedTitleRisk, inSpace } from '../plan/contract.js';
import type { ResolvedParty, ResolvedTerms } from '../terms/resolve.js';
import { TITLE_RISK_EVENTS } from '../terms/schema.js';
import { escapeMarkdown } from './escape.js';
import { formatDate, joinList, stateInText } from './words.js';
import { blankToken } from './tokens.js';

/**
 * What contract clauses see under `contract` in the view: the sale (who supplies what to whom) and
 * the commercial terms, each either the value from the terms or a blank token that renders as [●]
 * and becomes an open point. Company names take no article ("Aryavarta Launch Systems Private
 * Limited"), agencies and Governments do ("the Kenya Space Agency").
 */
export interface ContractParty {
  id: string;
  label: string;
  /** Name on first mention, with the short name: "the Kenya Space Agency (KSA)". */
  full: string;
  Full: string;
  /** "a private limited company incorporated under the laws of ...", or a blank. */
  legalForm: string;
  registeredOffice: string;
  state: string;
  /** The State as a sentence reads it: "the Republic of Kenya". */
  stateInText: string;
  /** A Government, an agency or a state enterprise: a State party that may claim immunity. */
  stateParty: boolean;
  /** A company or a state enterprise: its State authorises and supervises it (OST Art. VI). */
  nonGovernmental: boolean;
  index: number;
}


/** 18500000 -> "18,500,000"; 1250.5 -> "1,250.50". No locale, so output is repeatable. */
export function formatAmount(n: number): string {
  const [int, frac] = (Number.isInteger(n) ? String(n) : n.toFixed(2)).split('.') as [string, string | undefined];
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
}

const DEAL_TITLES: { when: (s: Set<string>) => boolean; title: string }[] = [
  { when: (s) => s.has('satellite-manufacture') && s.has('in-orbit-delivery'), title: 'Satellite Procurement and In-Orbit Delivery Contract' },
  { when: (s) => s.has('satellite-manufacture') && s.has('launch-services'), title: 'Satellite Procurement and Launch Services Contract' },
  { when: (s) => s.has('satellite-manufacture'), title: 'Satellite Procurement Contract' },
  { when: (s) => s.has('in-orbit-delivery'), title: 'Launch and In-Orbit Delivery Services Agreement' },
  { when: (s) => s.has('launch-services'), title: 'Launch Services Agreement' },
  { when: (s) => s.has('ground-segment'), title: 'Ground Segment Supply Contract' },
  { when: (s) => s.has('data'), title: 'Data Purchase Agreement' },
];

const LEGAL_FORM_DEFAULT: Record<string, string> = {
  government: 'acting through its competent ministry',
  'space-agency': 'a public body established under the laws of',
};

export function buildContractView(t: ResolvedTerms, character: CharacterDecision = decideCharacter(t)) {
  const c = t.contract;
  const sale = character.sale;
  const supplierP: ResolvedParty = sale?.supplier ?? t.parties.find((p) => p.type === 'commercial' || p.type === 'state-enterprise') ?? t.parties[1];
  const customerP: ResolvedParty = t.parties.find((p) => p !== supplierP)!;
  const supplies = new Set<string>(sale?.supplies ?? c.supplies ?? []);
  const party = (p: ResolvedParty): ContractParty => {
    const path = `parties[${p.index}]`;
    const name = escapeMarkdown(p.name);
    const label = escapeMarkdown(p.label);
    const company = p.type === 'commercial' || p.type === 'state-enterprise';
    const article = company ? '' : 'the ';
    const state = p.state ? escapeMarkdown(p.state) : blankToken(`${path}.state`);
    const legalForm = p.legalForm
      ? escapeMarkdown(p.legalForm)
      : p.type === 'space-agency'
        ? `${LEGAL_FORM_DEFAULT['space-agency']} ${p.state ? escapeMarkdown(stateInText(p.state)) : blankToken(`${path}.state`)}`
        : p.type === 'government'
          ? LEGAL_FORM_DEFAULT.government!
          : blankToken(`${path}.legalForm`);
    return {
      id: p.id,
      label,
      full: p.shortName ? `${article}${name} (“${label}”)` : `${article}${name}`,
      Full: p.shortName ? `${article ? 'The ' : ''}${name} (“${label}”)` : `${article ? 'The ' : ''}${name}`,
      legalForm,
      registeredOffice: p.registeredOffice ? escapeMarkdown(p.registeredOffice) : blankToken(`${path}.registeredOffice`),
      state,
      stateInText: p.state ? escapeMarkdown(stateInText(p.state)) : blankToken(`${path}.state`),
      stateParty: p.type === 'government' || p.type === 'space-agency' || p.type === 'state-enterprise',
      nonGovernmental: company,
      index: p.index,
    };
  };
  const supplier = party(supplierP);
  const customer = party(customerP);
  const parties = t.parties.map(party);
  const currency = c.price?.currency ?? blankToken('contract.price');
  const money = (m: { amount: number; currency?: string } | undefined, path: string) =>
    m ? `${m.currency ?? c.price?.currency ?? blankToken('contract.price')} ${formatAmount(m.amount)}` : blankToken(path);
  const payments = (c.payments ?? []).map((p) => ({ milestone: escapeMarkdown(p.milestone.replace(/[.;,\s]+$/, '')), percent: p.percent }));
  const paymentTotal = payments.reduce((n, p) => n + p.percent, 0);
  const objects = t.spaceObjects.filter((o) => o.owners.includes(customerP));
  const satellite = objects.length ? joinList(objects.map((o) => `the ${escapeMarkdown(o.name)}`)) : `the ${blankToken('cooperation.spaceObjects')} satellite`;
  const launchServices = supplies.has('launch-services') || supplies.has('in-orbit-delivery');
  const inOrbitDelivery = supplies.has('in-orbit-delivery');
  const manufacture = supplies.has('satellite-manufacture');
  // Title moves only when the supplier built the satellite; a customer that owns its satellite keeps title and bears its risk from Launch.
  const titleRisk = c.titleAndRisk ?? (inSpace(t) ? impliedTitleRisk(t) : undefined);
  const deal = DEAL_TITLES.find((d) => d.when(supplies))?.title ?? 'Supply Contract';
  const Instrument = deal.endsWith('Contract') ? 'Contract' : 'Agreement';
  const noun = manufacture ? 'Contractor' : launchServices ? 'Launch Services Provider' : 'Supplier';
  const registrarP = t.source.jurisdiction?.registeringParty ? t.party(t.source.jurisdiction.registeringParty) : customerP;
  const registrar = registrarP === supplierP ? supplier : customer;
  const otherReg = registrarP === supplierP ? customer : supplier;
  const otherRegP = registrarP === supplierP ? customerP : supplierP;
  return {
    isContract: character.character === 'contract',
    /** Something is launched or operated in space: the launch-phase articles (title and risk, insurance, registration) are in the contract. */
    inSpace: inSpace(t),
    deal,
    Instrument,
    supplierRole: noun,
    supplier,
    customer,
    parties,
    supplies: {
      launch: launchServices,
      inOrbitDelivery,
      manufacture,
      groundSegment: supplies.has('ground-segment'),
      data: supplies.has('data'),
      training: supplies.has('training') || t.hasArea('training-and-education'),
    },
    satellite,
    /** "Satellite" with a capital when a single object is named, for sentence starts. */
    Satellite: satellite.replace(/^the /, 'The '),
    site: t.launch?.site ? escapeMarkdown(t.launch.site) : blankToken('cooperation.launch.site'),
    vehicle: t.launch?.vehicle ? escapeMarkdown(t.launch.vehicle) : null,
    project: t.source.cooperation?.project ? escapeMarkdown(t.source.cooperation.project.name) : null,
    price: money(c.price, 'contract.price'),
    currency,
    hasPrice: Boolean(c.price),
    payments,
    hasPayments: payments.length > 0,
    paymentsTotal100: payments.length > 0 && Math.abs(paymentTotal - 100) < 0.001,
    paymentsTotal: formatAmount(paymentTotal),
    governingLaw: c.governingLaw ? escapeMarkdown(c.governingLaw) : blankToken('contract.governingLaw'),
    launchWindow: c.launchWindow ? `from ${formatDate(c.launchWindow.from)} to ${formatDate(c.launchWindow.to)}` : blankToken('contract.launchWindow'),
    deliveryDate: c.deliveryDate ? formatDate(c.deliveryDate) : blankToken('contract.deliveryDate'),
    acceptanceCriteria: c.acceptance?.criteria ? escapeMarkdown(c.acceptance.criteria.replace(/[.;,\s]+$/, '')) : blankToken('contract.acceptance.criteria'),
    acceptanceDays: c.acceptance?.periodDays ?? null,
    acceptanceDaysBlank: blankToken('contract.acceptance.periodDays'),
    titleRisk: titleRisk ?? null,
    titleRiskBlank: blankToken('contract.titleAndRisk'),
    titleRiskExplained: titleRisk ? TITLE_RISK_EVENTS[titleRisk] : null,
    thirdPartyInsurance: money(c.insurance?.thirdPartyAmount, 'contract.insurance.thirdPartyAmount'),
    launchInsurance: c.insurance?.launchInsurance ?? null,
    liabilityCap: money(c.liabilityCap, 'contract.liabilityCap'),
    immunityWaiver: c.immunityWaiver === true,
    stateParties: parties.filter((p) => p.stateParty),
    nonGovernmental: parties.filter((p) => p.nonGovernmental),
    hasNonGovernmental: parties.some((p) => p.nonGovernmental),
    /** Whose State registers (the customer's unless the terms designate the supplier), and the other launching State. */
    registry: { party: registrar.label, state: registrar.stateInText, otherParty: otherReg.label, otherState: otherReg.stateInText, ...launchSiteState(t, [registrarP, otherRegP]) },
    signingDate: t.source.signing?.date ? formatDate(t.source.signing.date) : null,
  };
}

/**
 * The State of the launch site, as a third launching State: `siteStateOther` names it when the terms
 * give a site State that is neither party's State; `siteStateUnknown` when the terms give none (the
 * clause then keeps a conditional sentence); both false when it is one of the parties' States.
 */
function launchSiteState(t: ResolvedTerms, regParties: { state?: string }[]): { siteStateOther: string | null; siteStateUnknown: boolean } {
  const site = t.launch?.siteState;
  if (!site) return { siteStateOther: null, siteStateUnknown: true };
  const norm = (x: string) => x.replace(/^the\s+/i, '').trim().toLowerCase();
  const own = regParties.some((p) => p.state && norm(p.state) === norm(site));
  return { siteStateOther: own ? null : escapeMarkdown(stateInText(site)), siteStateUnknown: false };
}
