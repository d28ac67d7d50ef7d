import { UserError } from '../errors.js';

/** Texts side by side (one Word or HTML file); built with the parallel exporter. */
export async function exportParallel(_texts: { lang: string; markdown: string; file: string }[], format: 'docx' | 'html', _opts: { notes: boolean }): Promise<string | Uint8Array> {
  throw new UserError(`--format ${format} with two languages: not available yet`);
}
