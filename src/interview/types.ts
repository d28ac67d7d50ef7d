/**
 * The seam between the interview and whatever asks the questions: inquirer in a terminal
 * (src/interview/prompt.ts), or a scripted fake in tests. The interview never imports inquirer.
 */

export interface PromptChoice<V = unknown> {
  value: V;
  name: string;
  /** Shown once chosen, when the name is long. */
  short?: string;
  /** One line, shown under the list when the choice is highlighted. */
  description?: string;
  /** Checkbox only: ticked at the start. */
  checked?: boolean;
}

/** One question as a prompt sees it. `validate` receives the prompt's own value (string, number...). */
export interface Asked {
  /** Stable field-shaped id, e.g. `parties[0].name`: what scripted tests answer. */
  id: string;
  kind: 'input' | 'select' | 'checkbox' | 'confirm' | 'number';
  message: string;
  /** What Enter gives (input, number, select, confirm). */
  default?: unknown;
  choices?: PromptChoice[];
  validate?: (value: never) => true | string;
  /** A paragraph-length text answer: a line break must not cut it short. */
  multiline?: boolean;
}

export type Ask = (question: Asked) => Promise<unknown>;

export type SayKind = 'heading' | 'text' | 'note' | 'warning';
export type Say = (text: string, kind?: SayKind) => void;

export interface InterviewIo {
  ask: Ask;
  say: Say;
}

/** Raised by a prompt when the user presses Ctrl+C (inquirer's ExitPromptError, translated). */
export class PromptCancelled extends Error {
  constructor() {
    super('the interview was cancelled');
    this.name = 'PromptCancelled';
  }
}

export function isPromptCancelled(e: unknown): e is PromptCancelled {
  return e instanceof PromptCancelled;
}
