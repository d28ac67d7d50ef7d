import type { ResolvedTerms } from '../terms/resolve.js';
import { recogniseSale } from './character.js';
import type { ArticleSpec, Choice } from './plan.js';

/**
 * The articles of a contract (form `contract`), in the order launch services and satellite
 * procurement contracts usually follow. Each topic is a `contract-*` clause folder, so the contract
 * never borrows a treaty clause: the four Section 4.4 topics have contract variants of their own.
 */
const chose = (topic: string, variant: string, reason: string): Choice => ({ topic, variant, reason, chosenBy: 'recommended' });

/** Something is launched or operated in space under the contract. */
export const inSpace = (t: ResolvedTerms): boolean => Boolean(t.launch) || t.spaceObjects.length > 0 || t.hasArea('launch-services', 'in-orbit-delivery');

const TITLE_RISK_REASON: Record<string, string> = {
  'in-orbit-acceptance': 'The supplier builds the satellite and delivers it in orbit: title and risk pass on in-orbit acceptance, and the supplier insures the satellite until then.',
  launch: 'The customer owns the satellite it has launched: it keeps title throughout and bears the risk from Launch (its launch insurance); the provider bears it while the satellite is in its custody at the launch site.',
  'ground-acceptance': 'The supplier builds the satellite and the customer takes it over on the ground: title and risk pass on acceptance before shipment.',
};

/** The event the deal implies when the terms name none: the same rule the contract view applies. */
export function impliedTitleRisk(t: ResolvedTerms): 'in-orbit-acceptance' | 'launch' | 'ground-acceptance' {
  const sale = recogniseSale(t);
  const supplies = new Set<string>(sale?.supplies ?? t.contract.supplies ?? []);
  if (supplies.has('satellite-manufacture')) return supplies.has('in-orbit-delivery') ? 'in-orbit-acceptance' : 'ground-acceptance';
  return 'launch';
}

export const CONTRACT_ARTICLES: readonly ArticleSpec[] = [
  { topic: 'contract-scope' },
  { topic: 'contract-price' },
  { topic: 'contract-schedule' },
  { topic: 'contract-acceptance' },
  {
    topic: 'contract-title-risk',
    when: inSpace,
    choose: (t) => {
      const event = t.contract.titleAndRisk;
      const reason = TITLE_RISK_REASON[event ?? impliedTitleRisk(t)];
      return event
        ? { topic: 'contract-title-risk', variant: 'standard', reason: `The terms set the event (\`contract.titleAndRisk: ${event}\`). ${reason}`, chosenBy: 'terms' }
        : chose('contract-title-risk', 'standard', `No event in the terms (\`contract.titleAndRisk\`): the draft follows the deal. ${reason}`);
    },
  },
  { topic: 'contract-warranties' },
  { topic: 'contract-insurance', when: inSpace },
  {
    topic: 'contract-liability',
    choose: () =>
      chose(
        'contract-liability',
        'launch-phase',
        'Between a customer and a launch or satellite supplier, liability is a matter of contract: each party waives claims for damage to its property during the launch campaign and bears the injury or death of its own employees; the provider indemnifies for third-party claims, for the launch vehicle and its stages for the period the launch licence requires insurance and for the satellite to separation (or in-orbit acceptance for an in-orbit delivery), within the insured amount; the cap limits damages only, not the price or the other sums due; Liability Convention Art. V(2) apportions only between launching States, which the contract leaves to them.',
      ),
  },
  {
    topic: 'contract-licence',
    choose: () =>
      chose(
        'contract-licence',
        'operate',
        'The customer must be able to operate what it buys for its whole life: an irrevocable licence to the supplier’s intellectual property embedded in the deliverables, software updates included; the supplier takes no rights in the customer’s data beyond launch telemetry.',
      ),
  },
  { topic: 'contract-confidentiality' },
  { topic: 'contract-export' },
  {
    topic: 'contract-registration',
    when: inSpace,
    choose: () =>
      chose(
        'contract-registration',
        'procured',
        'Only the launching States determine which of them registers (Registration Convention Art. II(2)), and only a State authorises and supervises a non-governmental party (Outer Space Treaty Art. VI): the parties undertake to procure those acts of their States, they do not perform them.',
      ),
  },
  { topic: 'contract-force-majeure' },
  { topic: 'contract-termination' },
  { topic: 'contract-law' },
  {
    topic: 'contract-disputes',
    choose: (t) =>
      chose(
        'contract-disputes',
        t.arbitration.rules,
        `Parties from two States to a commercial transaction: consultation between senior representatives for ${t.consultationDays} days, then arbitration under the ${t.arbitration.rules === 'icc' ? 'ICC Rules (a Request for Arbitration; arbitrators nominated by the parties and confirmed by the ICC Court)' : t.arbitration.rules === 'uncitral' ? 'UNCITRAL Rules (a notice of arbitration; arbitrators appointed by the parties, with an appointing authority)' : 'PCA Outer Space Rules (a notice of arbitration; arbitrators appointed by the parties, the PCA Secretary-General as appointing authority)'}, so that the award can be enforced under the New York Convention.${t.disputeSteps.includes('arbitration') ? '' : ' The terms list no arbitration step, but a contract needs a forum that ends the dispute: arbitration is kept.'}`,
      ),
  },
  { topic: 'contract-immunity', when: (t) => t.contract.immunityWaiver === true },
  { topic: 'contract-notices' },
  { topic: 'contract-general' },
];
