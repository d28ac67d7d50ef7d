import type { Ask, Asked } from './types.js';
import { PromptCancelled } from './types.js';

/**
 * The only code that talks to inquirer. It is imported lazily by `spacecoop new`, so `draft` and
 * `--help` never load it.
 */

/** The part of @inquirer/prompts the interview uses (a test can hand in its own). */
export interface PromptModule {
  input: (config: any) => Promise<string>;
  editor?: (config: any) => Promise<string>;
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

/**
 * A number as typed: digits with an optional decimal part and sign, spaces around, and a trailing
 * `%` (a share typed as "30%"). Undefined for anything else, an empty answer included.
 */
export function parseNumber(raw: string): number | undefined {
  const m = /^\s*([-+]?(?:\d+(?:\.\d*)?|\.\d+))\s*%?\s*$/.exec(raw);
  return m ? Number(m[1]) : undefined;
}

/** The message for a typed number that is not one: says what to type. */
export const NOT_A_NUMBER = (raw: string) => `"${raw.trim()}" is not a number: type digits only, e.g. 30 or 12.5`;

/** Where a paragraph-length answer is written: the user's editor, when one is set. */
const editorSet = () => Boolean(process.env.VISUAL || process.env.EDITOR);

export function createAsk(prompts: PromptModule): Ask {
  return async (q) => {
    try {
      if (q.kind === 'number') {
        // Typed as text and read here, so a wrong answer gets our message rather than the prompt's own.
        const validate = q.validate as Check | undefined;
        const raw = await prompts.input({
          message: q.message,
          ...(q.default !== undefined ? { default: String(q.default) } : {}),
          validate: (text: string) => {
            if (text.trim() === '') return validate ? validate(undefined) : true;
            const n = parseNumber(text);
            if (n === undefined) return NOT_A_NUMBER(text);
            return validate ? validate(n) : true;
          },
        });
        return raw.trim() === '' ? undefined : parseNumber(raw);
      }
      if (q.kind === 'input' && q.multiline) {
        if (editorSet() && prompts.editor) {
          const text = await prompts.editor({ message: `${q.message} (your editor opens; save and close it to go on)`, ...(q.default !== undefined ? { default: String(q.default) } : {}), waitForUseInput: true, ...(q.validate ? { validate: (t: string) => (q.validate as Check)(t.replace(/\s+/g, ' ').trim()) } : {}) });
          return text.replace(/\s+/g, ' ').trim();
        }
        return await prompts.input({ ...inquirerConfig(q), message: `${q.message} (one line: a line break ends the answer; set EDITOR to write it in your editor, or edit the terms file afterwards)` } as never);
      }
      return await prompts[q.kind](inquirerConfig(q) as never);
    } catch (e) {
      // Ctrl+C: inquirer rejects with ExitPromptError (from @inquirer/core, which we do not import).
      if (e instanceof Error && e.name === 'ExitPromptError') throw new PromptCancelled();
      throw e;
    }
  };
}
