import type { ResolvedParty, ResolvedTerms } from '../terms/resolve.js';
import type { Supply } from '../terms/schema.js';
import { escapeMarkdown } from '../render/escape.js';

/**
 * The instrument's legal character, decided once from the form and the parties (docs/legal-reference.md, "The
 * instrument's legal character"): render, review and export read it, none of them works it out.
 *
 * - `intergovernmental`: Governments; a treaty governed by international law whatever its title
 *   (Vienna Convention on the Law of Treaties, Art. 2(1)(a)).
 * - `inter-agency`: State agencies (or mixed levels); a binding arrangement under international law,
 *   or, for a memorandum of understanding, a record of intentions governed by no law.
 * - `contract`: `form: contract`; a sale governed by the national law the parties choose.
 */
export type Character = 'intergovernmental' | 'inter-agency' | 'contract';

/** A sale recognised from explicit facts: who sells what to whom, and the facts that show it. */
export interface Sale {
  supplier: ResolvedParty;
  customer: ResolvedParty;
  supplies: Supply[];
  /** Each fact in words, for the drafting notes and the review. */
  facts: string[];
  /**
   * How the supplier was settled: named in `contract.supplier`, shown by the facts (it launches or
   * builds an object the other party owns), or `assumed` because no fact says (the review warns).
   */
  basis: 'stated' | 'facts' | 'assumed';
  /** Facts that contradict the supplier (the payer launches or builds, the supplier owns), each a phrase for the review. */
  conflicts: string[];
}

export interface CharacterDecision {
  character: Character;
  /** One phrase naming the character, e.g. "a commercial contract governed by national law". */
  label: string;
  /** Why: the form and the parties, and the sale's facts when there is one. */
  reason: string;
  /** The sale the facts describe, whatever the form; undefined when they describe none. */
  sale?: Sale;
}

/** The skeleton each character puts around the articles: clause ids and fixed formulae. */
export interface Skeleton {
  preamble: string;
  testimonium: string;
  /** The line between the preamble and Article 1. */
  agreedFormula: string;
}

/** Party types that sell goods and services in the market (a State enterprise too). */
const SELLER_TYPES = new Set(['commercial', 'state-enterprise']);

const describeType: Record<string, string> = {
  commercial: 'a company',
  'state-enterprise': 'a state enterprise',
  government: 'a Government',
  'space-agency': 'a space agency',
  'research-institution': 'a research institution',
};

/** A fact that makes one party the supplier of the other: it launches, or builds, an object the other owns and it does not. */
interface Pointer {
  supplier: ResolvedParty;
  customer: ResolvedParty;
  kind: 'launch' | 'build';
  objects: string[];
}

function pointers(t: ResolvedTerms): Pointer[] {
  const out: Pointer[] = [];
  for (const supplier of t.parties) {
    const customer = t.parties.find((p) => p !== supplier)!;
    const forCustomer = (o: { owners: ResolvedParty[] }) => !o.owners.includes(supplier) && o.owners.includes(customer);
    if (t.launch?.launchingParty === supplier.id) {
      const carried = t.spaceObjects.filter(forCustomer).map((o) => o.name);
      if (carried.length) out.push({ supplier, customer, kind: 'launch', objects: carried });
    }
    const built = t.spaceObjects.filter((o) => forCustomer(o) && t.source.cooperation?.spaceObjects?.find((s) => s.name === o.name)?.builtBy === supplier.id).map((o) => o.name);
    if (built.length) out.push({ supplier, customer, kind: 'build', objects: built });
  }
  return out;
}

const theObjects = (names: string[]) => names.map((n) => `the ${escapeMarkdown(n)}`).join(', ');

/**
 * A sale, recognised only from explicit facts, never from party types: the supplier is the party
 * named in `contract.supplier`, or else the party that launches or builds an object the other party
 * owns; the owner is the customer and pays. When no fact says who supplies (only a price or a list of
 * supplies), the supplier is assumed and the review says so; when facts point both ways, or contradict
 * the named supplier, the sale carries the conflicts and the review gives an error.
 *
 * Whether there is a sale at all: in a contract, any such fact; in a treaty form, a launch or build by
 * a company or state enterprise (an agency launching a partner's satellite is cooperation), a list of
 * supplies or a price. An agency and a state enterprise that own and build a satellite together
 * remain a cooperation.
 */
