import { describe, expect, it } from 'vitest';
import { draftFromTermsText } from '../../src/engine.js';
import { renderMarkdown } from '../../src/export/markdown.js';
import { decideCharacter, recogniseSale } from '../../src/plan/character.js';
import { parseTerms } from '../../src/terms/parse.js';
import { resolveTerms } from '../../src/terms/resolve.js';
import { PARTY_TYPES, type PartyType } from '../../src/terms/schema.js';
import { builtinLibrary } from '../helpers/engine.js';

const TYPES = Object.keys(PARTY_TYPES) as PartyType[];
const SELLERS = new Set<PartyType>(['commercial', 'state-enterprise']);

const partyYaml = (id: string, type: PartyType, state: string) => `  - { id: ${id}, name: ${id.toUpperCase()} Body, shortName: ${id.toUpperCase()}, state: ${state}, type: ${type} }`;

/** Terms for two parties of the given types; `facts` is appended under `cooperation:` or as top-level keys. */
function terms(form: string, a: PartyType, b: PartyType, extra = '') {
  const yaml = `form: ${form}\nparties:\n${partyYaml('alpha', a, 'Republic of Aldera')}\n${partyYaml('beta', b, 'Kingdom of Borduria')}\n${extra}`;
  return resolveTerms(parseTerms(yaml, 'terms.yaml').terms);
}

/** Beta launches a satellite that alpha owns. */
const LAUNCH_FOR_ALPHA = `cooperation:\n  areas: [launch-services]\n  launch: { launchingParty: beta, site: Bordurian Range }\n  spaceObjects: [ { name: A-1 satellite, ownedBy: [alpha] } ]\n`;

describe('the legal character, for each pair of party types', () => {
  for (const a of TYPES) {
    for (const b of TYPES) {
      it(`${a} and ${b}`, () => {
        // No sale facts: the form and the parties decide.
        const plain = decideCharacter(terms('agreement', a, b));
        expect(plain.character).toBe(a === 'government' && b === 'government' ? 'intergovernmental' : 'inter-agency');
        expect(plain.sale).toBeUndefined();
        expect(plain.reason).toMatch(a === 'government' && b === 'government' ? /Vienna Convention on the Law of Treaties, Art\. 2\(1\)\(a\)/ : /not two Governments/);
        // `form: contract` always makes a contract.
        expect(decideCharacter(terms('contract', a, b)).character).toBe('contract');
        // Beta launches alpha's satellite: a sale only if beta is a company or a state enterprise.
        const launch = decideCharacter(terms('framework-agreement', a, b, LAUNCH_FOR_ALPHA));
        expect(launch.sale !== undefined, `${b} launching for ${a}`).toBe(SELLERS.has(b));
        if (launch.sale) {
          expect(launch.sale.supplier.id).toBe('beta');
          expect(launch.sale.supplies).toEqual(['launch-services']);
          expect(launch.reason).toContain('form: contract');
        }
      });
    }
  }
});

describe('a sale is recognised from explicit facts, not from party types alone', () => {
  it('an agency and a state enterprise co-developing a satellite remain a cooperation', () => {
    const t = terms('protocol', 'space-agency', 'state-enterprise', `cooperation:\n  launch: { launchingParty: beta, site: Bordurian Range }\n  spaceObjects: [ { name: J-1 satellite, ownedBy: [alpha, beta], builtBy: beta } ]\n`);
    expect(recogniseSale(t)).toBeUndefined();
    expect(decideCharacter(t).character).toBe('inter-agency');
  });

  it('a company in the cooperation, selling nothing, is not a sale', () => {
    expect(recogniseSale(terms('framework-agreement', 'space-agency', 'commercial', 'cooperation:\n  areas: [space-science]\n'))).toBeUndefined();
  });

  it('a satellite a state enterprise builds for the other party alone is a satellite sale', () => {
    const sale = recogniseSale(terms('agreement', 'government', 'state-enterprise', `cooperation:\n  spaceObjects: [ { name: G-1 satellite, ownedBy: [alpha], builtBy: beta } ]\n`));
    expect(sale?.supplies).toEqual(['satellite-manufacture']);
    expect(sale?.customer.id).toBe('alpha');
  });

  it('an in-orbit delivery is recognised from the area beside the launch', () => {
    const sale = recogniseSale(terms('framework-agreement', 'space-agency', 'commercial', LAUNCH_FOR_ALPHA.replace('[launch-services]', '[in-orbit-delivery]')));
    expect(sale?.supplies).toEqual(['launch-services', 'in-orbit-delivery']);
  });

  it('a stated price makes a sale, and names the seller among the parties', () => {
    const sale = recogniseSale(terms('framework-agreement', 'space-agency', 'state-enterprise', 'contract:\n  price: { amount: 1000000, currency: EUR }\n'));
    expect(sale?.supplier.id).toBe('beta');
    expect(sale?.facts.join(' ')).toContain('price');
  });

  it('ground segment or data sold under `contract.supplies`', () => {
    const sale = recogniseSale(terms('contract', 'government', 'commercial', 'contract:\n  supplier: beta\n  supplies: [ground-segment, data]\n'));
    expect(sale?.supplies).toEqual(['ground-segment', 'data']);
  });
});

describe('the plan settles the character once; the draft shows it', () => {
  it('each draft names its legal character and why in the drafting notes', () => {
    for (const [form, word] of [['agreement', 'intergovernmental'], ['memorandum-of-understanding', 'memorandum'], ['contract', 'commercial contract']] as const) {
      const yaml = `form: ${form}\nparties:\n${partyYaml('alpha', form === 'agreement' ? 'government' : 'space-agency', 'Republic of Aldera')}\n${partyYaml('beta', form === 'agreement' ? 'government' : 'commercial', 'Kingdom of Borduria')}\n`;
      const { plan, draft } = draftFromTermsText(yaml, 'terms.yaml', builtinLibrary());
      expect(draft.character?.kind).toBe(plan.character.character);
      expect(renderMarkdown(draft)).toMatch(new RegExp(`\\*\\*Legal character\\*\\*: [^\\n]*${word}`));
    }
  });
});
