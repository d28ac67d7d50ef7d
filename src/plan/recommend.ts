import { stateInText } from '../render/words.js';
import { diplomaticSettlementPractice, type ResolvedParty, type ResolvedTerms } from '../terms/resolve.js';

/** A variant the facts point to, and why, in words a drafter can check against the terms. */
export interface Recommendation {
  variant: string;
  reason: string;
}

const names = (ps: ResolvedParty[]) => ps.map((p) => p.label).join(' and ');

/** The launch facts the terms leave out and the recommendation assumes, as a sentence for the notes. */
const assumed = (t: ResolvedTerms) => (t.launchAssumptions.length ? ` Assumed: ${t.launchAssumptions.join(' ')}` : '');

export function recommendJurisdiction(t: ResolvedTerms): Recommendation {
  const launcher = t.launch ? t.party(t.launch.launchingParty) : undefined;
  const joint = t.spaceObjects.filter((o) => o.owners.length > 1);
  // "the People's Republic of China", as a sentence names the State (counsel R17-7).
  const states = t.launchingStates.map((s) => (s.state !== undefined ? stateInText(s.state) : `${s.party?.label}'s State`));
  const launchingStates = states.length > 1 ? `${states.join(' and ')} are launching States` : `${states[0] ?? 'the launching party\'s State'} is the only launching State`;
  if (!t.inOrbit && t.hasArea('ground-stations')) {
    // A tracking, telemetry and command station operates spacecraft from the ground (counsel A-4): the
    // note must not say that nothing is operated in space.
    return {
      variant: 'no-space-object',
      reason: `Nothing is launched under this instrument, but the ground station tracks and commands spacecraft: the article keeps the host State's law and control over the station on its territory, keeps each spacecraft the station supports under the jurisdiction and control of its State of registry without making the host State a launching State of it, brings the commands sent from the station within the civil-use undertaking, and records an undertaking that any object later launched for the cooperation is registered (Outer Space Treaty Art. VIII; Registration Convention Arts. I(a), II).`,
    };
  }
  if (!t.inOrbit) {
    return {
      variant: 'no-space-object',
      reason: `Nothing is launched or operated in space under this instrument: the article keeps ${t.facilities.length ? 'the host State\'s law and control over the facilities on its territory and ' : ''}an undertaking that any object later launched for the cooperation is registered, with jurisdiction and control following registration (Outer Space Treaty Art. VIII; Registration Convention Art. II).`,
    };
  }
  if (launcher && t.hasArea('in-orbit-delivery')) {
    const customer = t.parties.find((p) => p !== launcher)!;
    if (t.launchingParties.includes(customer)) {
      return {
        variant: 'designated-party',
        reason: `${launcher.label} delivers the object to orbit for ${customer.label}, which procures the launch: ${launchingStates}, and they determine jointly that the customer's State registers (Registration Convention Arts. I(a), II(2)).${assumed(t)}`,
      };
    }
    return {
      variant: 'launching-party',
      reason: `${launcher.label} delivers the object to orbit for ${customer.label}, which does not procure the launch: a State that only takes an object over in orbit is not a launching State and cannot register it, so ${launcher.label}'s State registers (Registration Convention Arts. I(a), I(c)).${assumed(t)}`,
    };
  }
  if (launcher && joint.length > 0) {
    return {
      variant: 'launching-party',
      reason: `${launcher.label} ${t.launchingStates.find((s) => s.party === launcher)?.roles.includes('launches') ? 'launches' : 'procures the launch of'} the ${joint.map((o) => o.name).join(', ')}, owned by ${names(joint[0]!.owners)}: ${launchingStates}, and the parties undertake to have those States determine jointly that the launching party's State registers (Registration Convention Art. II(2)).${assumed(t)}`,
    };
  }
  if (launcher && t.spaceObjects.some((o) => !o.owners.includes(launcher)) && t.launchingParties.length > 1) {
    return {
      variant: 'launching-party',
      reason: `${launcher.label} launches an object owned by the other party: ${launchingStates}, and the parties undertake to have them determine jointly that the launching party's State registers (Registration Convention Art. II(2)).${assumed(t)}`,
    };
  }
  return {
    variant: 'each-registers-own',
    reason: launcher
      ? `Each party provides its own elements: each has its State register, and that State keeps jurisdiction and control over, the elements it provides (IGA Art. 5; Outer Space Treaty Art. VIII).${assumed(t)}`
      : `No object is launched jointly under this instrument: each party has its State register any object it provides, as determined jointly with any other launching State such as the State of the launch site, and that State keeps jurisdiction and control (Outer Space Treaty Art. VIII; Registration Convention Art. II(2)).`,
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
  const inSpace = Boolean(t.launch) || t.jointlyOwnedObjects || t.hasArea('launch-services', 'in-orbit-delivery', 'human-spaceflight');
  const explorationInSpace = t.hasArea('lunar-exploration', 'mars-exploration') && t.inOrbit;
  if (inSpace || explorationInSpace) {
    return {
      variant: 'cross-waiver',
      reason: 'The cooperation includes launch or operations in space: a cross-waiver of liability with flow-down to related entities keeps claims between the parties and their contractors from stalling the work (IGA Art. 16; Liability Convention Art. V).',
    };
  }
  if (t.commercialInvolved && !t.facilities.length && !t.hasArea('ground-stations')) {
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
 * When a binding instrument enters into force (consistency rule 18, docs/legal-reference.md): on signature for an agency text whose
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
