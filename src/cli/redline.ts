import { UserError } from '../errors.js';

// Placeholder until the command lands; the program table already routes to it.
export async function runRedline(_oldFile: string, _newFile: string, _opts: { out?: string }): Promise<number> {
  throw new UserError('`spacecoop redline` is not available yet');
}
