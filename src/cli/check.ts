import { UserError } from '../errors.js';

// Placeholder until the command lands; the program table already routes to it.
export async function runCheck(_file: string, _opts: { json?: boolean; clauses?: string }): Promise<number> {
  throw new UserError('`spacecoop check` is not available yet');
}
