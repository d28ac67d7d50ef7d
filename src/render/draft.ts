import type { Form } from '../terms/schema.js';

/**
 * The structured draft every exporter reads, so Markdown, Word and HTML never disagree. Text is
 * inline Markdown: user text is already escaped, clause text may use `*emphasis*`.
 */
export interface Draft {
  title: string;
  form: Form;
  binding: boolean;
  /** "Parties" or "Participants". */
  partyWord: string;
  preamble: string[];
  /** "Have agreed as follows:" or its non-binding counterpart. */
  agreedFormula: string;
  articles: Article[];
  testimonium: string[];
  signatures: Signature[];
  notes: DraftNotes;
  /** The instrument's legal character as the plan decided it, with the reason for the notes. */
  character?: { kind: string; label: string; reason: string };
  /** The language of the text, when it is not English. */
  lang?: 'zh';
  /** The party named first in this copy (the alternat), by its label. */
  firstParty?: string;
}

export interface Article {
  number: number;
  clauseId: string;
  topic: string;
  title: string;
  blocks: Block[];
}

/** A paragraph: numbered ("1.") unless it is the article's only one, with lettered sub-items. */
export interface Block {
  number?: number;
  text: string;
  items: { label: string; text: string }[];
}

export interface Signature {
  heading: string;
  name: string;
  title: string;
}

export interface OpenPoint {
  /** Terms field whose value is missing, e.g. `signing.place`. */
  path: string;
  label: string;
  why: string;
  /** Where the blank appears: "Article 12", "title", "signature block". */
  where: string[];
}

export interface ChoiceNote {
  topic: string;
  topicTitle: string;
  clauseId: string;
  article: number;
  chosenBy: 'terms' | 'recommended' | 'fixed';
  reason: string;
  fallbackFrom?: string;
  sources: string[];
}

export interface DraftNotes {
  /** The authentic languages (names), those spacecoop writes a text for, and those still to be prepared. */
  texts?: { authentic: string[]; written: string[]; toPrepare: string[] };
  openPoints: OpenPoint[];
  choices: ChoiceNote[];
  reviews: { article: number; clauseId: string; title: string; text: string }[];
  sources: string[];
}
