import type { Plan } from '../../plan/plan.js';
import type { Draft } from '../../render/draft.js';
import type { ResolvedTerms } from '../../terms/resolve.js';
import { INTERGOVERNMENTAL_FORMS } from '../../terms/resolve.js';
import type { Area } from '../../terms/schema.js';
import type { Hit, Rule } from '../rule.js';
import { CONTRACT_TERMS_RULES } from './contract.js';
import { approvalNeeds, recommendEntryIntoForce } from '../../plan/recommend.js';
import { operatesInSpace } from '../../plan/plan.js';
import { languageName } from '../../terms/resolve.js';
import { stateLanguage } from '../../render/view.js';
import { titleNamesParty } from '../../render/render.js';

/** Rules over what the terms ask for, before (or beside) the text they produce. */
export interface TermsContext {
  t: ResolvedTerms;
  plan: Plan;
  draft?: Draft;
}

/** A terms finding: `path` is the dotted field, turned into `where` and a line by the caller. */
const at = (path: string, message: string, fix: string): Hit => ({ message: `${path}: ${message}`, fix, where: path });

const variantOf = (plan: Plan, topic: string) => plan.choices.find((c) => c.topic === topic)?.variant ?? plan.articles.find((a) => a.topic === topic)?.clauseId.split('/')[1];

const draftText = (d: Draft | undefined) => (d ? d.articles.flatMap((a) => a.blocks.flatMap((b) => [b.text, ...b.items.map((i) => i.text)])).join('\n') : undefined);

const FALLBACK_FIELD: Record<string, string> = { liability: 'liability.regime', disputes: 'disputes.steps' };

/** Areas and what each makes essential (agency practice by area), as far as terms and text can show it. */
const AREA_ESSENTIALS: { areas: Area[]; what: string; missing: (c: TermsContext, text: string | undefined) => boolean; fix: string; path: string }[] = [
  {
    areas: ['earth-observation', 'communications', 'launch-services', 'in-orbit-delivery', 'lunar-exploration', 'mars-exploration'],
    what: 'export control of instruments and technology',
    // The plan may include the article for the area itself (lunar and Mars exploration): then it is there.
    missing: ({ t, plan }) => !t.exportControlled && !plan.articles.some((a) => a.topic === 'contract-export' || a.topic === 'export-control'),
    fix: 'If any instrument, technical data or launch technology is export-controlled, set `cooperation.exportControlled: true` to add the export-control article.',
    path: 'cooperation.exportControlled',
  },
  {
    areas: ['launch-services', 'in-orbit-delivery'],
    what: 'launch and third-party liability insurance',
    missing: ({ t, plan }) => t.binding && !t.insurance && !plan.articles.some((a) => a.topic === 'contract-insurance'),
    fix: 'Set `liability.insurance: true`, or record why no insurance is required.',
    path: 'liability.insurance',
  },
  {
    areas: ['in-orbit-delivery'],
    what: 'registration by the customer (procuring) State',
    // Only a customer that procures the launch is a launching State that can register (Registration Convention Art. I(a)).
    missing: ({ plan, t }) =>
      variantOf(plan, 'jurisdiction') !== 'designated-party' &&
      !plan.articles.some((a) => a.topic === 'contract-registration') &&
      t.launchingParties.some((p) => t.launch !== undefined && p.id !== t.launch.launchingParty),
    fix: 'Use `jurisdiction.registration: designated-party` with the customer as `registeringParty`.',
    path: 'jurisdiction.registration',
  },
  {
    areas: ['navigation', 'communications'],
    what: 'frequency coordination through the ITU',
    missing: (_c, text) => text !== undefined && !/\bfrequenc/i.test(text),
    fix: 'Add an article on frequency assignment and coordination under the ITU Radio Regulations (the clause library has none yet: add it with --clauses DIR).',
    path: 'cooperation.areas',
  },
  {
    areas: ['space-debris'],
    what: 'conjunction notification and data exchange',
    missing: (_c, text) => text !== undefined && !/\bconjunction|\bclose approach/i.test(text),
    fix: 'Add an article on exchanging tracking data and notifying close approaches (the clause library has none yet: add it with --clauses DIR).',
    path: 'cooperation.areas',
  },
  {
    areas: ['lunar-exploration', 'mars-exploration', 'space-debris'],
    what: 'consultation before potentially harmful interference (Outer Space Treaty Art. IX)',
    missing: ({ t }, text) => text !== undefined && (t.hasArea('space-debris') || operatesInSpace(t)) && !/Article IX/.test(text),
    fix: 'Add that the parties consult before any activity that could cause harmful interference with the other’s activities, as Article IX of the Outer Space Treaty provides.',
    path: 'cooperation.areas',
  },
  {
    areas: ['navigation'],
    what: 'monitoring or reference stations on the partner’s territory, under its law',
    missing: ({ t }) => t.facilities.length === 0,
    fix: 'List the monitoring stations in `cooperation.facilities:` (name, host, operator) so the draft gives them a host regime.',
    path: 'cooperation.facilities',
  },
];

