import { UserError } from '../errors.js';

// Placeholder until the command lands; the program table already routes to it.
export async function runClauses(_first: string | undefined, _id: string | undefined, _opts: { clauses?: string }): Promise<number> {
  throw new UserError('`spacecoop clauses` is not available yet');
}
