import type { Ask, Asked } from './types.js';
import { PromptCancelled } from './types.js';

/**
 * The only code that talks to inquirer. It is imported lazily by `spacecoop new`, so `draft` and
 * `--help` never load it.
 */

/** The part of @inquirer/prompts the interview uses (a test can hand in its own). */
export interface PromptModule {
  input: (config: any) => Promise<string>;
  number: (config: any) => Promise<number | undefined>;
  confirm: (config: any) => Promise<boolean>;
  select: (config: any) => Promise<unknown>;
  checkbox: (config: any) => Promise<unknown[]>;
}

export async function loadAsk(): Promise<Ask> {
  const prompts = (await import('@inquirer/prompts')) as unknown as PromptModule;
  return createAsk(prompts);
}

type Check = (value: unknown) => true | string;

/** The inquirer call for one question: its configuration, with the question's own validator. */
export function inquirerConfig(q: Asked): Record<string, unknown> {
  const validate = q.validate as Check | undefined;
  const base: Record<string, unknown> = { message: q.message };
  if (q.default !== undefined && q.kind !== 'checkbox') base.default = q.default;
  switch (q.kind) {
    case 'input':
      return { ...base, ...(validate ? { validate } : {}) };
    case 'number':
      // Our validator says why a number is wrong; inquirer's step check would say "multiple of 1".
      return { ...base, step: 'any', ...(validate ? { validate } : {}) };
    case 'confirm':
      return base;
    case 'select':
      return { ...base, choices: (q.choices ?? []).map(({ value, name, short, description }) => ({ value, name, ...(short ? { short } : {}), ...(description ? { description } : {}) })), pageSize: 12, loop: false };
    case 'checkbox':
      return {
        ...base,
        choices: (q.choices ?? []).map(({ value, name, short, description, checked }) => ({ value, name, checked: Boolean(checked), ...(short ? { short } : {}), ...(description ? { description } : {}) })),
        pageSize: 14,
        loop: false,
        ...(validate ? { validate: (chosen: readonly { value: unknown }[]) => validate(chosen.map((c) => c.value)) } : {}),
      };
  }
}

export function createAsk(prompts: PromptModule): Ask {
  return async (q) => {
    try {
      return await prompts[q.kind](inquirerConfig(q) as never);
    } catch (e) {
      // Ctrl+C: inquirer rejects with ExitPromptError (from @inquirer/core, which we do not import).
      if (e instanceof Error && e.name === 'ExitPromptError') throw new PromptCancelled();
      throw e;
    }
  };
}
