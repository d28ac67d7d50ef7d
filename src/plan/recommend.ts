import { diplomaticSettlementPractice, type ResolvedParty, type ResolvedTerms } from '../terms/resolve.js';

/** A variant the facts point to, and why, in words a drafter can check against the terms. */
export interface Recommendation {
  variant: string;
  reason: string;
}

const names = (ps: ResolvedParty[]) => ps.map((p) => p.label).join(' and ');

export function recommendJurisdiction(t: ResolvedTerms): Recommendation {
  const launcher = t.launch ? t.party(t.launch.launchingParty) : undefined;
  const joint = t.spaceObjects.filter((o) => o.owners.length > 1);
  if (launcher && t.hasArea('in-orbit-delivery')) {
    const customer = t.parties.find((p) => p !== launcher)!;
    return {
      variant: 'designated-party',
      reason: `${launcher.label} delivers the object to orbit for ${customer.label}: the customer's State, as a launching State that procures the launch, is designated to register it (Registration Convention Arts. I(c), II(2)).`,
    };
  }
  if (launcher && joint.length > 0) {
    return {
      variant: 'launching-party',
      reason: `${launcher.label} launches the ${joint.map((o) => o.name).join(', ')}, owned by ${names(joint[0]!.owners)}: two launching States, so they agree that the launching party's State registers (Registration Convention Art. II(2)).`,
    };
  }
  if (launcher && t.spaceObjects.some((o) => !o.owners.includes(launcher))) {
    return {
      variant: 'launching-party',
      reason: `${launcher.label} launches an object owned by the other party: both States are launching States, and the launching party's State registers (Registration Convention Art. II(2)).`,
    };
  }
  return {
    variant: 'each-registers-own',
    reason: launcher
      ? `Each party provides its own elements: each registers, and retains jurisdiction and control over, the elements it provides (IGA Art. 5; Outer Space Treaty Art. VIII).`
      : `No object is launched jointly under this instrument: each party registers, and retains jurisdiction and control over, any object it launches (Outer Space Treaty Art. VIII).`,
  };
}

export function recommendIp(t: ResolvedTerms): Recommendation {
  if (t.jointlyOwnedObjects) {
    return {
      variant: 'joint',
      reason: 'The parties build and own the space object together: results made jointly are owned jointly, with contributions weighed when they are exploited.',
    };
  }
  const launcher = t.launch ? t.party(t.launch.launchingParty) : undefined;
  if (launcher && t.hasArea('launch-services', 'in-orbit-delivery') && t.spaceObjects.some((o) => !o.owners.includes(launcher))) {
    return {
      variant: 'allocated-by-element',
      reason: `${launcher.label} provides the launch and the other party the satellite: each owns the intellectual property in the element it provides.`,
    };
  }
  if (t.facilities.length > 0 || t.spaceObjects.length > 1) {
    return {
      variant: 'allocated-by-element',
      reason: 'Each party provides its own element (instrument, payload or station): each owns the intellectual property in the element it provides.',
    };
  }
  return {
    variant: 'inventing-party',
    reason: 'Each party\'s personnel work on their own tasks: each owns what its personnel or contractors create, and licenses the other for the cooperation.',
  };
}

