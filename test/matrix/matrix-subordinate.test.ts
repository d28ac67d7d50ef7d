import { describe, expect, it } from 'vitest';
import { cases, check } from './cases.js';

const all = cases();

describe('clause matrix: subordinate forms', () => {
  it.each(['protocol', 'additional-protocol', 'implementing-arrangement'])('renders every variant cleanly in a %s', (form) => {
    expect(all.filter((c) => c.form === form).flatMap(check).slice(0, 20)).toEqual([]);
  });
});
