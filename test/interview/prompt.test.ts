import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { input, select } from '@inquirer/prompts';
import { render } from '@inquirer/testing';
import { describe, expect, it } from 'vitest';
import { PromptCancelled } from '../../src/interview/index.js';
import { createAsk, inquirerConfig, type PromptModule } from '../../src/interview/prompt.js';
import { validatorFor } from '../../src/interview/fields.js';
import { ROOT } from '../helpers/run.js';

describe('the inquirer adapter', () => {
  it('shows the field validator\'s message in the real input prompt and asks again', async () => {
    const validate = (v: string) => (validatorFor(['signing', 'date'])(v) === true ? true : 'This is not a calendar date');
    const { answer, events, getScreen } = await render(input, inquirerConfig({ id: 'signing.date', kind: 'input', message: 'Date of signature', validate }) as never);
    events.type('2027-02-30');
    events.keypress('enter');
    await new Promise((r) => setTimeout(r, 20));
    expect(getScreen()).toContain('This is not a calendar date');
    for (let i = 0; i < 2; i++) events.keypress('backspace');
    events.type('28');
    events.keypress('enter');
    await expect(answer).resolves.toBe('2027-02-28');
  });

  it('pre-selects the default choice and shows its explanation', async () => {
    const config = inquirerConfig({
      id: 'liability.regime',
      kind: 'select',
      message: 'Liability between the parties',
      default: 'cross-waiver',
      choices: [
        { value: 'convention-only', name: 'convention-only', description: 'No waiver.' },
        { value: 'cross-waiver', name: 'cross-waiver (recommended)', description: 'Each party waives claims.' },
      ],
    });
    const { answer, events, getScreen } = await render(select, config as never);
    expect(getScreen()).toContain('Each party waives claims.');
    events.keypress('enter');
    await expect(answer).resolves.toBe('cross-waiver');
  });

  it('turns inquirer\'s ExitPromptError (Ctrl+C) into PromptCancelled, and nothing else', async () => {
    const exit = Object.assign(new Error('User force closed the prompt with SIGINT'), { name: 'ExitPromptError' });
    const failing = (e: Error) => ({ input: () => Promise.reject(e) }) as unknown as PromptModule;
    await expect(createAsk(failing(exit))({ id: 'x', kind: 'input', message: 'x' })).rejects.toBeInstanceOf(PromptCancelled);
    await expect(createAsk(failing(new TypeError('boom')))({ id: 'x', kind: 'input', message: 'x' })).rejects.toBeInstanceOf(TypeError);
  });
});

describe('inquirer stays out of every other path', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const src = join(ROOT, 'src');

  it('only src/interview/prompt.ts names inquirer, and imports it lazily', () => {
    const naming = sources(src).filter((f) => readFileSync(f, 'utf8').includes('@inquirer/'));
    expect(naming.map((f) => relative(ROOT, f))).toEqual([join('src', 'interview', 'prompt.ts')]);
    const text = readFileSync(join(src, 'interview', 'prompt.ts'), 'utf8');
    expect(text).not.toMatch(/^import[^;]*'@inquirer/m);
    expect(text).toContain("await import('@inquirer/prompts')");
  });

  it('`draft` (and main) never reach src/interview through static imports', () => {
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import\s[^;]*?from\s+'(\.[^']+)'/gm)) walk(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
    };
    walk(join(src, 'cli', 'main.ts'));
    walk(join(src, 'cli', 'draft.ts'));
    expect([...seen].filter((f) => f.includes(`${join('src', 'interview')}`))).toEqual([]);
    expect(seen.has(join(src, 'cli', 'draft.ts'))).toBe(true);
  });
});
