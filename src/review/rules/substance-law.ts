import { isLongTerm } from '../../terms/resolve.js';
import { affirms, at, bodyOf, findArticle, sentences, where, type DocArticle, type ReviewDoc } from '../doc.js';
import type { Hit, Rule } from '../rule.js';
import type { TermsContext } from './terms.js';
import type { TextContext } from './text.js';

/**
 * The space-law substance counsel checks line by line: who registers and who holds jurisdiction,
 * the reach of a launch indemnity, crew jurisdiction, the host regime of a ground station, data
 * rights and the waiver's carve-outs. Terms rules name the field to change; text rules catch the
 * same defects in a drafter's overlay or a hand-edited draft.
 */

const termsAt = (path: string, message: string, fix: string): Hit => ({ message: `${path}: ${message}`, fix, where: path });
const hit = (a: DocArticle, message: string, fix: string): Hit => ({ message: `${where(a)} (${a.title}): ${message}`, fix, ...at(a) });

const jurisdictionArticle = (d: ReviewDoc) => findArticle(d, 'jurisdiction', /Registration|Jurisdiction/i);
const liabilityArticle = (d: ReviewDoc) => findArticle(d, 'liability', /Liabilit/i);
const launchArticle = (d: ReviewDoc) => findArticle(d, 'launch', /Launch/i);
const facilitiesArticle = (d: ReviewDoc) => findArticle(d, 'facilities', /Ground Facilit|Station/i);
const definitionsArticle = (d: ReviewDoc) => d.articles.find((a) => a.clauseId === 'definitions' || /^Definitions$/i.test(a.title));
const operative = (d: ReviewDoc) => d.articles.filter((a) => a !== definitionsArticle(d));
const crewed = (d: ReviewDoc) => d.facts.areas.includes('human-spaceflight') || /Human Spaceflight|\bcrew members?\b/i.test(`${d.title}\n${operative(d).map(bodyOf).join('\n')}`);

/** Each operative article's sentences that match `re`, with the article. */
const matching = (d: ReviewDoc, re: RegExp) => operative(d).flatMap((a) => sentences(bodyOf(a)).filter((s) => re.test(s)).map((s) => ({ a, s })));

const draftText = (c: TermsContext) => (c.draft ? c.draft.articles.flatMap((a) => a.blocks.flatMap((b) => [b.text, ...b.items.map((i) => i.text)])).join('\n') : '');

