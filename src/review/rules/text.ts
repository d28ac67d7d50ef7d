import { affirms, at, bodyOf, findArticle, sentences, usesTerm, where, type DocArticle, type ReviewDoc } from '../doc.js';
import type { Hit, Rule } from '../rule.js';
import { CONTRACT_TEXT_RULES, contractEffectiveDate } from './contract.js';

/**
 * Rules over the instrument's text: a draft built from terms (where a drafter's `--clauses`
 * overlay may have replaced a clause) or a draft file that has been edited by hand.
 */
export interface TextContext {
  doc: ReviewDoc;
  /** Terms the library defines, to find one used in the text but not defined. */
  knownTerms: readonly string[];
}

const BLANK = '[●]';

const jurisdictionArticle = (d: ReviewDoc) => findArticle(d, 'jurisdiction', /Registration|Jurisdiction/i);
const liabilityArticle = (d: ReviewDoc) => findArticle(d, 'liability', /Liabilit/i);
const disputesArticle = (d: ReviewDoc) => findArticle(d, 'disputes', /Disputes/i);
const ipArticle = (d: ReviewDoc) => findArticle(d, 'ip', /Intellectual Property/i);
const releaseArticle = (d: ReviewDoc) => findArticle(d, 'release', /Release|Publication|Data Policy/i);
const entryArticle = (d: ReviewDoc) => findArticle(d, 'final/entry-into-force', /Entry into Force|Coming into Effect|Duration|Termination/i);
const languagesArticle = (d: ReviewDoc) => findArticle(d, 'final/languages', /Authentic Texts?|Languages/i);
const definitionsArticle = (d: ReviewDoc) => d.articles.find((a) => a.clauseId === 'definitions' || /^Definitions$/i.test(a.title));

/** Articles of the instrument itself, without the Definitions article (which only names treaties). */
const operative = (d: ReviewDoc) => d.articles.filter((a) => a !== definitionsArticle(d));

const isCrossWaiver = (a: DocArticle | undefined): a is DocArticle =>
  a !== undefined && (a.clauseId === 'liability/cross-waiver' || affirms(bodyOf(a), /\bwaives?\b.*\bclaims?\b/i).length > 0);

const joinWords = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

const hit = (a: DocArticle, message: string, fix: string): Hit => ({ message: `${where(a)} (${a.title}): ${message}`, fix, ...at(a) });

/** Non-binding instruments: provisions only a binding instrument can carry. */
const MOU_PROVISIONS: { what: string; re: RegExp; unless?: RegExp }[] = [
  { what: 'arbitration', re: /\barbitra(tion|l|tors?)\b/i },
  { what: 'a waiver of claims', re: /\b(cross-)?waivers?\b|\bwaives?\b[^.]*\bclaims?\b/i },
  { what: 'a customs or tax exemption', re: /\bexempt(s|ed|ion)?\b/i, unless: /\b(seek|request|apply for)\b/i },
  { what: 'an assignment of intellectual property', re: /\b(assigns?|assignment of)\b[^.]*\bIntellectual Property\b|\bIntellectual Property\b[^.]*\b(is|are) (hereby )?assigned\b/i },
];

/**
 * Words that make a memorandum of understanding read as binding (X-10): "shall", "agree", "obligations",
 * "bound", "binding", "liable", "enters into force", criminal jurisdiction. Lower-case "agree" only, so
 * treaty titles ("Rescue Agreement") pass; a statement about the States' own treaty obligations and a
 * status clause saying the memorandum is not binding pass too.
 */
export const MOU_BINDING_WORDS: { word: string; re: RegExp; unless?: RegExp }[] = [
  { word: 'shall', re: /\bshall\b/i },
  { word: 'agree', re: /\b(agree|agrees|agreed|agreeing|agreement|agreements)\b/, unless: /\b(separate (written )?|safeguards )(agreement|instrument)\b/ },
  { word: 'obligations', re: /\bobligat(ion|ions|ed|ory)\b/i, unless: /\bobligations of (the|their) States\b/i },
  { word: 'bound', re: /\bbound\b/i },
  { word: 'bind', re: /\b(bind|binds)\b/i },
  { word: 'must', re: /\bmust\b/i },
  { word: 'binding', re: /\bbinding\b/i, unless: /\bnot (legally )?binding\b|\bnon-binding\b/i },
  { word: 'liable', re: /\bliable\b/i },
  { word: 'enters into force', re: /\b(enters?|entered|entry) into force\b/i },
  { word: 'criminal jurisdiction', re: /\bcriminal jurisdiction\b/i },
];

/** The binding words a memorandum's article uses, each with its count, in list order. */
export function bindingWords(text: string): { word: string; count: number }[] {
  const ss = sentences(text);
  return MOU_BINDING_WORDS.map((w) => ({
    word: w.word,
    count: ss.filter((s) => w.re.test(s) && !(w.unless?.test(s) ?? false)).reduce((n, s) => n + (s.match(new RegExp(w.re.source, `g${w.re.flags.replace('g', '')}`)) ?? []).length, 0),
  })).filter((w) => w.count > 0);
}

