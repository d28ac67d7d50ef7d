import type { Plan } from '../../plan/plan.js';
import type { Draft } from '../../render/draft.js';
import type { ResolvedTerms } from '../../terms/resolve.js';
import { bodyOf, sentences, where, type ReviewDoc } from '../doc.js';
import type { Hit, Rule } from '../rule.js';

/**
 * Rules on the instrument's legal character (docs/legal-reference.md, "The instrument's legal character"): a sale
 * drafted as a treaty, and treaty formulae left in a contract. They read the character the plan
 * decided (terms) or the one the text shows (a draft file).
 */
interface TermsContext {
  t: ResolvedTerms;
  plan: Plan;
  draft?: Draft;
}
interface TextContext {
  doc: ReviewDoc;
}

export const CONTRACT_TERMS_RULES: readonly Rule<TermsContext>[] = [
  {
    id: 'sale-as-treaty',
    severity: 'warning',
    level: 'terms',
    domain: [],
    what: 'The facts describe a sale (launch, in-orbit delivery, a satellite built for the other party, a price), but the form is a treaty or an inter-agency instrument.',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 2(1)(a): a treaty is governed by international law; a sale is governed by the national law the parties choose',
    check: ({ t, plan }) => {
      const { sale, character } = plan.character;
      if (!sale || character === 'contract') return [];
      const what = sale.supplies.length ? sale.supplies.join(', ') : 'goods or services for a price';
      return [
        {
          message: `form: \`${t.form}\` drafts ${character === 'intergovernmental' ? 'a treaty' : 'an instrument governed by international law'}, but ${sale.facts.join(', ')}: a sale by ${sale.supplier.label} to ${sale.customer.label} (${what})`,
          fix: 'Use `form: contract`: a contract governed by a national law, with price, schedule, acceptance, title and risk, insurance, a liability cap and a governing-law clause (add them under `contract:`). Keep a treaty form only for what the States themselves undertake, and conclude the sale beside it.',
          where: 'form',
        },
      ];
    },
  },
  {
    id: 'contract-supplier-contradicts-facts',
    severity: 'error',
    level: 'terms',
    domain: [],
    what: 'The supplier named in the terms, or inferred from them, is contradicted by the facts: the paying party launches or builds the satellite, or the supplier owns it (or the facts point both ways).',
    source: 'Commercial contract practice for launch services and satellite procurement: the launch provider or manufacturer supplies, the satellite’s owner buys and pays',
    check: ({ plan }) => {
      const sale = plan.character.sale;
      if (!sale?.conflicts.length) return [];
      return sale.conflicts.map((c) => ({
        message: `contract.supplier: ${c}`,
        fix:
          sale.basis === 'stated'
            ? 'The supplier is the party that launches or builds a satellite it does not own; its owner is the customer. Correct `contract.supplier`, or the facts (`cooperation.launch.launchingParty`, `spaceObjects[].ownedBy`, `builtBy`) if they are wrong.'
            : 'Set `contract.supplier` to the party that sells. A supply in the other direction is a separate contract: remove its facts from these terms.',
        where: 'contract.supplier',
      }));
    },
  },
  {
    id: 'contract-supplier-unstated',
    severity: 'warning',
    level: 'terms',
    domain: [],
    what: 'A contract whose terms do not say which party supplies (no `contract.supplier`, and no launch or build of the other party’s satellite): the draft assumes one.',
    source: 'Commercial contract practice: the parties to a sale are identified by what each gives, not by what kind of body each is',
    check: ({ t, plan }) => {
      const { sale, character } = plan.character;
      if (character !== 'contract' || (sale && sale.basis !== 'assumed')) return [];
      const assumed = sale?.supplier ?? t.parties.find((p) => p.type === 'commercial' || p.type === 'state-enterprise') ?? t.parties[1];
      return [
        {
          message: `contract.supplier: the terms do not say which party supplies; the draft assumes ${assumed.label} from its party type, and makes the other party pay`,
          fix: 'Set `contract.supplier`, or state the facts: who launches (`cooperation.launch.launchingParty`), who owns the satellite (`spaceObjects[].ownedBy`) and who builds it (`builtBy`).',
          where: 'contract.supplier',
        },
      ];
    },
  },
  {
    id: 'acceptance-tests-customer-satellite',
    severity: 'warning',
    level: 'terms',
    domain: [],
    what: 'An in-orbit delivery by a supplier that does not build the satellite, with acceptance criteria on the satellite’s platform or payload: the launcher would answer for the customer’s hardware.',
    source: 'Launch services practice: the provider answers for the injection and its own services; the satellite’s performance is the risk of its owner and its manufacturer',
    check: ({ t, plan }) => {
      const supplies = new Set<string>(plan.character.sale?.supplies ?? t.contract.supplies ?? []);
      const criteria = t.contract.acceptance?.criteria;
      if (plan.character.character !== 'contract' || !supplies.has('in-orbit-delivery') || supplies.has('satellite-manufacture') || !criteria) return [];
      const named = criteria.match(SATELLITE_PERFORMANCE);
      if (!named) return [];
      return [
        {
          message: `contract.acceptance.criteria: the criteria test the satellite itself (“${named[0]}”), which the supplier does not build; the draft tests only the orbit and the commissioning services, and a shortfall of the satellite is the customer’s risk`,
          fix: 'State the criteria as the injection within the accuracy of the interface control document and the commissioning services the in-orbit test plan requires. If the supplier builds the satellite, say so (`spaceObjects[].builtBy` or `contract.supplies: [satellite-manufacture, ...]`).',
          where: 'contract.acceptance.criteria',
        },
      ];
    },
  },
];