export const LAW_TERMS_RULES: readonly Rule<TermsContext>[] = [
  {
    id: 'ground-station-without-facility',
    severity: 'error',
    level: 'terms',
    domain: [16],
    what: 'A ground-stations cooperation that names no facility and its host: the host regime cannot be complete.',
    source: 'Agreement between China and Argentina on a deep-space station in Neuquén (2014); drafting practice for host agreements',
    check: ({ t }) =>
      t.hasArea('ground-stations') && t.facilities.length === 0
        ? [termsAt('cooperation.facilities', 'ground stations are an area of the cooperation, but no station is named with the party on whose territory it stands and the party that operates it, so the host regime is a blank', 'Add `cooperation.facilities: [{ name: ..., host: ..., operator: ... }]`, or remove `ground-stations` from `cooperation.areas` if each party only uses its own stations at home.')]
        : [],
  },
  {
    id: 'station-level',
    severity: 'note',
    level: 'terms',
    domain: [16, 18],
    what: 'A long-term station operated by one party on the other State’s territory, in an instrument below the intergovernmental level.',
    source: 'Agreement between China and Argentina on a deep-space station in Neuquén (2014): an intergovernmental agreement approved by the host’s legislature',
    check: ({ t }) => {
      const foreign = t.facilities.filter((f) => f.host !== f.operator);
      if (!foreign.length || t.intergovernmental || !isLongTerm(t)) return [];
      return [
        termsAt(
          'form',
          `${foreign.map((f) => f.name).join(', ')} is operated by ${foreign[0]!.operator.label} on the territory of ${foreign[0]!.host.state ?? `${foreign[0]!.host.label}'s State`} for ${t.term.years} years: land tenure, exemptions and the host's law are usually settled between the Governments`,
          'Consider an intergovernmental agreement (both parties `type: government`, `form: agreement`), with the agencies as implementing bodies.',
        ),
      ];
    },
  },
  {
    id: 'procurement-assumed',
    severity: 'warning',
    level: 'terms',
    domain: [3, 4],
    what: 'The terms do not say who procures the launch, and the draft treats an owner’s State as a launching State.',
    source: 'Registration Convention (1975), Art. I(a); Liability Convention (1972), Art. I(c)',
    check: ({ t }) =>
      t.launch && !t.launch.procuredBy && t.launchAssumptions.some((a) => a.includes('procure'))
        ? [termsAt('cooperation.launch.procuredBy', `not given: the draft assumes that ${t.launchingParties.filter((p) => p.id !== t.launch!.launchingParty).map((p) => p.label).join(' and ')}, as owner, procures the launch, which makes its State a launching State; owning an object does not by itself do so`, `Write \`procuredBy: [${t.launchingParties.map((p) => p.id).join(', ')}]\` if that is so, or only the parties that order and pay for the launch.`)]
        : [],
  },
  {
    id: 'launch-site-state-assumed',
    severity: 'note',
    level: 'terms',
    domain: [3],
    what: 'The terms do not name the State of the launch site; the draft assumes the launching party’s own State.',
    source: 'Registration Convention (1975), Art. I(a) (the State from whose territory or facility an object is launched)',
    check: ({ t }) =>
      t.launch && !t.launch.siteState
        ? [termsAt('cooperation.launch.siteState', `not given: the draft assumes that ${t.launch.site ?? 'the launch site'} is on the territory of ${t.party(t.launch.launchingParty).state ?? 'the launching party’s State'}`, 'Add `cooperation.launch.siteState:`; a site on a third State’s territory makes that State a launching State too, and it must concur in the registration.')]
        : [],
  },
  {
    id: 'launch-provider-data',
    severity: 'error',
    level: 'terms',
    domain: [11],
    what: 'A party that only provides the launch gets rights in the mission’s data.',
    source: 'Commercial launch practice: the launch provider receives launch telemetry only (counsel review X-5)',
    check: (c) => {
      const { t } = c;
      if (!t.launch || !t.spaceObjects.length || t.spaceObjects.some((o) => o.owners.some((p) => p.id === t.launch!.launchingParty))) return [];
      const text = draftText(c);
      if (!/\baccess on equal terms to all data\b|\bEach (Party|Participant) may receive data\b/i.test(text)) return [];
      const launcher = t.party(t.launch.launchingParty);
      return [termsAt('cooperation.launch.launchingParty', `${launcher.label} only provides the launch, yet the draft gives each party access to all data or reception rights`, 'Give the data to the owner or operator of the object, and the launch provider no more than the launch telemetry (regenerate the release article).')];
    },
  },
];

export const LAW_TEXT_RULES: readonly Rule<TextContext>[] = [
  {
    id: 'registration-by-parties',
    severity: 'error',
    level: 'text',
    domain: [3, 4],
    what: 'Agencies or companies themselves agree which State registers, or agree a change of registry, instead of procuring the launching States’ determination.',
    source: 'Registration Convention (1975), Art. II(2)',
    check: ({ doc }) => {
      if (doc.facts.intergovernmental) return [];
      const a = jurisdictionArticle(doc);
      if (!a) return [];
      const ss = sentences(bodyOf(a));
      const agreed = ss.some((s) => /\b(Parties|Participants)\b[^.]*\b(agree|intend)\b[^.]*\bthat\b[^.]*\bregister\b/i.test(s));
      const change = ss.some((s) => /\bchange of the State of Registry\b[^.]*\b(agreed|decided) by the (Parties|Participants)\b/i.test(s));
      return agreed || change
        ? [hit(a, `the ${agreed ? 'parties agree which State registers' : 'parties agree a change of the State of Registry'}, but only the launching States can determine that (Registration Convention Art. II(2)); agencies and companies cannot bind their States`, 'Undertake to procure the determination: “Each Party shall take the steps within its competence for [State A] and [State B], as launching States, to determine jointly that [State] registers …”; a company procures the concurrence of its authorities.')]
        : [];
    },
  },
  {
    id: 'agency-holds-jurisdiction',
    severity: 'error',
    level: 'text',
    domain: [5],
    what: 'An agency or company is said to exercise jurisdiction and control, which belong to the State of registry; or jurisdiction reaches personnel where nothing is crewed.',
    source: 'Outer Space Treaty (1967), Art. VIII',
    check: ({ doc }) => {
      const hits: Hit[] = [];
      for (const { a, s } of matching(doc, /\b(shall|will) exercise (that|the|such)? ?jurisdiction and control\b/i)) {
        if (/^\s*(The )?(State|Government)/.test(s) || doc.facts.intergovernmental) continue;
        hits.push(hit(a, 'a party exercises jurisdiction and control; they belong to the State of Registry, for which an agency or company only operates the object', 'Write “[Party] shall operate the [object] on behalf of [State] and shall consult [other Party] before …”.'));
      }
      if (!crewed(doc)) {
        const j = jurisdictionArticle(doc);
        if (j && /\bover any personnel thereof\b/i.test(bodyOf(j))) hits.push(hit(j, 'extends jurisdiction “over any personnel thereof” although nothing under the instrument is crewed', 'Delete the reference to personnel.'));
      }
      return hits;
    },
  },
  {
    id: 'launch-indemnity-scope',
    severity: 'error',
    level: 'text',
    domain: [6],
    what: 'A launching party’s indemnity that covers the customer’s object for its whole life, cites Liability Convention Art. V(2) as permitting a deal with a non-State, or treats a non-launching State as a launching State.',
    source: 'Liability Convention (1972), Arts. I(c), V(2); commercial launch practice (indemnity to separation or in-orbit acceptance)',
    check: ({ doc }) => {
      const a = liabilityArticle(doc);
      if (!a) return [];
      const hits: Hit[] = [];
      const ss = sentences(bodyOf(a));
      if (ss.some((s) => /\bcompensation\b[^.]*\bSpace Objects? (it|that it) launches\b/i.test(s) && /\bindemnif/i.test(s)))
        hits.push(hit(a, 'the launching party indemnifies for Damage caused by any object it launches, which covers the customer’s satellite for its whole life', 'Limit the indemnity to the Launch Vehicle and to the Payload until separation or in-orbit acceptance, capped where the terms give a cap.'));
      if (ss.some((s) => /\bArticle V\(2\)[^.]*\bpermits\b/i.test(s)))
        hits.push(hit(a, 'says Article V(2) of the Liability Convention “permits” the arrangement; Article V(2) concerns apportionment between States that jointly launch', 'Say that the indemnity is without prejudice to any agreement between the launching States under Article V(2).'));
      if (ss.some((s) => /\bpays? as a Launching State\b/i.test(s) && !/\bto the extent that\b/i.test(s)))
        hits.push(hit(a, 'indemnifies the other party’s State “as a Launching State” without asking whether it is one', 'Write “to the extent that [State] is held to be a launching State”.'));
      return hits;
    },
  },
  {
    id: 'apportionment-unsettled',
    severity: 'warning',
    level: 'text',
    domain: [6],
    what: 'Apportionment between launching States left to a later agreement or to “respective responsibility”, where the ownership and cost shares settle it.',
    source: 'Liability Convention (1972), Art. V(2)',
    check: ({ doc }) => {
      const a = liabilityArticle(doc);
      return a && sentences(bodyOf(a)).some((s) => /\bproportions they (agree|decide)\b[^.]*\bbefore launch\b|\bfailing such agreement\b[^.]*\brespective responsibility\b/i.test(s))
        ? [hit(a, 'leaves the shares of third-party compensation to a later agreement with a vague fallback', 'State the shares: equal shares for an object owned and paid for equally, otherwise the cost shares, without prejudice to the victim’s right to full compensation.')]
        : [];
    },
  },
  {
    id: 'waiver-apportionment-carve-out',
    severity: 'warning',
    level: 'text',
    domain: [9],
    what: 'A cross-waiver whose exceptions do not keep the apportionment and indemnity claims of the same article outside the waiver.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Arts. 16(3), 17(3)',
    check: ({ doc }) => {
      const a = liabilityArticle(doc);
      if (!a || !/\bwaives?\b[^.]*\bclaims\b/i.test(bodyOf(a))) return [];
      const body = bodyOf(a);
      if (!/\bindemnif|\bapportion/i.test(body.replace(/\bon its apportionment between their States\b/g, ''))) return [];
      return /\bclaims between the (Parties|Participants) for the apportionment\b|\bapportionment[^.;]*\bnot (subject to|affected by) the (cross-)?waiver\b|\bclaims for (an )?indemnification under paragraph \d+/i.test(body)
        ? []
        : [hit(a, 'provides for apportionment or an indemnity between the parties, but the waiver’s exceptions do not keep those claims outside it', 'Add to the exceptions: “claims between the Parties for the apportionment of, or an indemnity for, compensation paid to third parties”.')];
    },
  },
  {
    id: 'gross-negligence-undefined',
    severity: 'warning',
    level: 'text',
    domain: [9],
    what: '“Gross negligence” carved out of a waiver without a definition (the ISS waiver excepts wilful misconduct only).',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 16(3)(d)',
    check: ({ doc }) =>
      matching(doc, /\bgross negligence\b/i)
        .filter(({ s }) => !/\bgross negligence\b,? (that is|meaning|means)\b/i.test(s) && !/“Gross Negligence”/.test(s))
        .slice(0, 1)
        .map(({ a }) => hit(a, 'uses “gross negligence”, which is undefined and reads differently in civil-law systems', 'Define it (“conduct in reckless disregard of a known and serious risk of Damage”) or keep wilful misconduct only.')),
  },
  {
    id: 'crew-jurisdiction-level',
    severity: 'error',
    level: 'text',
    domain: [5, 15],
    what: 'Jurisdiction over crew by nationality, or criminal jurisdiction, allocated in an instrument that is not between Governments; or criminal jurisdiction without the 90-day period.',
    source: 'Outer Space Treaty (1967), Art. VIII; Intergovernmental Agreement on the International Space Station (1998), Arts. 5(2), 22',
    check: ({ doc }) => {
      const hits: Hit[] = [];
      const nationality = matching(doc, /\bjurisdiction\b[^.]*\bover\b[^.]*\bpersonnel\b[^.]*\bwho are its nationals\b/i).filter(({ s }) => !/\bsubject to agreement between the Governments\b/i.test(s));
      const criminal = matching(doc, /\bmay exercise criminal jurisdiction\b/i);
      if (!doc.facts.intergovernmental) {
        for (const { a } of [...nationality, ...criminal].slice(0, 1))
          hits.push(hit(a, 'allocates jurisdiction over crew by nationality or criminal jurisdiction, which only the Governments can agree; at this level it contradicts jurisdiction by registry', 'Keep jurisdiction with the State of Registry and record that any jurisdiction by nationality or criminal jurisdiction is subject to agreement between the Governments.'));
      } else if (criminal.length && !criminal.some(({ a }) => /\b(ninety|90) days\b/i.test(bodyOf(a)))) {
        hits.push(hit(criminal[0]!.a, 'lets the affected State prosecute after consultation with no time limit', 'Restore the period: the affected State may prosecute if, within ninety days of the consultation, the State of nationality concurs or gives no assurance of prosecution.'));
      }
      return hits;
    },
  },
  {
    id: 'rescue-return',
    severity: 'error',
    level: 'text',
    domain: [15],
    what: 'Crew returned to the other party instead of to the representatives of the launching authority.',
    source: 'Rescue Agreement (1968), Art. 4',
    check: ({ doc }) =>
      matching(doc, /\breturn (them|crew members|personnel)\b[^.]*\bto the other (Party|Participant)\b/i)
        .slice(0, 1)
        .map(({ a }) => hit(a, 'returns crew members to the other party; the Rescue Agreement returns them to the representatives of the launching authority', 'Write that crew members are returned, under Article 4 of the Rescue Agreement, to the representatives of the launching authority, which then arranges their return home.')),
  },
  {
    id: 'ip-territoriality-level',
    severity: 'error',
    level: 'text',
    domain: [],
    what: 'An IGA Art. 21(2)-style territorial fiction for inventions outside a government-level human-spaceflight instrument.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 21(2)',
    check: ({ doc }) => {
      if (doc.facts.intergovernmental && crewed(doc)) return [];
      return matching(doc, /\b(deemed to have occurred|treated as carried out) only in the territory\b/i)
        .slice(0, 1)
        .map(({ a }) => hit(a, 'deems an activity in space to occur in the State of Registry’s territory for intellectual property law; only States, by treaty, can change the territorial reach of their patent laws', 'Replace it with: “The Parties shall consult on the law applicable to inventions made in or on a Space Object; nothing in this instrument affects the territorial application of national intellectual property laws”, or delete it.'));
    },
  },
  {
    id: 'fault-liability-scope',
    severity: 'error',
    level: 'text',
    domain: [],
    what: 'Fault-based liability for the acts of Related Entities at any tier, or under a law it does not name.',
    source: 'Agreement between China and Argentina on a deep-space station in Neuquén (2014); drafting practice for positive liability clauses',
    check: ({ doc }) => {
      const a = liabilityArticle(doc);
      if (!a || !/\bfault or negligence\b/i.test(bodyOf(a)) || /\bwaives?\b[^.]*\bclaims\b/i.test(bodyOf(a))) return [];
      const ss = sentences(bodyOf(a));
      const hits: Hit[] = [];
      if (ss.some((s) => /\bfault or negligence\b/i.test(s) && /\bRelated Entit/i.test(s) && !negated(s)))
        hits.push(hit(a, 'makes a party answer for the fault of its Related Entities, which include users and customers at any tier', 'Limit liability to a party’s own personnel and contractors, and to direct damage.'));
      if (ss.some((s) => /\bdetermined in accordance with the applicable law\b/i.test(s) && !/\blaw of\b/i.test(s)))
        hits.push(hit(a, 'leaves the law governing liability to be found (“the applicable law”)', 'Name it: the law of the State where the damage occurs (for a station, the host State’s law).'));
      // The indemnity sits in the facilities article (counsel A-4), whatever the liability regime; an older draft may carry it here.
      const station = facilitiesArticle(doc);
      const indemnity = /\bhold(s)? harmless\b|\bindemnif/i;
      if (doc.facts.facilities && doc.facts.binding && !indemnity.test(bodyOf(a)) && !(station && indemnity.test(bodyOf(station))))
        hits.push(hit(a, 'a station stands on the other party’s territory, but its operator does not hold the host harmless from third-party claims', 'Add to the facilities article: the operating party indemnifies and holds the host harmless against claims of any kind arising from the station and the missions it supports, with insurance behind it.'));
      return hits;
    },
  },
  {
    id: 'station-termination',
    severity: 'warning',
    level: 'text',
    domain: [16],
    what: 'A station on the other party’s territory with no removal and restoration terms, or terminable at will.',
    source: 'Agreement between China and Argentina on a deep-space station in Neuquén (2014) (fifty-year term)',
    check: ({ doc }) => {
      if (!doc.facts.facilities || !doc.facts.binding) return [];
      const a = facilitiesArticle(doc);
      const body = a ? bodyOf(a) : '';
      return /\bremove\b/i.test(body) && /\brestor/i.test(body) && /\bterminat/i.test(body)
        ? []
        : [a ? hit(a, 'says nothing on a minimum period before termination, or on removal of equipment and restoration of the site', 'Allow termination only after a minimum period or for cause, and add removal, restoration and compensation terms.') : { message: 'a station stands on the other party’s territory, but no article settles termination, removal and restoration', fix: 'Add a ground-facility article with those terms.' }];
    },
  },
  {
    id: 'range-safety-party',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'Range safety given to a party, or a launch article that refers to a launch services contract the instrument does not create.',
    source: 'Launch practice: the launch site operator’s range safety rules govern; counsel review X-11, X-14',
    check: ({ doc }) => {
      const a = launchArticle(doc) ?? operative(doc).find((x) => /range safety/i.test(bodyOf(x)));
      if (!a) return [];
      const hits: Hit[] = [];
      if (affirms(bodyOf(a), /\b(shall|will) be responsible for range safety\b/i).length)
        hits.push(hit(a, 'makes a party responsible for range safety, which belongs to the operator of the launch site', 'Write: “[Party] shall ensure that the range safety rules of the launch site operator apply and are notified to [other Party]”.'));
      if (/\bthe launch services contract\b/i.test(bodyOf(a)))
        hits.push(hit(a, 'refers to “the launch services contract”, which no provision creates', 'State the term, annex it, or leave a blank [●] as an open point.'));
      return hits;
    },
  },
];

/** Is a sentence a denial (“Neither Party shall be liable … Related Entity”)? */
function negated(s: string): boolean {
  return /^\s*(Neither|Nothing|No)\b/.test(s);
}
