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

/**
 * A sale, recognised only from explicit facts, never from party types alone: a company or state
 * enterprise launches the other party's object (launch services; with `in-orbit-delivery`, an
 * in-orbit delivery), builds an object the other party alone owns (satellite manufacture), or the
 * terms list what it supplies or state a price. An agency and a state enterprise that own and build
 * a satellite together remain a cooperation.
 */
export function recogniseSale(t: ResolvedTerms): Sale | undefined {
  const c = t.contract;
  const explicit = c.supplier ? t.party(c.supplier) : undefined;
  const candidates = explicit ? [explicit] : t.parties.filter((p) => SELLER_TYPES.has(p.type));
  for (const supplier of candidates) {
    const customer = t.parties.find((p) => p !== supplier)!;
    const [sup, cus] = [escapeMarkdown(supplier.label), escapeMarkdown(customer.label)];
    const supplies = new Set<Supply>(c.supplies ?? []);
    const facts: string[] = [];
    if (c.supplies?.length) facts.push(`the terms list what ${sup} supplies (\`contract.supplies\`)`);
    const carried = t.spaceObjects.filter((o) => !o.owners.includes(supplier) && o.owners.includes(customer));
    if (t.launch?.launchingParty === supplier.id && carried.length > 0) {
      supplies.add('launch-services');
      facts.push(`${sup} launches ${carried.map((o) => `the ${escapeMarkdown(o.name)}`).join(', ')}, which ${cus} owns`);
      if (t.hasArea('in-orbit-delivery')) {
        supplies.add('in-orbit-delivery');
        facts.push(`and delivers it in orbit (area \`in-orbit-delivery\`)`);
      }
    }
    const built = t.spaceObjects.filter((o) => t.source.cooperation?.spaceObjects?.find((s) => s.name === o.name)?.builtBy === supplier.id && !o.owners.includes(supplier));
    if (built.length > 0) {
      supplies.add('satellite-manufacture');
      facts.push(`${sup} builds ${built.map((o) => `the ${escapeMarkdown(o.name)}`).join(', ')} for ${cus}, its owner`);
    }
    if (c.price) facts.push(`the terms state a price (\`contract.price\`)`);
    if (facts.length > 0) return { supplier, customer, supplies: ORDER.filter((s) => supplies.has(s)), facts };
  }
  return undefined;
}

const ORDER: Supply[] = ['satellite-manufacture', 'launch-services', 'in-orbit-delivery', 'ground-segment', 'data', 'training'];

export function decideCharacter(t: ResolvedTerms): CharacterDecision {
  const sale = recogniseSale(t);
  const who = t.parties.map((p) => `${escapeMarkdown(p.label)} (${describeType[p.type] ?? p.type})`).join(' and ');
  const saleWords = sale ? `${sale.facts.join(', ')}: a sale by ${escapeMarkdown(sale.supplier.label)} to ${escapeMarkdown(sale.customer.label)}` : '';
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
