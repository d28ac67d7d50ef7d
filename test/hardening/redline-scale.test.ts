import { describe, expect, it } from 'vitest';
import { markLines } from '../../src/draftfile/redline.js';

/** The text with every change accepted, or every change rejected. */
const accept = (m: string) => m.replace(/\{~~([\s\S]*?)~>([\s\S]*?)~~\}/g, '$2').replace(/\{\+\+([\s\S]*?)\+\+\}/g, '$1').replace(/\{--([\s\S]*?)--\}/g, '');
const reject = (m: string) => m.replace(/\{~~([\s\S]*?)~>([\s\S]*?)~~\}/g, '$1').replace(/\{\+\+([\s\S]*?)\+\+\}/g, '').replace(/\{--([\s\S]*?)--\}/g, '$1');

function paragraph(n: number): string {
  return Array.from({ length: n }, (_, i) => `word${(i * 7919) % 1000}${i % 15 === 14 ? '.' : ''}`).join(' ');
}
const edits: [string, (p: string) => string][] = [
  ['every third word changed', (p) => p.split(' ').map((w, i) => (i % 3 === 0 ? `changed${i}` : w)).join(' ')],
  ['the words in reverse order', (p) => p.split(' ').reverse().join(' ')],
  ['a sentence inserted and one removed', (p) => p.replace(/\. /, '. A new sentence is added here. ').replace(/word\d+ word\d+\. (?=word)/, '')],
];

describe('item 20: redline on one very long paragraph stays linear in practice', () => {
  for (const [name, edit] of edits) {
    it(`${name}: 40,000 words in seconds, and the marks give back both texts`, () => {
      const old = paragraph(40_000);
      const neu = edit(old);
      const started = Date.now();
      const [marked] = markLines([old], [neu]);
      const ms = Date.now() - started;
      expect(ms).toBeLessThan(8000); // was minutes: quadratic in the words that differ
      // Word for word (the spacing around an insertion is the marks' own concern).
      const ws = (x: string) => x.replace(/\s+/g, ' ').trim();
      expect(ws(accept(marked!))).toBe(ws(neu));
      expect(ws(reject(marked!))).toBe(ws(old));
      expect(marked).toMatch(/\{(~~|\+\+|--)/);
    });
  }
  it('a short paragraph is still marked word by word', () => {
    const [m] = markLines(['The seat of arbitration shall be The Hague.'], ['The seat of arbitration shall be Geneva.']);
    expect(m).toBe('The seat of arbitration shall be {~~The Hague~>Geneva~~}.');
  });
});
