import { describe, expect, it } from 'vitest';
import { cases, check } from './cases.js';

describe('clause matrix: the non-binding voice', () => {
  it('renders every variant of the four topics in a memorandum of understanding without binding language, and explains each fallback', () => {
    const mou = cases().filter((c) => c.form === 'memorandum-of-understanding');
    expect(mou.length).toBeGreaterThan(80);
    expect(mou.flatMap(check).slice(0, 20)).toEqual([]);
  });
});