export const TERMS_RULES: readonly Rule<TermsContext>[] = [
  ...CONTRACT_TERMS_RULES,
  {
    id: 'mou-fallback',
    severity: 'warning',
    level: 'terms',
    domain: [1],
    what: 'The terms of a memorandum of understanding ask for a binding-only variant (a waiver, arbitration); the draft falls back.',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 2(1)(a); agency practice on non-binding instruments',
    check: ({ plan }) =>
      plan.choices
        .filter((c) => c.fallbackFrom)
        .map((c) =>
          at(
            FALLBACK_FIELD[c.topic] ?? c.topic,
            `asks for \`${c.fallbackFrom}\`, which a memorandum of understanding cannot carry; the draft uses \`${c.variant}\` instead`,
            `If the parties need \`${c.fallbackFrom}\`, conclude a binding instrument (change \`form\`); otherwise remove the field so the terms say what the draft does.`,
          ),
        ),
  },
  {
    id: 'registering-state-missing',
    severity: 'error',
    level: 'terms',
    domain: [3],
    what: 'Two or more launching States, and the terms name no State of registry.',
    source: 'Registration Convention (1975), Art. II(2)',
    check: ({ t, plan }) => {
      const v = variantOf(plan, 'jurisdiction');
      const reg = t.source.jurisdiction?.registeringParty;
      if (v === 'designated-party' && !reg && !t.launch) {
        return [at('jurisdiction.registeringParty', 'the parties designate a State to register, but name none and no launch says who the customer is', 'Add `jurisdiction.registeringParty:` with the party whose State registers.')];
      }
      if (v === 'launching-party' && !t.launch) {
        return [at('jurisdiction.registration', '`launching-party` registration, but no launch names the launching party', 'Add `cooperation.launch.launchingParty`, or choose `each-registers-own` or `designated-party` with `registeringParty`.')];
      }
      if (v === 'each-registers-own' && t.launch) {
        const joint = t.spaceObjects.filter((o) => o.owners.length > 1);
        if (joint.length) {
          return [at('jurisdiction.registration', `${joint.map((o) => o.name).join(', ')} ${joint.length === 1 ? 'has' : 'have'} two launching States, and \`each-registers-own\` does not say which of them registers`, 'Use `launching-party`, or `designated-party` with `registeringParty`, so one State registers under Article II(2).')];
        }
      }
      return [];
    },
  },
  {
    id: 'registering-party-implicit',
    severity: 'warning',
    level: 'terms',
    domain: [3],
    what: 'Designated-party registration without `registeringParty`: the draft designates the customer.',
    source: 'Registration Convention (1975), Art. II(2)',
    check: ({ t, plan }) => {
      if (variantOf(plan, 'jurisdiction') !== 'designated-party' || t.source.jurisdiction?.registeringParty || !t.launch) return [];
      const customer = t.parties.find((p) => p.id !== t.launch!.launchingParty)!;
      return [at('jurisdiction.registeringParty', `not given: the draft designates ${customer.label}'s State, the customer's, to register`, `Write \`registeringParty: ${customer.id}\` (or the other party) so the terms record the designation.`)];
    },
  },
  {
    id: 'registering-not-launching',
    severity: 'error',
    level: 'terms',
    domain: [4],
    what: 'The registering party’s State is not a launching State.',
    source: 'Registration Convention (1975), Arts. I(a), I(c), II(1)',
    check: ({ t, plan }) => {
      const reg = t.source.jurisdiction?.registeringParty;
      if (variantOf(plan, 'jurisdiction') !== 'designated-party' || !reg || !t.launch) return [];
      if (t.launchingParties.some((p) => p.id === reg)) return [];
      const p = t.party(reg);
      return [
        at(
          'jurisdiction.registeringParty',
          `${p.label} neither launches nor procures the launch, so its State is not a launching State and cannot register (a State that only takes an object over in orbit is not a launching State)`,
          `Designate a launching State (${t.launchingParties.map((x) => x.id).join(' or ')}), or add ${p.id} to \`cooperation.launch.procuredBy\` if it procures the launch.`,
        ),
      ];
    },
  },
  {
    id: 'launch-site-missing',
    severity: 'note',
    level: 'terms',
    domain: [20],
    what: 'A launch with no launch site: registration needs the territory or location of launch.',
    source: 'Registration Convention (1975), Art. IV(1)(c)',
    check: ({ t }) =>
      t.launch && !t.launch.site
        ? [at('cooperation.launch.site', 'the launch has no site; the registration information must give the territory or location of launch, and the State of the launch site is a launching State', 'Add `cooperation.launch.site`, e.g. “Taiyuan Satellite Launch Center”.')]
        : [],
  },
  {
    id: 'launch-liability-terms',
    severity: 'error',
    level: 'terms',
    domain: [6],
    what: 'A launch with no apportionment or indemnity terms.',
    source: 'Liability Convention (1972), Art. V(2); Intergovernmental Agreement on the International Space Station (1998), Art. 17',
    check: ({ t, plan }) => {
      const launches = Boolean(t.launch) || t.hasArea('launch-services', 'in-orbit-delivery');
      if (!launches || !t.binding) return [];
      const regime = variantOf(plan, 'liability');
      if (regime === 'fault-based') {
        return [at('liability.regime', 'the cooperation includes a launch, but fault-based liability neither apportions compensation to third parties nor preserves the Liability Convention', 'Use `cross-waiver` (or `convention-only`) so the launch is covered by Article V apportionment and consultation on claims.')];
      }
      if (regime === 'cross-waiver' && t.thirdParty === 'launching-party-bears' && !t.launch) {
        return [at('liability.thirdParty', '`launching-party-bears`, but no launch names the launching party, so the draft has neither indemnity nor apportionment', 'Add `cooperation.launch.launchingParty`, or use `consult-and-apportion`.')];
      }
      return [];
    },
  },
  {
    id: 'waiver-flow-down',
    severity: 'error',
    level: 'terms',
    domain: [8],
    what: 'A cross-waiver with contractors or a commercial party that does not flow down to related entities.',
    source: '14 CFR 1266.104 (1266.102 for the ISS); Intergovernmental Agreement on the International Space Station (1998), Art. 16(3)(b)',
    check: ({ t, plan }) =>
      variantOf(plan, 'liability') === 'cross-waiver' && !t.flowDown && (t.commercialInvolved || Boolean(t.launch))
        ? [at('liability.flowDown', `is false, but ${t.commercialInvolved ? 'a commercial party takes part' : 'a launch brings in contractors'}: without flow-down their claims survive the waiver`, 'Set `liability.flowDown: true` so each party extends the waiver to its contractors and other related entities.')]
        : [],
  },
  {
    id: 'order-of-precedence',
    severity: 'note',
    level: 'terms',
    domain: [12],
    what: 'A protocol or implementing arrangement that does not name its parent instrument.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 4(2)',
    check: ({ t }) =>
      t.subordinate && !t.source.parentInstrument
        ? [at('parentInstrument', `a ${t.form.replace(/-/g, ' ')} sits under a parent instrument, but the terms do not name it, so the order of precedence has a blank where the parent belongs`, 'Add `parentInstrument: { title: ..., date: ... }`.')]
        : [],
  },
  {
    id: 'designation-unstated',
    severity: 'note',
    level: 'terms',
    domain: [],
    what: 'A party to an instrument under a parent instrument that the parent\'s title does not name, with no designation recited.',
    source: 'Drafting practice: an instrument under a framework is concluded by the framework\'s parties or by bodies they designate, and says which',
    check: ({ t }) => {
      const parent = t.source.parentInstrument;
      if (!t.subordinate || !parent) return [];
      // As a whole word, as the text's own terms are found: "ASA" is not named by "NASA".
      return t.parties
        .filter((p) => !p.designatedBy && !titleNamesParty(parent.title, p))
        .map((p) =>
          at(
            `parties[${p.index}].designatedBy`,
            `${p.label} is not named in the title of the ${parent.shortTitle ?? 'parent instrument'}, so the text does not show by what authority it concludes an instrument under it`,
            `Add \`designatedBy:\` for ${p.label}: the body that designated it (its Government, or the agency that is party to the parent instrument); the preamble then recites the designation.`,
          ),
        );
    },
  },
  {
    id: 'government-short-name',
    severity: 'note',
    level: 'terms',
    domain: [],
    what: 'A Government party whose short name names its State ("China" for the Government of the People\'s Republic of China).',
    source: 'Drafting practice: a Government is a Party, the State is not; bilateral treaties call a Government party "the Chinese Party" or "the Government of China"',
    check: ({ t }) =>
      t.parties
        .filter((p) => p.type === 'government' && p.shortName !== undefined && !/\b(Government|Party|Side)\b/i.test(p.shortName))
        .map((p) =>
          at(
            `parties[${p.index}].shortName`,
            `the short name “${p.shortName}” names a State, but the party is its Government: the text would have “${p.shortName}” undertake what the Government undertakes`,
            'Name the Government as treaties do, with the article, e.g. `shortName: the Chinese Party` (a sentence that opens with it reads “The Chinese Party …”), or `shortName: the Chinese Government`.',
          ),
        ),
  },
  {
    id: 'arbitration-incomplete',
    severity: 'note',
    level: 'terms',
    domain: [13],
    what: 'Arbitration without a seat.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 23; PCA Optional Rules for Arbitration of Disputes Relating to Outer Space Activities (2011)',
    check: ({ t }) =>
      t.binding && t.disputeSteps.includes('arbitration') && !t.arbitration.seat
        ? [at('disputes.arbitration.seat', 'arbitration has no seat: the seat decides the procedural law and which courts support and review the award', 'Add `disputes.arbitration.seat`, e.g. The Hague.')]
        : [],
  },
  {
    id: 'private-party-authorisation',
    severity: 'note',
    level: 'terms',
    domain: [17],
    what: 'A private party whose State is not named, so no State authorises and supervises it.',
    source: 'Outer Space Treaty (1967), Art. VI',
    check: ({ t }) =>
      t.parties
        .filter((p) => p.type === 'commercial' && !p.state)
        .map((p) => at(`parties[${p.index}].state`, `${p.label} is a commercial party with no State: the text cannot name the State that authorises and supervises its activities`, 'Add the party’s `state`.')),
  },
  {
    id: 'mixed-party-levels',
    severity: 'warning',
    level: 'terms',
    domain: [18],
    what: 'A government and an agency in an intergovernmental form: the text is drafted as an agency-level instrument.',
    source: 'Vienna Convention on the Law of Treaties (1969), Arts. 7, 11',
    check: ({ t }) => {
      if (!INTERGOVERNMENTAL_FORMS.includes(t.form)) return [];
      const gov = t.parties.filter((p) => p.type === 'government');
      if (gov.length !== 1) return [];
      const other = t.parties.find((p) => p.type !== 'government')!;
      return [
        at(
          `parties[${other.index}].type`,
          `${gov[0]!.label} is a government and ${other.label} is not, so the draft is an agency-level text: it grants no exemption, and ${other.label} must show its capacity to bind its State`,
          'Make both parties governments (an intergovernmental agreement), or use an agency-level form such as a protocol or implementing arrangement.',
        ),
      ];
    },
  },
  {
    id: 'entry-into-force-fit',
    severity: 'warning',
    level: 'terms',
    domain: [18],
    what: 'Entry into force that does not fit the parties and the commitments (signature where approval is needed), or an entry-into-force field on a memorandum.',
    source: 'Vienna Convention on the Law of Treaties (1969), Arts. 11, 24(1)',
    check: ({ t }) => {
      const chosen = t.source.entryIntoForce;
      if (chosen === undefined) return [];
      if (!t.binding) {
        return [at('entryIntoForce', `is \`${chosen}\`, but a memorandum of understanding does not enter into force: it comes into effect on signature`, 'Remove `entryIntoForce`, or conclude a binding instrument.')];
      }
      const needs = approvalNeeds(t);
      if (chosen === 'signature' && needs.length) {
        return [at('entryIntoForce', `is \`signature\`, but ${needs.join('; ')}: those commitments need each State's internal procedures before they can bind it`, `Use \`${recommendEntryIntoForce(t).variant}\` (entry into force on the later notification that internal procedures are complete), or make the commitments subject to the approval of each State's competent authorities.`)];
      }
      return [];
    },
  },
  {
    id: 'prevailing-own-language',
    severity: 'warning',
    level: 'terms',
    domain: [19],
    what: 'One party’s own language is made to prevail over the other authentic texts.',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 33(1); treaty practice: equally authentic texts, or a third-language text the parties agree',
    check: ({ t }) => {
      const p = t.source.prevailingLanguage;
      if (!p || t.languages.length < 2) return [];
      const owner = t.parties.find((x) => stateLanguage(x.state) === p);
      return owner
        ? [at('prevailingLanguage', `makes the ${languageName(p)} text, ${owner.label}'s own language, prevail over the other authentic texts; the other side rarely accepts that`, 'Remove `prevailingLanguage` so that all texts are equally authentic and divergence is settled by consultation, or name a third language both sides accept (usually English).')]
        : [];
    },
  },
  {
    id: 'area-essentials',
    severity: 'note',
    level: 'terms',
    domain: [],
    what: 'An area of cooperation whose essential clause is not in the terms or the draft.',
    source: 'IISL 2016, Section 4.4 (provisions tailored to the cooperation); agency practice by area of cooperation',
    check: (c) => {
      const text = draftText(c.draft);
      return AREA_ESSENTIALS.filter((e) => e.areas.some((a) => c.t.areas.includes(a)) && e.missing(c, text)).map((e) => {
        const areas = e.areas.filter((a) => c.t.areas.includes(a)).join(', ');
        return at(e.path, `${areas} usually needs ${e.what}, and the ${text === undefined ? 'terms do' : 'draft does'} not provide for it`, e.fix);
      });
    },
  },
  {
    id: 'open-point',
    severity: 'note',
    level: 'terms',
    domain: [],
    what: 'A fact the draft needs is missing from the terms and shows as a blank [●].',
    source: 'Drafting practice: every open point is settled before signature',
    check: ({ draft }) => (draft?.notes.openPoints ?? []).map((p) => at(p.path, `${p.label}: a blank [●] in ${p.where.join(', ')}`, p.why)),
  },
];
