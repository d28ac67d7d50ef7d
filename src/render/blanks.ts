/**
 * What each visible blank stands for, so the drafting notes can say what to settle. Keys are terms
 * paths with list indexes replaced by `[]`.
 */
export const BLANKS: Record<string, { label: string; why: string }> = {
  'cooperation.costShare': { label: 'Cost shares', why: 'Shared funding needs each party\'s share; add `cooperation.costShare:` with a percentage for each party.' },
  'parties[].state': { label: 'State of the party', why: 'The State a party belongs to fixes registration, jurisdiction and liability under the space treaties; add `state:` to the party.' },
  'parties[].signatory.name': { label: 'Name of the signatory', why: 'Add `signatory.name:` once the person who signs is known.' },
  'parties[].signatory.title': { label: 'Title of the signatory', why: 'Add `signatory.title:`; the title shows the authority under which the party signs.' },
  'cooperation.areas': { label: 'Areas of cooperation', why: 'The scope article needs the areas; add `cooperation.areas:`.' },
  'cooperation.launch.site': { label: 'Launch site', why: 'The launch site identifies the State whose territory or facility is used, itself a launching State (Liability Convention Art. I(c)); add `cooperation.launch.site:`.' },
  'cooperation.launch.launchingParty': { label: 'Launching party', why: 'A launch clause needs the party that launches or procures the launch; add `cooperation.launch:` with `launchingParty:`.' },
  'cooperation.launch.siteState': { label: 'State of the launch site', why: 'The State whose territory or facility is used is a launching State (Registration Convention Art. I(a)); add `cooperation.launch.siteState:`.' },
  'cooperation.facilities[].hostAccessPercent': { label: 'Host share of operating time', why: 'The host\'s share of the facility\'s operating (antenna) time is the heart of its access; add `hostAccessPercent:` to the facility (the 2014 China–Argentina agreement reserves at least 10 per cent).' },
  'cooperation.launch.orbit': { label: 'Delivery orbit', why: 'State the orbit to which the object is delivered (e.g. its altitude, inclination and local time), or the annex that sets it; it fixes the point of in-orbit acceptance.' },
  'cooperation.facilities.siteTerms': { label: 'Conditions of use of the station site', why: 'State the land tenure (loan for use, lease, concession), its charge if any, and the authorities involved, or set `rentFree: true` on the facility when the host lends the site free of charge.' },
  'cooperation.facilities': { label: 'Ground facility and its host', why: 'A ground-stations cooperation needs each station named, with the party on whose territory it stands and the party that operates it; add `cooperation.facilities:`.' },
  'jurisdiction.registeringParty': { label: 'Registering party', why: 'Two launching States must agree which of them registers the object (Registration Convention Art. II(2)); add `jurisdiction.registeringParty:`.' },
  'disputes.arbitration.seat': { label: 'Seat of arbitration', why: 'The seat fixes the law governing the arbitral procedure and the courts that support it; add `disputes.arbitration.seat:`.' },
  'disputes.arbitration.appointingAuthority': { label: 'Appointing authority', why: 'Someone must appoint an arbitrator a party fails to appoint; add `disputes.arbitration.appointingAuthority:`.' },
  'parentInstrument.title': { label: 'Parent instrument', why: 'A subordinate instrument must name the instrument it implements, which prevails in case of conflict (IGA Art. 4(2)); add `parentInstrument:`.' },
  'signing.place': { label: 'Place of signature', why: 'Add `signing.place:` once agreed.' },
  'signing.date': { label: 'Date of signature', why: 'Add `signing.date:` (YYYY-MM-DD) once agreed.' },
};

export function blankInfo(path: string, party?: string): { label: string; why: string } {
  const info = BLANKS[path.replace(/\[\d+\]/g, '[]')] ?? { label: path, why: `Settle \`${path}\` in the terms file.` };
  return party ? { ...info, label: `${info.label} (${party})` } : info;
}
