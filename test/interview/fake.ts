import type { Ask, Asked, Say, SayKind } from '../../src/interview/index.js';
import { PromptCancelled } from '../../src/interview/index.js';

/** Press Enter: take what the prompt offers (its default, the ticked boxes, the highlighted choice). */
export const DEFAULT = Symbol('default');
/** Press Ctrl+C at this question. */
export const CTRL_C = Symbol('ctrl-c');
/** Several tries at one question: each rejected one is recorded with the prompt's message. */
export const tries = (...answers: unknown[]) => ({ tries: answers });

type Script = Record<string, unknown>;

export function enterValue(q: Asked): unknown {
  switch (q.kind) {
    case 'checkbox':
      return (q.choices ?? []).filter((c) => c.checked).map((c) => c.value);
    case 'select':
      return q.default !== undefined && (q.choices ?? []).some((c) => c.value === q.default) ? q.default : q.choices?.[0]?.value;
    case 'confirm':
      return q.default ?? false;
    case 'input':
      return q.default ?? '';
    case 'number':
      return q.default;
  }
}

/**
 * A scripted user, as np's mock-inquirer is: answers by question id, the question's own `validate`
 * run on every answer (as the real prompt does), and a failure for any question with no answer,
 * unless `otherwise: 'enter'` says to press Enter on everything unscripted.
 */
export function scripted(script: Script, options: { otherwise?: 'fail' | 'enter' } = {}) {
  const asked: Asked[] = [];
  const rejected: { id: string; answer: unknown; message: string }[] = [];
  const said: { text: string; kind: SayKind | undefined }[] = [];
  const used = new Set<string>();

  const ask: Ask = async (q) => {
    asked.push(q);
    if (asked.filter((a) => a.id === q.id).length > 1 && q.id !== 'keep-answers') throw new Error(`question ${q.id} asked twice`);
    let entry: unknown;
    if (Object.hasOwn(script, q.id)) {
      entry = script[q.id];
      used.add(q.id);
    } else if (options.otherwise === 'enter' || q.id === 'review') entry = DEFAULT; // the review step: Enter writes
    else throw new Error(`unexpected question ${q.id}: "${q.message}"`);
    const attempts = typeof entry === 'object' && entry !== null && 'tries' in entry ? (entry as { tries: unknown[] }).tries : [entry];
    for (const attempt of attempts) {
      if (attempt === CTRL_C) throw new PromptCancelled();
      let value = attempt === DEFAULT ? enterValue(q) : attempt;
      if (q.kind === 'input' && value === '' && q.default !== undefined) value = q.default; // Enter on an empty line
      if (q.kind === 'select' && !(q.choices ?? []).some((c) => c.value === value)) throw new Error(`${q.id}: ${String(value)} is not a choice`);
      const check = q.validate ? (q.validate as (v: unknown) => true | string)(value) : true;
      if (check === true) return value;
      rejected.push({ id: q.id, answer: value, message: check });
    }
    throw new Error(`${q.id}: every scripted answer was rejected: ${rejected.map((r) => r.message).join('; ')}`);
  };
  const say: Say = (text, kind) => said.push({ text, kind });
  return {
    ask,
    say,
    asked,
    rejected,
    said,
    ids: () => asked.map((a) => a.id),
    question: (id: string) => asked.find((a) => a.id === id),
    unused: () => Object.keys(script).filter((k) => !used.has(k)),
  };
}
