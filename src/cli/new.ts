import { UserError } from '../errors.js';

// Placeholder until the command lands; the program table already routes to it.
export async function runNew(_opts: { terms: string; out: string; clauses?: string }): Promise<number> {
  throw new UserError('`spacecoop new` is not available yet');
}
