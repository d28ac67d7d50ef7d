import { expect } from 'vitest';
import { UserError } from '../../src/errors.js';

/** Runs `f`, which must throw a UserError (never a bug), and returns it for the test to read. */
export const failure = (f: () => unknown): UserError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError');
};
