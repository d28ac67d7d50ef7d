/**
 * What each visible blank stands for, so the drafting notes can say what to settle. Keys are terms
 * paths with list indexes replaced by `[]`.
 */
export const BLANKS: Record<string, { label: string; why: string }> = {
  prevailingLanguage: { label: 'Controlling language', why: 'A contract in several languages names the text that controls in case of divergence; no language is chosen for the parties. Add `prevailingLanguage:` (often English where neither party\'s language is shared).' },
  'cooperation.costShare': { label: 'Cost shares', why: 'Shared funding needs each party\'s share; add `cooperation.costShare:` with a percentage for each party.' },
  'parties[].state': { label: 'State of the party', why: 'The State a party belongs to fixes registration, jurisdiction and liability under the space treaties; add `state:` to the party.' },
  'parties[].signatory.name': { label: 'Name of the signatory', why: 'Add `signatory.name:` once the person who signs is known.' },
  'parties[].signatory.title': { label: 'Title of the signatory', why: 'Add `signatory.title:`; the title shows the authority under which the party signs.' },
  'cooperation.areas': { label: 'Areas of cooperation', why: 'The scope article needs the areas; add `cooperation.areas:`.' },
  'cooperation.launch.site': { label: 'Launch site', why: 'The launch site identifies the State whose territory or facility is used, itself a launching State (Liability Convention Art. I(c)); add `cooperation.launch.site:`.' },
  'cooperation.launch.launchingParty': { label: 'Launching party', why: 'A launch clause needs the party that launches or procures the launch; add `cooperation.launch:` with `launchingParty:`.' },
  'cooperation.launch.siteState': { label: 'State of the launch site', why: 'The State whose territory or facility is used is a launching State (Registration Convention Art. I(a)); add `cooperation.launch.siteState:`.' },
  'cooperation.facilities[].site': { label: 'Site of the facility', why: 'The site lent to the operator is identified by its location, area and boundaries, with a plan annexed; add `site:` to the facility, and confirm the tenure and the authorities (national, provincial, local) that grant it.' },
  'cooperation.facilities[].hostAccessPercent': { label: 'Host share of operating time', why: 'The host\'s share of the facility\'s operating (antenna) time is the heart of its access; add `hostAccessPercent:` to the facility (the 2014 China–Argentina agreement reserves at least 10 per cent).' },
  'cooperation.launch.orbit': { label: 'Delivery orbit', why: 'State the orbit to which the object is delivered (e.g. its altitude, inclination and local time), or the annex that sets it; it fixes the point of in-orbit acceptance.' },
  'cooperation.facilities.siteTerms': { label: 'Conditions of use of the station site', why: 'State the land tenure (loan for use, lease, concession), its charge if any, and the authorities involved, or set `rentFree: true` on the facility when the host lends the site free of charge.' },
  'cooperation.facilities': { label: 'Ground facility and its host', why: 'A ground-stations or navigation cooperation needs each station (ground, tracking or monitoring) named, with the party on whose territory it stands and the party that operates it; add `cooperation.facilities:`.' },
  'jurisdiction.registeringParty': { label: 'Registering party', why: 'Two launching States must agree which of them registers the object (Registration Convention Art. II(2)); add `jurisdiction.registeringParty:`.' },
  'disputes.arbitration.seat': { label: 'Seat of arbitration', why: 'The seat fixes the law governing the arbitral procedure and the courts that support it; add `disputes.arbitration.seat:`.' },
  'disputes.arbitration.appointingAuthority': { label: 'Appointing authority', why: 'Someone must appoint an arbitrator a party fails to appoint; add `disputes.arbitration.appointingAuthority:`.' },
  'parentInstrument.title': { label: 'Parent instrument', why: 'A subordinate instrument must name the instrument it implements, which prevails in case of conflict (IGA Art. 4(2)); add `parentInstrument:`.' },
  // Contract terms (form `contract`): each missing one is a blank and an open point.
  'parties[].legalForm': { label: 'Legal form of the party', why: 'A contract names each party\'s legal form (e.g. "a private limited company incorporated under the laws of India"); add `legalForm:` to the party.' },
  'parties[].registeredOffice': { label: 'Registered office', why: 'A contract gives each party\'s registered office, which is also its address for notices; add `registeredOffice:` to the party.' },
  'cooperation.spaceObjects': { label: 'The satellite', why: 'Name the satellite the contract concerns in `cooperation.spaceObjects:`, owned by the customer.' },
  'contract.price': { label: 'Contract price and currency', why: 'Add `contract.price: { amount: ..., currency: USD }`; a sale without a price is not a contract.' },
  'contract.payments': { label: 'Payment milestones', why: 'Add `contract.payments:`, each with a `milestone` and a `percent` of the price (totalling 100).' },
  'contract.governingLaw': { label: 'Governing law', why: 'A contract is governed by a national law the parties choose; add `contract.governingLaw:`, e.g. "the laws of England and Wales".' },
  'contract.launchWindow': { label: 'Launch window', why: 'Add `contract.launchWindow: { from: YYYY-MM-DD, to: YYYY-MM-DD }`; the supplier notifies a launch period within it, from which delay remedies run.' },
  'contract.deliveryDate': { label: 'Delivery date', why: 'Add `contract.deliveryDate:` (YYYY-MM-DD), the date by which delivery (in orbit or on the ground) is complete.' },
  'contract.acceptance.criteria': { label: 'Acceptance criteria', why: 'Add `contract.acceptance.criteria:`, measurable criteria or the annex that sets them.' },
  'contract.acceptance.periodDays': { label: 'Acceptance test period', why: 'Add `contract.acceptance.periodDays:`, the days the acceptance tests may take.' },
  'contract.titleAndRisk': { label: 'Passing of title and risk', why: 'Add `contract.titleAndRisk:` (in-orbit-acceptance, launch or ground-acceptance).' },
  'contract.insurance.thirdPartyAmount': { label: 'Third-party liability insurance', why: 'Add `contract.insurance.thirdPartyAmount:`, at least what the licensing State requires for the launch licence.' },
  'contract.liabilityCap': { label: 'Cap on liability', why: 'Add `contract.liabilityCap: { amount: ... }`, often a share of the price or the insured amount.' },
  'contract.lateInterest': { label: 'Interest on late payment', why: 'Agree the rate and write it into the article; it is not a terms field.' },
  'contract.freePostponementMonths': { label: 'Postponement without charge', why: 'Agree how many months of postponement the customer may claim without charge and write it into the article; it is not a terms field.' },
  'contract.delayPayment': { label: 'Liquidated damages for delay', why: 'Agree the weekly rate (a percentage of the price) and write it into the article; it is not a terms field.' },
  'contract.launchGraceDays': { label: 'Grace period after the launch period', why: 'Agree the days after the notified launch period before liquidated damages for a late launch run, and write it into the article; it is not a terms field.' },
  'contract.deliveryDelayPayment': { label: 'Liquidated damages for late delivery in orbit', why: 'Agree the weekly rate (a percentage of the price) for late delivery in orbit and write it into the article; it is not a terms field.' },
  'contract.deliveryDelayCap': { label: 'Cap on payments for late delivery in orbit', why: 'Agree the cap on liquidated damages for late delivery in orbit and write it into the article; it is not a terms field.' },
  'contract.delayCap': { label: 'Cap on delay payments', why: 'Agree the cap on liquidated damages for delay and write it into the article; it is not a terms field.' },
  'contract.delayTermination': { label: 'Delay that allows termination', why: 'Agree the months of delay after which the customer may terminate and write it into the article; it is not a terms field.' },
  'contract.shipmentDate': { label: 'Date of the pre-shipment review', why: 'Agree the date by which the satellite is ready to ship and write it into the article; it is not a terms field.' },
  'contract.warrantyMonths': { label: 'Warranty period on the ground', why: 'Agree the warranty period for equipment on the ground and write it into the article; it is not a terms field.' },
  'contract.noticeAttention': { label: 'Representative for notices', why: 'Name, for each party, the officer notices are addressed to, and write it into the article; it is not a terms field.' },
  'cooperation.responsibilities': { label: 'Tasks of a party', why: 'Allocate the concrete tasks (who builds, operates, supplies what) in `cooperation.responsibilities:` with `party:` and `tasks:`, or in an annex; without them the responsibilities article is empty for that party.' },
  'parentInstrument.date': { label: 'Date of the parent instrument', why: 'The parent instrument is identified by its title and date of signature; add `parentInstrument.date:` (YYYY-MM-DD).' },
  'signing.place': { label: 'Place of signature', why: 'Add `signing.place:` once agreed.' },
  'signing.date': { label: 'Date of signature', why: 'Add `signing.date:` (YYYY-MM-DD) once agreed.' },
};