export function recogniseSale(t: ResolvedTerms): Sale | undefined {
  const c = t.contract;
  const all = pointers(t);
  const counts = (p: Pointer) => t.form === 'contract' || SELLER_TYPES.has(p.supplier.type);
  const explicit = c.supplier ? t.party(c.supplier) : undefined;
  if (!explicit && !all.some(counts) && !c.supplies?.length && !c.price) return undefined;
  const directions = [...new Set(all.map((p) => p.supplier))];
  let supplier: ResolvedParty;
  let basis: Sale['basis'];
  if (explicit) [supplier, basis] = [explicit, 'stated'];
  else if (directions.length) [supplier, basis] = [directions[0]!, 'facts'];
  else [supplier, basis] = [t.parties.find((p) => SELLER_TYPES.has(p.type)) ?? t.parties[1], 'assumed'];
  const customer = t.parties.find((p) => p !== supplier)!;
  const [sup, cus] = [escapeMarkdown(supplier.label), escapeMarkdown(customer.label)];
  const supplies = new Set<Supply>(c.supplies ?? []);
  const facts: string[] = [];
  if (c.supplies?.length) facts.push(`the terms list what ${sup} supplies (\`contract.supplies\`)`);
  for (const p of all.filter((x) => x.supplier === supplier)) {
    if (p.kind === 'launch') {
      supplies.add('launch-services');
      facts.push(`${sup} launches ${theObjects(p.objects)}, which ${cus} owns`);
      if (t.hasArea('in-orbit-delivery')) {
        supplies.add('in-orbit-delivery');
        facts.push(`and delivers it in orbit (area \`in-orbit-delivery\`)`);
      }
    } else {
      supplies.add('satellite-manufacture');
      facts.push(`${sup} builds ${theObjects(p.objects)} for ${cus}, its owner`);
    }
  }
  if (c.price) facts.push(`the terms state a price (\`contract.price\`)`);
  if (explicit && facts.length === 0) facts.push(`the terms name ${sup} as the supplier (\`contract.supplier\`)`);
  const conflicts = all
    .filter((p) => p.supplier === customer)
    .flatMap((p) => {
      const verb = p.kind === 'launch' ? 'launches' : 'builds';
      const field = p.kind === 'launch' ? '`cooperation.launch.launchingParty`' : '`builtBy`';
      return basis === 'stated'
        ? [`${cus} ${verb} the satellite, yet pays for it as the customer (${field} makes it the party that ${verb} ${theObjects(p.objects)})`, `${sup} owns ${theObjects(p.objects)}, yet is the supplier (\`contract.supplier\`)`]
        : [`the facts point both ways: ${sup} launches or builds what ${cus} owns, and ${cus} ${verb} ${theObjects(p.objects)}, which ${sup} owns`];
    });
  return { supplier, customer, supplies: ORDER.filter((s) => supplies.has(s)), facts, basis, conflicts };
}

const ORDER: Supply[] = ['satellite-manufacture', 'launch-services', 'in-orbit-delivery', 'ground-segment', 'data', 'training'];

export function decideCharacter(t: ResolvedTerms): CharacterDecision {
  const sale = recogniseSale(t);
  const who = t.parties.map((p) => `${escapeMarkdown(p.label)} (${describeType[p.type] ?? p.type})`).join(' and ');
  const assumed = sale?.basis === 'assumed' ? ` (no fact says which party supplies: the draft assumes ${escapeMarkdown(sale.supplier.label)}; set \`contract.supplier\`)` : '';
  const saleWords = sale ? `${sale.facts.join(', ')}: a sale by ${escapeMarkdown(sale.supplier.label)} to ${escapeMarkdown(sale.customer.label)}${assumed}` : '';
  if (t.form === 'contract') {
    return {
      character: 'contract',
      label: 'a commercial contract governed by the national law the parties choose',
      reason: `The terms choose \`form: contract\`, between ${who}${sale ? `; ${saleWords}` : ''}. A sale is a contract governed by a national law, not an instrument governed by international law: no treaty formulae, an effective date instead of entry into force, and the commercial terms (price, schedule, acceptance, title and risk, insurance, liability cap, governing law).`,
      ...(sale ? { sale } : {}),
    };
  }
  const saleWarning = sale ? ` But ${saleWords}; a sale is drafted as a contract (\`form: contract\`).` : '';
  if (t.parties.every((p) => p.type === 'government')) {
    return {
      character: 'intergovernmental',
      label: 'an intergovernmental instrument: a treaty governed by international law, whatever its title',
      reason: `Both parties (${t.parties.map((p) => escapeMarkdown(p.label)).join(' and ')}) are Governments: the instrument is a treaty governed by international law whatever its title (Vienna Convention on the Law of Treaties, Art. 2(1)(a)), and enters into force after each side's domestic procedures.${saleWarning}`,
      ...(sale ? { sale } : {}),
    };
  }
  return {
    character: 'inter-agency',
    label: t.binding ? 'an inter-agency instrument: a binding arrangement between bodies acting for their States' : 'an inter-agency memorandum: a record of intentions that binds no one',
    reason: `The parties are ${who}, not two Governments: ${t.binding ? 'a binding instrument at agency level, governed by international law, which cannot change national law (patent territoriality, criminal jurisdiction, tax)' : 'a memorandum of understanding records intentions and creates no legal obligations'}.${saleWarning}`,
    ...(sale ? { sale } : {}),
  };
}

const TREATY_SKELETON = (binding: boolean): Skeleton => ({
  preamble: 'instrument/preamble',
  testimonium: 'instrument/testimonium',
  agreedFormula: binding ? 'Have agreed as follows:' : 'Have reached the following understanding:',
});

/** The skeleton around the articles: a treaty's preamble and testimonium, or a contract's recitals and execution clause. */
export function skeletonFor(character: Character, binding: boolean): Skeleton {
  if (character === 'contract') {
    return { preamble: 'contract-skeleton/recitals', testimonium: 'contract-skeleton/execution', agreedFormula: 'NOW, THEREFORE, the Parties agree as follows:' };
  }
  return TREATY_SKELETON(binding);
}
