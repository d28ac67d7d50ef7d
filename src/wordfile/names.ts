import { createHash } from 'node:crypto';

/**
 * Bookmark names for clauses. Word accepts a bookmark name of at most 40 characters, letters,
 * digits and underscores, starting with a letter (a leading underscore makes it hidden, and Word
 * discards hidden ones it did not make). A clause id (`liability/cross-waiver`) is written as
 * `sc_` + its letters and digits (other characters as `_`), cut to 28 characters, `_`, and 8 hex
 * digits of its SHA-256: unique, readable in Word's Bookmark dialog, and mapped back by
 * `clauseOfBookmark` against the clause ids the export recorded.
 */
export const BOOKMARK_PREFIX = 'sc_';

export function bookmarkName(clauseId: string): string {
  const readable = clauseId.replace(/[^A-Za-z0-9]+/g, '_').slice(0, 28);
  const hash = createHash('sha256').update(clauseId).digest('hex').slice(0, 8);
  return `${BOOKMARK_PREFIX}${readable}_${hash}`;
}

/** The clause id, among `ids`, that `name` encodes; undefined for any other bookmark. */
export function clauseOfBookmark(name: string, ids: Iterable<string>): string | undefined {
  if (!name.startsWith(BOOKMARK_PREFIX)) return undefined;
  for (const id of ids) if (bookmarkName(id) === name) return id;
  return undefined;
}