export function recommendLiability(t: ResolvedTerms): Recommendation {
  if (!t.binding) {
    return {
      variant: 'convention-only',
      reason: 'A memorandum of understanding creates no legal obligations, so it cannot waive claims: the Liability Convention applies and the participants consult on any claim.',
    };
  }
  if (t.launch || t.hasArea('launch-services', 'in-orbit-delivery', 'human-spaceflight', 'lunar-exploration', 'mars-exploration')) {
    return {
      variant: 'cross-waiver',
      reason: 'The cooperation includes launch or operations in space: a cross-waiver of liability with flow-down to related entities keeps claims between the parties and their contractors from stalling the work (IGA Art. 16; Liability Convention Art. V).',
    };
  }
  if (t.commercialInvolved) {
    return {
      variant: 'cross-waiver',
      reason: 'A commercial party takes part: a cross-waiver with flow-down to contractors and customers gives each side certainty on claims (IGA Art. 16).',
    };
  }
  if (t.facilities.length > 0 || (t.hasArea('ground-stations') && t.spaceObjects.length === 0)) {
    return {
      variant: 'fault-based',
      reason: 'The cooperation is on the ground: each party answers for damage caused by its own fault or negligence, under the applicable law.',
    };
  }
  return {
    variant: 'convention-only',
    reason: 'A science or data cooperation with no launch: the parties rely on the Liability Convention and consult on any claim.',
  };
}

export function recommendDisputeSteps(t: ResolvedTerms): Recommendation {
  if (!t.binding) {
    return { variant: 'consultation', reason: 'A memorandum of understanding is settled by consultation between the participants; arbitration would imply a binding instrument.' };
  }
  if (diplomaticSettlementPractice(t.parties)) {
    return {
      variant: 'consultation',
      reason: 'Both parties are Governments and one is China’s, whose framework agreements (and the 2014 China–Argentina station agreement) settle disputes by consultation through diplomatic channels; arbitration would need both capitals to accept a departure from that practice.',
    };
  }
  if (t.commercialInvolved) {
    return {
      variant: 'arbitration',
      reason: 'A commercial party takes part: consultation first, then binding arbitration, so a dispute always has an end.',
    };
  }
  return {
    variant: 'arbitration',
    reason: 'Consultation for a fixed period, then arbitration, so that a dispute cannot stall the cooperation indefinitely (IGA Art. 23). If either side settles disputes only through diplomatic channels, use consultation instead.',
  };
}

/**
 * What in the terms needs each State's domestic approval before the instrument can bind it: a
 * Government as a party, binding cost shares, exemptions from customs duties and taxes, a facility on
 * the other side's territory. Empty for a memorandum, which binds no one.
 */
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function approvalNeeds(t: ResolvedTerms): string[] {
  if (!t.binding) return [];
  const out: string[] = [];
  const govs = t.parties.filter((p) => p.type === 'government');
  if (govs.length) out.push(`${govs.length === 2 ? 'both parties are Governments' : `${govs[0]!.label} is a Government`}`);
  if (t.funding === 'shared') out.push('the parties commit to binding shares of the costs, a multi-year budgetary commitment');
  if (t.intergovernmental) out.push('the instrument exempts Goods from customs duties and taxes');
  if (t.facilities.length) out.push('a facility stands on the other side’s territory for the long term (land, taxes, customs and labour)');
  return out;
}

/**
 * When a binding instrument enters into force (DOMAIN rule 18): on signature for an agency text whose
 * commitments need no approval; otherwise on the later notification that each side's internal
 * procedures (or ratification) are complete. A memorandum comes into effect on signature.
 * Source: Vienna Convention on the Law of Treaties (1969), Arts. 11 and 24(1).
 */
export function recommendEntryIntoForce(t: ResolvedTerms): Recommendation {
  if (!t.binding) {
    return { variant: 'signature', reason: 'A memorandum of understanding comes into effect on signature: it creates no legal obligations, so nothing needs domestic approval.' };
  }
  const needs = approvalNeeds(t);
  if (needs.length) {
    return {
      variant: 'notification',
      reason: `${capitalised(needs.join('; '))}: such commitments need each State’s internal procedures first, so the instrument enters into force on the later of the notifications that they are complete (Vienna Convention on the Law of Treaties, Arts. 11, 24(1)).`,
    };
  }
  return {
    variant: 'signature',
    reason: 'An agency-level text whose commitments need no domestic approval (each side bears its own costs, no exemptions) enters into force on signature (Vienna Convention on the Law of Treaties, Arts. 11, 24(1)).',
  };
}