/** What a Chinese form is of: `parties[1].zh.name` -> "name", `cooperation.zh.objectives[0]` -> "objective". */
const ZH_WHAT: Record<string, string> = {
  name: 'name', shortName: 'short name', state: 'State', title: 'title', shortTitle: 'short title', place: 'place',
  site: 'launch site', vehicle: 'launch vehicle', provider: 'launch provider', siteState: 'State of the launch site', siteOperator: 'launch site operator',
  description: 'description', objectives: 'objective', tasks: 'task', legalForm: 'legal form', registeredOffice: 'registered office',
  governingLaw: 'governing law', criteria: 'acceptance criteria', milestone: 'payment milestone', indemnityCap: 'indemnity cap',
  seat: 'seat of arbitration', language: 'language of arbitration', appointingAuthority: 'appointing authority',
};

/** Open points of the Chinese text: a missing Chinese form, or a clause of an overlay with no Chinese twin. */
function chineseBlankInfo(path: string, party?: string): { label: string; why: string } | undefined {
  const twin = /^zh-twin:(.+)$/.exec(path);
  if (twin) return { label: `Chinese text of \`${twin[1]}\``, why: `The clause has no Chinese twin; add ${twin[1]}.zh.hbs beside its English file (front matter id, lang: zh, title), or write the article here.` };
  const m = /^(?:(.*)\.)?zh\.(.+)$/.exec(path);
  if (!m) return undefined;
  const key = m[2]!.replace(/\[\d+\]$/, '').split('.').pop()!;
  const what = (m[2]!.startsWith('signatory.') ? 'signatory\'s ' : '') + (ZH_WHAT[key] ?? key);
  const owner = m[1] ? ` of \`${m[1]}\`` : '';
  return {
    label: `Chinese ${what}${party ? ` (${party})` : owner}`,
    why: `The Chinese text needs the Chinese form of this ${what}; add \`${path}\` to the terms file (the \`zh:\` block beside the English), or write it in the Chinese draft.`,
  };
}

export function blankInfo(path: string, party?: string): { label: string; why: string } {
  const zh = chineseBlankInfo(path, party);
  if (zh) return zh;
  const tasksOf = /^cooperation\.responsibilities\.(.+)$/.exec(path);
  if (tasksOf) return { ...BLANKS['cooperation.responsibilities']!, label: `Tasks of the party${party ? ` (${party})` : ` \`${tasksOf[1]}\``}` };
  const info = BLANKS[path.replace(/\[\d+\]/g, '[]')] ?? { label: path, why: `Settle \`${path}\` in the terms file.` };
  return party ? { ...info, label: `${info.label} (${party})` } : info;
}
