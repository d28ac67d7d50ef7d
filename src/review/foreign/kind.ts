import { isMap, isScalar, parseDocument } from 'yaml';
import { isSpacecoopDraft } from '../../export/markdown.js';
import { termsSchema } from '../../terms/schema.js';

export type TextKind = 'draft' | 'terms' | 'text';

/** The top-level keys a terms file may have. */
export const TERMS_KEYS: readonly string[] = Object.keys(termsSchema.shape);

const TOP_KEY = /^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]|$)/;

/**
 * What a text is: a spacecoop draft (by its first-line marker), a terms file, or any other text.
 * A terms file is a YAML mapping whose keys are the terms' keys (at least `form` or `parties`, and
 * most top-level keys known), not merely text that parses as YAML: prose parses as a YAML string.
 * A file named `.yaml`/`.yml` is always taken as terms, so a broken terms file gets the loader's
 * line-by-line errors; so is a text whose unindented `key:` lines are mostly terms keys, even if
 * its YAML is broken.
 */
export function classifyText(text: string, file = ''): TextKind {
  if (isSpacecoopDraft(text)) return 'draft';
  if (/\.ya?ml$/i.test(file)) return 'terms';
  const keys = text
    .split(/\r?\n/)
    .map((l) => TOP_KEY.exec(l)?.[1])
    .filter((k): k is string => k !== undefined);
  if (looksLikeTerms(keys)) return 'terms';
  // Flow-style YAML (`{ form: agreement, parties: [...] }`) is a terms file too; prose without either key is not worth parsing.
  if (!/\b(form|parties)\b/.test(text)) return 'text';
  try {
    const doc = parseDocument(text, { prettyErrors: false });
    if (doc.errors.length === 0 && isMap(doc.contents)) {
      const mapKeys = doc.contents.items.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      if (looksLikeTerms(mapKeys)) return 'terms';
    }
  } catch {
    // Not YAML at all: other text.
  }
  return 'text';
}

function looksLikeTerms(keys: readonly string[]): boolean {
  if (keys.length === 0) return false;
  const known = keys.filter((k) => TERMS_KEYS.includes(k));
  return (known.includes('form') || known.includes('parties')) && known.length * 2 > keys.length;
}
