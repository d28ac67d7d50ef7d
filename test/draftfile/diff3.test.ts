import { describe, expect, it } from 'vitest';
import { diff3 } from '../../src/draftfile/diff3.js';

const L = (s: string) => (s === '' ? [] : s.split(' '));
type Row = [string, string, string, string, string | null];

describe('diff3: line-level three-way merge', () => {
  // [case, base, ours, theirs, merged (or null when a conflict is expected)]
  const rows: Row[] = [
    ['no change', 'a b c', 'a b c', 'a b c', 'a b c'],
    ['ours only', 'a b c', 'a X c', 'a b c', 'a X c'],
    ['theirs only', 'a b c', 'a b c', 'a b Y', 'a b Y'],
    ['different lines', 'a b c d e', 'X b c d e', 'a b c d Y', 'X b c d Y'],
    ['same change both sides', 'a b c', 'a X c', 'a X c', 'a X c'],
    ['insert at start and change at end', 'a b c', 'N a b c', 'a b Y', 'N a b Y'],
    ['insert at end and change at start', 'a b c', 'a b c N', 'Y b c', 'Y b c N'],
    ['ours deletes, theirs changes elsewhere', 'a b c d', 'a c d', 'a b c Y', 'a c Y'],
    ['both insert at different places', 'a b c', 'a N b c', 'a b c M', 'a N b c M'],
    ['insertion right after a changed line', 'a b c', 'a X c', 'a b M c', 'a X M c'],
    ['same line changed differently', 'a b c', 'a X c', 'a Y c', null],
    ['both insert at the same place', 'a b', 'a N b', 'a M b', null],
    ['ours deletes a line theirs changes', 'a b c', 'a c', 'a Y c', null],
    ['empty base', '', 'x', 'y', null],
  ];
  it.each(rows)('%s', (_name, base, ours, theirs, merged) => {
    const chunks = diff3(L(base), L(ours), L(theirs));
    const conflicts = chunks.filter((c) => 'conflict' in c);
    if (merged === null) expect(conflicts.length).toBeGreaterThan(0);
    else {
      expect(conflicts).toEqual([]);
      expect(chunks.flatMap((c) => ('ok' in c ? c.ok : [])).join(' ')).toBe(merged);
    }
  });

  it('a conflict carries both versions of exactly the lines in dispute', () => {
    const chunks = diff3(L('a b c d'), L('a X c d'), L('a Y c d'));
    expect(chunks).toEqual([{ ok: ['a'] }, { conflict: { ours: ['X'], theirs: ['Y'] } }, { ok: ['c', 'd'] }]);
  });

  it('a change in spacing alone is no change, and the drafter\'s spacing is kept', () => {
    const chunks = diff3(['a  b', 'c'], ['a b ', 'c'], ['a  b', 'C']);
    expect(chunks).toEqual([{ ok: ['a b ', 'C'] }]);
  });
});