export const TEXT_RULES: readonly Rule<TextContext>[] = [
  ...CONTRACT_TEXT_RULES,
  {
    id: 'mou-binding-language',
    severity: 'error',
    level: 'text',
    domain: [1],
    what: 'A memorandum of understanding uses binding vocabulary ("shall", "must", "agree", "obligations", "bound", "bind", "liable", "enters into force", criminal jurisdiction).',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 2(1)(a); agency practice on non-binding instruments',
    check: ({ doc }) =>
      doc.facts.binding
        ? []
        : operative(doc).flatMap((a) => {
            const words = bindingWords(bodyOf(a));
            const n = words.find((w) => w.word === 'shall')?.count ?? 0;
            const say = words.map((w) => (w.word === 'shall' ? `“shall” ${n === 1 ? 'once' : `${n} times`}` : `“${w.word}”`));
            return words.length
              ? [hit(a, `uses ${joinWords(say)} in a memorandum of understanding, which must not read as binding`, 'Write “will” for “shall”, “jointly decide” for “agree”, “undertakings” for “obligations”; leave criminal jurisdiction to an instrument between Governments; or make the instrument binding by changing its form.')]
              : [];
          }),
  },
  {
    id: 'mou-status',
    severity: 'error',
    level: 'text',
    domain: [1],
    what: 'A memorandum of understanding does not say that it is not legally binding.',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 2(1)(a): status turns on intent, whatever the designation',
    check: ({ doc }) => {
      if (doc.facts.binding) return [];
      const ok = operative(doc).some((a) => sentences(bodyOf(a)).some((s) => /\bnot (legally )?binding\b|\bnot a treaty\b/i.test(s)));
      return ok ? [] : [{ message: 'the memorandum nowhere says that it is not legally binding and not a treaty; its title alone does not settle its status', fix: 'Add a status paragraph: the memorandum records intentions, is not a treaty, and is not legally binding under international or domestic law.' }];
    },
  },
  {
    id: 'mou-binding-provision',
    severity: 'error',
    level: 'text',
    domain: [1],
    what: 'A memorandum of understanding provides for arbitration, a waiver of claims, a customs or tax exemption, or an IP assignment.',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 2(1)(a); agency practice on non-binding instruments',
    check: ({ doc }) =>
      doc.facts.binding
        ? []
        : operative(doc).flatMap((a) =>
            MOU_PROVISIONS.filter((p) => affirms(bodyOf(a), p.re).some((s) => !(p.unless?.test(s) ?? false))).map((p) =>
              hit(a, `provides for ${p.what}, which a memorandum of understanding cannot carry`, 'Remove it, or conclude a binding instrument (agreement, protocol or implementing arrangement) for it.'),
            ),
          ),
  },
  {
    id: 'exemption-needs-treaty',
    severity: 'error',
    level: 'text',
    domain: [2],
    what: 'A customs or tax exemption granted by an instrument that is not an intergovernmental agreement.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 18',
    check: ({ doc }) =>
      !doc.facts.binding || doc.facts.intergovernmental
        ? []
        : operative(doc)
            .filter((a) => affirms(bodyOf(a), /\bexempt(s|ed|ion)?\b/i).some((s) => /\b(customs|dut(y|ies)|tax(es)?)\b/i.test(s) && !/\b(seek|request|apply for)\b/i.test(s)))
            .map((a) =>
              hit(a, 'grants a customs or tax exemption, which only an intergovernmental instrument approved under domestic law can give', 'Undertake to facilitate clearance and to seek the exemption from the competent authorities, or move the exemption into an intergovernmental agreement.'),
            ),
  },
  {
    id: 'jurisdiction-follows-registration',
    severity: 'error',
    level: 'text',
    domain: [5],
    what: 'The registration article does not say that the State of registry keeps jurisdiction and control.',
    source: 'Outer Space Treaty (1967), Art. VIII',
    check: ({ doc }) => {
      const a = jurisdictionArticle(doc);
      if (!a) return [];
      const ok = sentences(bodyOf(a)).some((s) => /jurisdiction and control/i.test(s) && /\b(regist\w*|State of Registry)\b/i.test(s));
      return ok ? [] : [hit(a, 'does not say that the State that registers an object retains jurisdiction and control over it and its personnel', 'Add: “In accordance with Article VIII of the Outer Space Treaty, the State of Registry shall retain jurisdiction and control over [the object], and over any personnel thereof”; any other allocation must be agreed expressly.')];
    },
  },
  {
    id: 'un-registration',
    severity: 'error',
    level: 'text',
    domain: [20],
    what: 'Launched objects are not reported to the United Nations register.',
    source: 'Outer Space Treaty (1967), Art. XI; Registration Convention (1975), Art. IV',
    check: ({ doc }) => {
      const a = jurisdictionArticle(doc);
      if (!a) return [];
      return /Secretary-General of the United Nations|United Nations register/i.test(bodyOf(a))
        ? []
        : [hit(a, 'does not provide for furnishing the registration information to the Secretary-General of the United Nations', 'Add that the registering Party ensures the information required by Article IV of the Registration Convention is furnished to the Secretary-General as soon as practicable after launch.')];
    },
  },
  {
    id: 'launch-liability-terms',
    severity: 'error',
    level: 'text',
    domain: [6],
    what: 'A launch without apportionment or indemnity terms, or without consultation on claims.',
    source: 'Liability Convention (1972), Art. V(2); Intergovernmental Agreement on the International Space Station (1998), Art. 17',
    check: ({ doc }) => {
      const a = liabilityArticle(doc);
      if (!a || !doc.facts.launch) return [];
      const body = bodyOf(a);
      const out: Hit[] = [];
      if (!/\bapportion|\bindemnif/i.test(body)) out.push(hit(a, 'the cooperation includes a launch, but the article neither apportions compensation to third parties nor has one party indemnify the other', 'Add an apportionment under Article V(2) of the Liability Convention (terms: `liability.thirdParty: consult-and-apportion`) or an indemnity by the launching party (`launching-party-bears`).'));
      if (!/\bconsult/i.test(body)) out.push(hit(a, 'has no consultation between the parties on claims under the Liability Convention', 'Add that the parties consult promptly on any potential liability, its apportionment and the defence of any claim.'));
      return out;
    },
  },
  {
    id: 'waiver-keeps-convention',
    severity: 'error',
    level: 'text',
    domain: [7],
    what: 'A cross-waiver that does not preserve the Liability Convention.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 17(1)',
    check: ({ doc }) => {
      const a = liabilityArticle(doc);
      if (!isCrossWaiver(a)) return [];
      const ok = sentences(bodyOf(a)).some((s) => /Liability Convention/.test(s) && /(does not affect|continues? to (govern|apply)|remains? (applicable|in force)|without prejudice)/i.test(s));
      return ok ? [] : [hit(a, 'waives claims without saying that the Liability Convention still governs claims by third States', 'Add: “This Article does not affect the application of the Liability Convention, which continues to govern claims by third States.”')];
    },
  },
  {
    id: 'waiver-flow-down',
    severity: 'error',
    level: 'text',
    domain: [8],
    what: 'A cross-waiver with contractors or a commercial party that does not flow down to related entities.',
    source: '14 CFR 1266.104 (1266.102 for the ISS); Intergovernmental Agreement on the International Space Station (1998), Art. 16(3)(b)',
    check: ({ doc }) => {
      const a = liabilityArticle(doc);
      if (!isCrossWaiver(a) || !(doc.facts.commercial || doc.facts.launch)) return [];
      return /\b(shall|will|must|undertakes? to) extend (the|this) (cross-)?waiver\b|\brequir\w+ (them|its Related Entities)\b[^.]*\bwaive\b/i.test(bodyOf(a))
        ? []
        : [hit(a, 'waives claims but does not require each party to extend the waiver to its contractors, subcontractors and other related entities', 'Add the flow-down paragraph (terms: `liability.flowDown: true`); without it a contractor keeps its claims and the waiver protects little.')];
    },
  },
  {
    id: 'waiver-exceptions',
    severity: 'error',
    level: 'text',
    domain: [9],
    what: 'A cross-waiver without the IP and wilful-misconduct exceptions (and, by area, bodily injury or gross negligence).',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 16(3)(d)',
    check: ({ doc }) => {
      const a = liabilityArticle(doc);
      if (!isCrossWaiver(a)) return [];
      const body = bodyOf(a);
      const need: [string, RegExp, boolean][] = [
        ['claims concerning intellectual property', /Intellectual Property/i, true],
        ['damage caused by wilful misconduct', /wil{1,2}ful misconduct/i, true],
        ['claims by natural persons for bodily injury or death (human spaceflight)', /bodily injury/i, doc.facts.areas.includes('human-spaceflight')],
        ['damage caused by gross negligence (lunar and Mars exploration)', /gross negligence/i, doc.facts.areas.some((x) => x === 'lunar-exploration' || x === 'mars-exploration')],
      ];
      return need
        .filter(([, re, applies]) => applies && !re.test(body))
        .map(([what]) => hit(a, `the waiver does not except ${what}`, `Add ${what} to the exceptions from the cross-waiver.`));
    },
  },
  {
    id: 'export-transfer-clause',
    severity: 'error',
    level: 'text',
    domain: [10],
    what: 'Export-controlled items change hands without a transfer clause (national law, marking, no re-transfer).',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 19',
    check: ({ doc }) => {
      if (!doc.facts.exportControlled) return [];
      const a = findArticle(doc, 'export-control', /Export Control|Technology Safeguards/i);
      const text = a ? bodyOf(a) : operative(doc).map(bodyOf).join('\n');
      const place = a ? at(a) : {};
      const prefix = a ? `${where(a)} (${a.title}): ` : '';
      const need: [string, RegExp, string][] = [
        ['no transfer against the furnishing State’s laws', /\b(in breach of|contrary to|prohibited or restricted by)\b[^.]*\blaws\b/i, 'Add that nothing requires a party to transfer an item in breach of its export control laws.'],
        ['marking of export-controlled items', /\bmark\w*\b[^.]*\bexport-controlled\b/i, 'Add that the furnishing party marks each export-controlled item and states the conditions of its licence.'],
        ['no re-transfer without consent', /\bre-?transfer\w*\b[^.]*\bconsent\b/i, 'Add that the receiving party does not re-transfer the item, or anything derived from it, without the furnishing party’s written consent.'],
      ];
      return need.filter(([, re]) => !re.test(text)).map(([what, , fix]) => ({ message: `${prefix}export-controlled items change hands, but the text has no provision on ${what}`, fix, ...place }));
    },
  },
  {
    id: 'export-control-dangling',
    severity: 'error',
    level: 'text',
    domain: [10],
    what: 'The text relies on export control (Export-Controlled Items) but has no export-control article.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 19',
    check: ({ doc }) => {
      if (findArticle(doc, 'export-control', /Export Control|Technology Safeguards/i)) return [];
      return operative(doc)
        .filter((a) => /\bExport-Controlled Items?\b/.test(bodyOf(a)))
        .map((a) => hit(a, 'refers to Export-Controlled Items, but no article governs their transfer', 'Add the export-control article (terms: `cooperation.exportControlled: true`), or delete the reference.'));
    },
  },
  {
    id: 'arbitration-vocabulary',
    severity: 'error',
    level: 'text',
    domain: [13],
    what: 'Arbitration written in the vocabulary of other rules: ICC rules with a "notice of arbitration" and appointment by the parties, or UNCITRAL or PCA rules with a "Request for Arbitration".',
    source: 'ICC Rules of Arbitration (2021), Arts. 4, 12, 13; UNCITRAL Arbitration Rules (as revised in 2010), Arts. 3, 6',
    check: ({ doc }) => {
      const a = disputesArticle(doc);
      if (!a) return [];
      const body = bodyOf(a);
      if (/International Chamber of Commerce/.test(body) && /\bnotice of arbitration\b/i.test(body)) {
        return [hit(a, 'chooses the ICC Rules but speaks of a “notice of arbitration”; under the ICC Rules proceedings begin with a Request for Arbitration, and party nominations are confirmed by the ICC Court', 'Write “Request for Arbitration”, and have each party nominate an arbitrator for confirmation by the International Court of Arbitration.')];
      }
      if (/(United Nations Commission on International Trade Law|Permanent Court of Arbitration Optional Rules)/.test(body) && /\bRequest for Arbitration\b/.test(body)) {
        return [hit(a, 'chooses the UNCITRAL or PCA rules but speaks of a “Request for Arbitration”, an ICC term; these rules begin with a notice of arbitration', 'Write “notice of arbitration”, and name the appointing authority.')];
      }
      return [];
    },
  },
  {
    id: 'budget-language',
    severity: 'error',
    level: 'text',
    domain: [],
    what: 'Budget language borrowed from one State’s practice (“appropriated funds”), or a public-funds proviso applied to a company.',
    source: 'Implementing arrangements between AEB and NASA (2011) use US appropriations language; agency practice elsewhere: subject to the availability of funds and internal procedures',
    check: ({ doc }) =>
      operative(doc)
        .filter((a) => /\bappropriated funds\b/i.test(bodyOf(a)))
        .map((a) => hit(a, 'makes obligations subject to “appropriated funds”, a term of United States budget law that does not fit other States, and none at all for a company', 'Write “subject to the availability of funds and to its internal procedures”, and leave a company’s obligations unconditional.')),
  },
  {
    id: 'phantom-tasks',
    severity: 'error',
    level: 'text',
    domain: [],
    what: 'The text relies on tasks or work “allocated” to a party when no article allocates any.',
    source: 'IISL 2016, Section 4.4 (specific and explicit provisions, not statements of willingness)',
    check: ({ doc }) => {
      const resp = findArticle(doc, 'responsibilities', /Responsibilities/i);
      // Nothing is allocated when the article only speaks of "tasks allocated to it", or every party's tasks are a blank.
      const body = resp ? bodyOf(resp) : '';
      const none = !resp || /\btasks allocated to it\b/.test(body) || (body.match(/following tasks: \[●\]/g) ?? []).length >= 2;
      if (!none) return [];
      return operative(doc)
        .filter((a) => /\b(tasks|work) allocated to it\b/i.test(bodyOf(a)))
        .map((a) => hit(a, 'refers to the tasks or work allocated to a party, but no article allocates any', 'Allocate each party’s tasks (terms: `cooperation.responsibilities`), or delete the reference.'));
    },
  },
  {
    id: 'stated-twice',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'A provision stated in two articles (OST Art. VI authorisation, a customs exemption, OST Art. IX consultation, the order of precedence), which invites the reader to look for a difference.',
    source: 'Drafting practice: each provision is made once, where it belongs',
    check: ({ doc }) => {
      const langs = languagesArticle(doc);
      const kinds: [string, (s: string) => boolean][] = [
        ['the authorisation and continuing supervision under Article VI of the Outer Space Treaty', (x) => /\bauthori[sz]ation\b/i.test(x) && /\bcontinuing supervision\b/i.test(x)],
        ['the exemption from customs duties', (x) => /\bexempt\b/i.test(x) && /\bcustoms\b/i.test(x) && !/\b(seek|request|apply for|does not grant)\b/i.test(x)],
        ['consultation under Article IX of the Outer Space Treaty', (x) => /Article IX of the Outer Space Treaty/.test(x) && /\bconsult/i.test(x)],
        ['the order of precedence', (x) => /\bprevail/i.test(x) && /\binconsisten/i.test(x)],
      ];
      const out: Hit[] = [];
      for (const [what, test] of kinds) {
        const arts = operative(doc).filter((a) => a !== langs && sentences(bodyOf(a)).some(test));
        if (arts.length > 1) out.push(hit(arts[1]!, `states ${what} again (also in ${where(arts[0]!)})`, `Keep ${what} in one article and refer to it from the other.`));
      }
      return out;
    },
  },
  {
    id: 'release-carve-out',
    severity: 'error',
    level: 'text',
    domain: [11],
    what: 'Marked proprietary data is not carved out of the release of results.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 19',
    check: ({ doc }) => {
      const a = releaseArticle(doc);
      if (!a) return [];
      return /\bproprietary\b/i.test(bodyOf(a))
        ? []
        : [hit(a, 'permits release of results without excepting information marked as proprietary', 'Add: “Nothing in this Article permits the release of Proprietary Information or of an Export-Controlled Item.”')];
    },
  },
  {
    id: 'order-of-precedence',
    severity: 'error',
    level: 'text',
    domain: [12],
    what: 'A protocol or implementing arrangement without an order-of-precedence clause.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 4(2)',
    check: ({ doc }) => {
      if (!doc.facts.subordinate) return [];
      const langs = languagesArticle(doc);
      const ok = operative(doc).some((a) => a !== langs && sentences(bodyOf(a)).some((s) => /\bprevail/i.test(s) && /\b(inconsisten|conflict)/i.test(s)));
      return ok ? [] : [{ message: 'the instrument sits under a parent instrument but no article says which prevails in case of inconsistency', fix: 'Add an article naming the parent instrument and stating that it prevails over this instrument, and this instrument over its implementing arrangements.' }];
    },
  },
  {
    id: 'arbitration-incomplete',
    severity: 'error',
    level: 'text',
    domain: [13],
    what: 'Arbitration without rules, number of arbitrators, appointing fallback, seat or language, or without a time-limited consultation first.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 23; PCA Optional Rules for Arbitration of Disputes Relating to Outer Space Activities (2011)',
    check: ({ doc }) => {
      const a = disputesArticle(doc);
      if (!a || !doc.facts.binding) return [];
      const ss = sentences(bodyOf(a));
      if (affirms(bodyOf(a), /\barbitra(tion|l)\b/i).length === 0) return [];
      // A blank [●] is an open point (a note, reported once); the sentence that holds it counts as present.
      const has = (re: RegExp) => ss.some((s) => re.test(s));
      const need: [string, boolean, string][] = [
        ['the arbitration rules', has(/\b(Rules|rules of arbitration|arbitration rules)\b/), 'Name the rules, e.g. the PCA Optional Rules for Arbitration of Disputes Relating to Outer Space Activities.'],
        ['the number of arbitrators', has(/\bsole arbitrator\b|(\bone|\bthree|\bfive|\b\d+|\(\d+\)) arbitrators\b/i), 'State the number of arbitrators (one, three or five).'],
        ['who appoints an arbitrator a party fails to appoint', has(/\b(fails? to (appoint|nominate)|not (been )?(appointed|agreed|chosen)|failing (agreement|appointment|(such an? |a joint |joint |a )?nomination))\b/i), 'Name an appointing authority, e.g. the Secretary-General of the Permanent Court of Arbitration.'],
        ['the seat of arbitration', has(/\bseat\b/i), 'State the seat (legal place) of arbitration (terms: `disputes.arbitration.seat`).'],
        ['the language of the arbitration', has(/\blanguage of the arbitration\b/i), 'State the language of the arbitration (terms: `disputes.arbitration.language`).'],
        ['a time-limited consultation before arbitration', ss.some((s) => /\bconsult/i.test(s)) && has(/\b(within|after)\b[^.]*\b(days|months)\b/i), 'Require consultation first, for a fixed period (e.g. 90 days), before either party may refer the dispute to arbitration.'],
      ];
      return need.filter(([, ok]) => !ok).map(([what, , fix]) => hit(a, `provides for arbitration but does not state ${what}`, fix));
    },
  },
  {
    id: 'termination-survival',
    severity: 'error',
    level: 'text',
    domain: [14],
    what: 'Termination that does not keep the exchange of data and goods, export control, IP, release, liability and disputes alive.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 28(5)',
    check: ({ doc }) => {
      // Survival may be stated wherever the text provides for termination: in the final clauses of a
      // treaty, in the "Suspension and Termination" article of a contract.
      const terminating = operative(doc).filter((x) => /terminat/i.test(bodyOf(x)));
      const entry = entryArticle(doc);
      const a = entry && terminating.includes(entry) ? entry : terminating.find((x) => /Terminat/i.test(x.title));
      if (!a) return [];
      // A memorandum has undertakings, not obligations (VCLT Art. 2(1)(a)).
      const duties = doc.facts.binding ? 'obligations' : 'undertakings';
      const survival = terminating.flatMap((x) => sentences(bodyOf(x))).filter((s) => /\b(surviv\w*|continue to (apply|be observed|observe)|after (the )?termination)\b/i.test(s));
      const text = survival.join(' ');
      const refs = (art: DocArticle | undefined) => art !== undefined && new RegExp(`\\bArticles? (\\d+, |\\d+ and )*${art.number}\\b`).test(text);
      const need: [string, DocArticle | undefined, RegExp, boolean][] = [
        ['intellectual property', ipArticle(doc), /intellectual property|proprietary/i, true],
        ['data and the release of results', releaseArticle(doc), /\b(data|information|release)\b/i, true],
        ['liability', liabilityArticle(doc), /\bliabilit/i, doc.facts.binding],
        ['the exchange of Technical Data and Goods', findArticle(doc, 'exchange', /Exchange of Technical Data/i), /\bTechnical Data\b|\bGoods\b/, true],
        ['export control', findArticle(doc, 'export-control', /Export Control/i), /\bexport/i, findArticle(doc, 'export-control', /Export Control/i) !== undefined],
        ['the settlement of disputes', disputesArticle(doc), /\bdisputes?\b/i, doc.facts.binding],
      ];
      return need
        .filter(([, art, re, applies]) => applies && art !== undefined && !refs(art) && !re.test(text))
        .map(([what]) => hit(a, `termination does not keep the ${duties} on ${what} alive`, `Add a survival clause: the ${duties} under the articles on ${what} continue to apply after termination or expiry.`));
    },
  },
  {
    id: 'human-spaceflight',
    severity: 'error',
    level: 'text',
    domain: [15],
    what: 'Human spaceflight without crew jurisdiction, rescue, and (in a binding text) criminal jurisdiction.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Arts. 5(2), 11, 22; Rescue Agreement (1968), Arts. 1–5',
    check: ({ doc }) => {
      if (!doc.facts.areas.includes('human-spaceflight') && !/Human Spaceflight/i.test(doc.title)) return [];
      const text = operative(doc).map(bodyOf).join('\n');
      // A memorandum leaves criminal jurisdiction to the Governments (it must not allocate it): only a binding text is asked for it.
      const need: [string, RegExp, string][] = [
        ['jurisdiction over crew members', /\b(crew|astronauts?|personnel)\b[^.]*\bjurisdiction\b|\bjurisdiction\b[^.]*\b(crew|astronauts?|personnel)\b/i, 'Add that each party retains jurisdiction over its own crew members (IGA Art. 5(2)) and a crew code of conduct (Art. 11).'],
        ...(doc.facts.binding ? [['criminal jurisdiction', /\bcriminal jurisdiction\b/i, 'Add criminal jurisdiction over misconduct in orbit by nationality, with consultation before prosecution (IGA Art. 22).'] as [string, RegExp, string]] : []),
        ['rescue and return of astronauts', /\brescue\b/i, 'Add cooperation in the rescue and return of crew in accordance with the Rescue Agreement.'],
      ];
      return need.filter(([, re]) => !re.test(text)).map(([what, , fix]) => ({ message: `human spaceflight, but no article provides for ${what}`, fix }));
    },
  },
  {
    id: 'host-facility',
    severity: 'error',
    level: 'text',
    domain: [16],
    what: 'A facility on a partner’s territory without host law, civil use, host access and property protection.',
    source: 'Agreement between China and Argentina on a deep-space station in Neuquén (2014) and its additional protocol (2016)',
    check: ({ doc }) => {
      if (!doc.facts.facilities) return [];
      const arts = operative(doc).filter((a) => /\b(station|facility|facilities)\b/i.test(bodyOf(a)) && /\bhost\b/i.test(bodyOf(a)));
      const text = arts.map(bodyOf).join('\n');
      const need: [string, RegExp][] = [
        ['the host State’s law applies at the facility', /\blaws?\b[^.]*\bhost\b|\bhost\b[^.]*\blaws?\b/i],
        ['peaceful and civil use only', /\bcivil(ian)? (use|purposes)\b/i],
        ['access for the host', /\bhost\b[^.]*\baccess\b[^.]*\b(station|facility)\b|\baccess\b[^.]*\b(station|facility)\b[^.]*\bhost\b/i],
        ['protection of the operator’s property', /\bprotect\w*\b[^.]*\b(property|premises|equipment)\b/i],
      ];
      return need
        .filter(([, re]) => !re.test(text))
        .map(([what]) => ({ message: `a ground facility stands on the other party’s territory, but no article provides that ${what}`, fix: 'Add a ground-facility article (the clause library has none yet: add `clauses/facilities/standard.hbs` with --clauses DIR).' }));
    },
  },
  {
    id: 'private-party-authorisation',
    severity: 'error',
    level: 'text',
    domain: [17],
    what: 'A private party without its State’s authorisation and continuing supervision.',
    source: 'Outer Space Treaty (1967), Art. VI',
    check: ({ doc }) => {
      if (!doc.facts.commercial) return [];
      const ss = operative(doc).flatMap((a) => sentences(bodyOf(a)));
      const named = ss.some((s) => /\bauthori[sz]ation\b/i.test(s) && /\bsupervision\b/i.test(s));
      return named ? [] : [{ message: 'a commercial party takes part, but no article names the State that authorises and continuously supervises its space activities', fix: 'Add that the commercial party obtains its State’s authorisation and remains under its continuing supervision (terms: give the party its `state`).' }];
    },
  },
  {
    id: 'entry-into-force-form',
    severity: 'error',
    level: 'text',
    domain: [18],
    what: 'Entry into force that does not fit the form (on signature for agency texts, after notification for intergovernmental ones; an MoU comes into effect).',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 2(1)(a); treaty practice on entry into force by form',
    check: ({ doc }) => {
      const a = entryArticle(doc);
      const { binding, intergovernmental } = doc.facts;
      // A contract takes effect on its Effective Date; it has no entry into force.
      if (doc.facts.contract) return contractEffectiveDate(doc);
      if (!a) return [{ message: 'no article says when the instrument takes effect', fix: binding ? 'Add an entry-into-force article.' : 'Add that the memorandum comes into effect on signature.' }];
      const body = bodyOf(a);
      if (!binding && /\b(enters?|entered) into force\b|\bentry into force\b/i.test(body)) return [hit(a, 'a memorandum of understanding “enters into force”, which is treaty language', 'Write that the memorandum “comes into effect” on signature.')];
      if (intergovernmental && !/\bnotification/i.test(body)) return [hit(a, 'an intergovernmental instrument takes effect without the notification that domestic procedures are complete', 'Provide for entry into force on the date of the later notification, through diplomatic channels, that internal procedures are complete.')];
      if (binding && !/\b(signature|notification)/i.test(body)) return [hit(a, 'does not say whether the instrument enters into force on signature or after notification', 'Provide for entry into force on signature (agency texts) or on the later notification (intergovernmental texts).')];
      // An act "on signature" in an instrument that only enters into force later contradicts it.
      if (binding && /\bnotification/i.test(body) && !sentences(body).some((s) => /\benters? into force\b[^.]*\bsignature\b/i.test(s))) {
        return operative(doc)
          .filter((x) => x !== a && sentences(bodyOf(x)).some((s) => /\b(on|upon|from|at) (the )?(date of )?(its |the )?signature\b/i.test(s)))
          .map((x) => hit(x, 'acts “on signature”, but the instrument only enters into force on the later notification', 'Write “On entry into force of this [instrument]” (or “with effect from its entry into force”).'));
      }
      return [];
    },
  },
  {
    id: 'languages-divergence',
    severity: 'error',
    level: 'text',
    domain: [19],
    what: 'Several authentic languages without a rule for divergence of interpretation (consultation, or a prevailing text the parties agree).',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 33(1)',
    check: ({ doc }) => {
      if (doc.facts.languages < 2) return [];
      const a = languagesArticle(doc);
      if (a && /\b(diverg|prevail|discrepanc|inconsisten)/i.test(bodyOf(a))) return [];
      // Without a languages article (a contract's general provisions), the rule may sit in any article.
      if (!a && operative(doc).some((x) => sentences(bodyOf(x)).some((s) => /\blanguages?\b|\btext\b/i.test(s) && /\b(diverg|prevail)/i.test(s)))) return [];
      const message = `the instrument is done in ${doc.facts.languages} languages with no rule for divergence of interpretation`;
      const fix = 'Add: “The Parties shall settle any divergence of interpretation between the texts by consultation.”, or name a prevailing text (usually a third language) only if both sides accept one (terms: `prevailingLanguage`).';
      return [a ? hit(a, message, fix) : { message, fix }];
    },
  },
  {
    id: 'missing-key-provision',
    severity: 'error',
    level: 'text',
    domain: [],
    what: 'One of the four Section 4.4 provisions (jurisdiction and control, IP, liability, disputes) is missing or empty.',
    source: 'IISL 2016, Section 4.4 (specific and explicit provisions on jurisdiction and control, IP, liability and dispute resolution)',
    check: ({ doc }) => {
      const topics: [string, string, DocArticle | undefined][] = [
        ['registration, jurisdiction and control', 'jurisdiction', jurisdictionArticle(doc)],
        ['intellectual property', 'ip', ipArticle(doc)],
        ['liability', 'liability', liabilityArticle(doc)],
        ['settlement of disputes', 'disputes', disputesArticle(doc)],
      ];
      return topics
        .filter(([, , a]) => !a || bodyOf(a).replace(/\s+/g, ' ').trim().length < 40)
        .map(([what, topic, a]) => ({
          message: a ? `${where(a)} (${a.title}) is empty: the provision on ${what} has been removed` : `no article on ${what}: one of the four provisions a cooperation agreement must make specific and explicit`,
          fix: `Restore the article, e.g. regenerate it with \`spacecoop draft TERMS --only ${topic}\`.`,
          ...(a ? at(a) : {}),
        }));
    },
  },
  {
    id: 'undefined-term',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'A defined term is used but not defined.',
    source: 'Intergovernmental Agreement on the International Space Station (1998), Art. 3 (definitions); drafting practice',
    check: ({ doc, knownTerms }) => {
      const defined = definedTerms(doc);
      return knownTerms
        .filter((term) => !defined.has(term))
        .flatMap((term) => {
          const a = doc.articles.find((x) => usesTerm(bodyOf(x), term));
          return a ? [hit(a, `uses “${term}”, which is not defined`, `Define “${term}” in the Definitions article, or write the words it stands for.`)] : [];
        });
    },
  },
  {
    id: 'unused-definition',
    severity: 'warning',
    level: 'text',
    domain: [],
    what: 'A term is defined but not used.',
    source: 'Drafting practice: every defined term is used, every capitalised term is defined',
    check: ({ doc }) => {
      const defs = definitionsArticle(doc);
      if (!defs) return [];
      const items = definitionItems(defs);
      const rest = doc.articles.filter((a) => a !== defs).map(bodyOf).join('\n');
      return items
        .filter(({ term }) => !usesTerm(rest, term) && !items.some((o) => o.term !== term && usesTerm(o.text, term)))
        .map(({ term }) => hit(defs, `defines “${term}”, which no article uses`, `Delete the definition of “${term}”.`));
    },
  },
  {
    id: 'broken-reference',
    severity: 'error',
    level: 'text',
    domain: [],
    what: 'A cross-reference to an article that does not exist.',
    source: 'Drafting practice: every cross-reference resolves',
    check: ({ doc }) => {
      const numbers = new Set(doc.articles.map((a) => a.number));
      const out: Hit[] = [];
      for (const a of doc.articles) {
        for (const m of bodyOf(a).matchAll(/\bArticles? ((?:\d+(?:, | and | or ))*\d+)(?![\d(])(?!\s*(?:\([\w.]+\))*\s+of (?:the|that)\b)/g)) {
          for (const n of m[1]!.split(/, | and | or /).map(Number)) {
            if (!numbers.has(n)) out.push(hit(a, `refers to Article ${n}, which is not in the instrument`, 'Correct the reference; articles are renumbered when one is added or removed.'));
          }
        }
      }
      return out;
    },
  },
];

/** Quoted terms the instrument defines: in the Definitions article and inline (the “Framework Agreement”). */
export function definedTerms(doc: ReviewDoc): Set<string> {
  const out = new Set<string>();
  for (const a of doc.articles) for (const m of a.text.matchAll(/“([^”]+)”/g)) out.add(m[1]!.replace(/^the /, ''));
  return out;
}

function definitionItems(defs: DocArticle): { term: string; text: string }[] {
  return [...bodyOf(defs).matchAll(/^\s*(?:\([a-z]+\)\s*|For the purposes of this \w+, )?“([^”]+)”(.*)$/gm)].map((m) => ({ term: m[1]!, text: m[2]! }));
}

/** Rules only a file on disk can break: what the generator never writes. */
export interface FileContext {
  doc: ReviewDoc;
}

export const FILE_RULES: readonly Rule<FileContext>[] = [
  {
    id: 'merge-conflict',
    severity: 'error',
    level: 'text',
    domain: [],
    what: 'An unresolved merge conflict left in a draft.',
    source: 'Drafting practice: a draft sent for review has one text',
    check: ({ doc }) => {
      const out: Hit[] = [];
      let open = false;
      for (const { text, line } of doc.lines) {
        if (/^<{7}(\s|$)/.test(text)) {
          open = true;
          out.push({ message: `line ${line}: unresolved merge conflict (both versions of a clause are in the text)`, fix: 'Keep one version, delete the other and the `<<<<<<<`, `=======` and `>>>>>>>` lines.', where: articleAt(doc, line), line });
        } else if (/^>{7}(\s|$)/.test(text)) {
          if (!open) out.push({ message: `line ${line}: stray merge-conflict marker \`>>>>>>>\``, fix: 'Delete the marker after resolving the conflict.', where: articleAt(doc, line), line });
          open = false;
        }
        // Pending CriticMarkup is a warning of its own: see rules/pending.ts.
      }
      return out;
    },
  },
  {
    id: 'open-blank',
    severity: 'note',
    level: 'text',
    domain: [],
    what: 'A blank [●] is still open.',
    source: 'Drafting practice: every open point is settled before signature',
    check: ({ doc }) =>
      doc.lines
        .filter((l) => l.text.includes(BLANK))
        .map(({ text, line }) => {
          const n = text.split(BLANK).length - 1;
          return { message: `line ${line}: ${n === 1 ? 'a blank [●] is' : `${n} blanks [●] are`} still open`, fix: 'Fill the blank in the terms file and regenerate, or in the text; the drafting notes say what belongs there.', where: articleAt(doc, line), line };
        }),
  },
];

function articleAt(doc: ReviewDoc, line: number): string {
  const a = [...doc.articles].reverse().find((x) => x.line !== undefined && x.line <= line && line < x.line + x.text.split('\n').length);
  return a ? where(a) : `line ${line}`;
}
