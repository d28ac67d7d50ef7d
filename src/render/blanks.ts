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
  'facilities.hostAccess': { label: 'Host access time', why: 'Agree the share of each facility\'s operating time reserved to the host party (e.g. a percentage of antenna time) and write it into the article; it is not a terms field.' },
  'jurisdiction.registeringParty': { label: 'Registering party', why: 'Two launching States must agree which of them registers the object (Registration Convention Art. II(2)); add `jurisdiction.registeringParty:`.' },
  'disputes.arbitration.seat': { label: 'Seat of arbitration', why: 'The seat fixes the law governing the arbitral procedure and the courts that support it; add `disputes.arbitration.seat:`.' },
  'disputes.arbitration.appointingAuthority': { label: 'Appointing authority', why: 'Someone must appoint an arbitrator a party fails to appoint; add `disputes.arbitration.appointingAuthority:`.' },
  'parentInstrument.title': { label: 'Parent instrument', why: 'A subordinate instrument must name the instrument it implements, which prevails in case of conflict (IGA Art. 4(2)); add `parentInstrument:`.' },
  'cooperation.responsibilities': { label: 'Tasks of a party', why: 'Allocate the concrete tasks (who builds, operates, supplies what) in `cooperation.responsibilities:` with `party:` and `tasks:`, or in an annex; without them the responsibilities article is empty for that party.' },
  'parentInstrument.date': { label: 'Date of the parent instrument', why: 'The parent instrument is identified by its title and date of signature; add `parentInstrument.date:` (YYYY-MM-DD).' },
  'cooperation.facilities': { label: 'Monitoring stations', why: 'Satellite navigation cooperation usually rests on monitoring or reference stations on the partner\'s territory; list them in `cooperation.facilities:` (name, host, operator) so the draft gives them a host regime.' },
  'signing.place': { label: 'Place of signature', why: 'Add `signing.place:` once agreed.' },
  'signing.date': { label: 'Date of signature', why: 'Add `signing.date:` (YYYY-MM-DD) once agreed.' },
};

export function blankInfo(path: string, party?: string): { label: string; why: string } {
  const tasksOf = /^cooperation\.responsibilities\.(.+)$/.exec(path);
  if (tasksOf) return { ...BLANKS['cooperation.responsibilities']!, label: `Tasks of the party${party ? ` (${party})` : ` \`${tasksOf[1]}\``}` };
  const info = BLANKS[path.replace(/\[\d+\]/g, '[]')] ?? { label: path, why: `Settle \`${path}\` in the terms file.` };
  return party ? { ...info, label: `${info.label} (${party})` } : info;
}
