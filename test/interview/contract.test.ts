import { describe, expect, it } from 'vitest';
import { runInterview } from '../../src/interview/index.js';
import { scripted } from './fake.js';
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

  it('keeps the treaty form when the drafter declines the contract', async () => {
    const user = scripted(FRESH_SCRIPTS['leo-treaty.yaml']!);
    const { terms } = await runInterview(user);
    expect(user.ids()).toContain('contract');
    expect((terms as { form: string }).form).toBe('framework-agreement');
  });
});