/** Words that make acceptance criteria test a satellite's hardware or its performance rather than the orbit and the supplier's services. */
const SATELLITE_PERFORMANCE = /\b(platform|payloads?|imagers?|cameras?|transponders?|instruments?|sensors?|subsystems?|radiometric|functional tests?|design life|lifetime|propellant)\b/i;

/** Formulae that make a contract read as a treaty or a memorandum, each with what to write instead. */
const TREATY_FORMULAE: { re: RegExp; what: string; fix: string }[] = [
  { re: /\bStates Parties\b/, what: '“States Parties”', fix: 'A contract binds the Parties that sign it; name the States only where their own acts (authorisation, registration) are procured.' },
  { re: /\b(enters?|entered|entering) into force\b|\bentry into force\b/i, what: 'entry into force', fix: 'A contract “takes effect” on its Effective Date.' },
  { re: /\bDONE at\b/, what: 'the treaty testimonium “DONE at”', fix: 'Close with “IN WITNESS WHEREOF, the Parties have caused this Agreement to be signed by their duly authorised representatives”.' },
  { re: /\bappropriated funds\b|\bavailability of (appropriated )?funds\b/i, what: 'budget appropriations language', fix: 'A contract states a price and payment milestones; a company’s obligations are not subject to appropriations.' },
  { re: /\bImplementing Agenc(y|ies)\b/, what: '“Implementing Agency”', fix: 'Name the Party itself or its subcontractors; a company has no implementing agency.' },
  { re: /\bParticipants?\b/, what: '“Participants”', fix: 'A contract speaks of “Parties”.' },
];

export const CONTRACT_TEXT_RULES: readonly Rule<TextContext>[] = [
  {
    id: 'treaty-formula-in-contract',
    severity: 'error',
    level: 'text',
    domain: [],
    what: 'A contract that uses treaty or memorandum formulae (“States Parties”, “enter into force”, “DONE at”, appropriated funds, “Implementing Agency”, “Participants”).',
    source: 'Vienna Convention on the Law of Treaties (1969), Art. 2(1)(a); commercial contract practice',
    check: ({ doc }) => {
      if (!doc.facts.contract) return [];
      const out: Hit[] = [];
      for (const f of TREATY_FORMULAE) {
        const line = doc.lines.find((l) => f.re.test(l.text));
        if (!line) continue;
        const article = doc.articles.find((a) => a.text.split('\n').some((l) => f.re.test(l)));
        out.push({
          message: `${article ? `${where(article)} (${article.title})` : 'the text'}: a contract uses ${f.what}`,
          fix: f.fix,
          ...(article?.line !== undefined ? { line: article.line } : doc.file ? { line: line.line } : {}),
        });
      }
      return out;
    },
  },
];

/** For the entry-into-force rule: a contract says when it takes effect (its Effective Date, on signature). */
export function contractEffectiveDate(doc: ReviewDoc): Hit[] {
  const ok = doc.articles.some((a) => sentences(bodyOf(a)).some((s) => /\b(takes|take) effect\b|\bEffective Date\b/.test(s) && /\b(sign|Effective Date)/i.test(s)));
  return ok ? [] : [{ message: 'the contract does not say when it takes effect', fix: 'Add that the contract takes effect on its Effective Date, the date of signature by both Parties (or a stated condition).' }];
}
