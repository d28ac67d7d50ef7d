import { describe, expect, it } from 'vitest';
import { runInterview } from '../../src/interview/index.js';
import { DEFAULT, enterValue, scripted } from './fake.js';
import { FRESH_SCRIPTS } from './scripts.js';

describe('the interview for a sale', () => {
  it('recommends a contract when the facts describe a sale, and says why', async () => {
    const user = scripted(FRESH_SCRIPTS['comsat-delivery.yaml']!);
    const { terms } = await runInterview(user);
    const notes = user.said.filter((s) => s.kind === 'note').map((s) => s.text);
    expect(notes).toContainEqual(expect.stringMatching(/^Recommended: contract\. COIC launches the Illimani-2 satellite, which ABE owns, and delivers it in orbit/));
    expect((terms as { form: string }).form).toBe('contract');
  });

  it('asks the contract questions only for a contract, and skips the treaty ones', async () => {
    const contract = scripted(FRESH_SCRIPTS['leo-delivery.yaml']!);
    await runInterview(contract);
    for (const id of ['contract.price.amount', 'contract.governingLaw', 'contract.launchWindow.from', 'contract.acceptance.criteria', 'contract.liabilityCap.amount', 'contract.immunityWaiver', 'parties[1].legalForm', 'parties[1].registeredOffice']) {
      expect(contract.ids(), id).toContain(id);
    }
    for (const id of ['jurisdiction.registration', 'ip.foreground', 'liability.regime', 'term.years']) expect(contract.ids(), id).not.toContain(id);

    const treaty = scripted(FRESH_SCRIPTS['cbers.yaml']!);
    await runInterview(treaty);
    expect(treaty.ids().filter((id) => id.startsWith('contract') || id.endsWith('legalForm'))).toEqual([]);
  });

  it('lists, in the review before writing, only the sections that apply: no contract sections for a treaty, no treaty ones for a contract', async () => {
    const menu = async (script: string) => {
      const user = scripted(FRESH_SCRIPTS[script]!);
      await runInterview(user, { review: true });
      const summary = user.said.filter((s) => s.kind === 'text').map((s) => s.text);
      return { choices: (user.question('review')?.choices ?? []).map((c) => String(c.value)), summary };
    };
    const treaty = await menu('cbers.yaml');
    expect(treaty.choices).toContain('jurisdiction');
    expect(treaty.choices.filter((id) => /sale|contract/.test(id))).toEqual([]);
    expect(treaty.summary.filter((line) => /^3[abc]\./.test(line))).toEqual([]);
    const contract = await menu('leo-delivery.yaml');
    expect(contract.choices.filter((id) => /sale|contract/.test(id)).length).toBeGreaterThan(0);
    expect(contract.choices).not.toContain('jurisdiction');
  });

  it('asks the commercial terms when a revision in the review turns a treaty into a contract', async () => {
    const script = FRESH_SCRIPTS['leo-treaty.yaml']!;
    const asked: string[] = [];
    let reviews = 0;
    const { terms } = await runInterview(
      {
        say: () => {},
        ask: async (q) => {
          asked.push(q.id);
          if (q.id === 'review') return reviews++ === 0 ? 'sale' : 'write';
          if (q.id === 'contract' && reviews > 0) return true; // on revision: yes, a contract
          const v = reviews === 0 && Object.hasOwn(script, q.id) ? script[q.id] : DEFAULT;
          return v === DEFAULT ? enterValue(q) : v;
        },
      },
      { review: true },
    );
    expect((terms as { form: string }).form).toBe('contract');
    const afterRevision = asked.slice(asked.indexOf('review') + 1);
    for (const id of ['contract', 'parties[1].legalForm', 'contract.price.amount', 'contract.governingLaw']) expect(afterRevision, id).toContain(id);
  });

  it('keeps the treaty form when the drafter declines the contract', async () => {
    const user = scripted(FRESH_SCRIPTS['leo-treaty.yaml']!);
    const { terms } = await runInterview(user);
    expect(user.ids()).toContain('contract');
    expect((terms as { form: string }).form).toBe('framework-agreement');
  });
});
