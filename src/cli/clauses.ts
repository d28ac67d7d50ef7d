import { relative } from 'node:path';
import { UserError } from '../errors.js';
import type { Clause, Definition, Library } from '../library/library.js';
import { closest } from '../util/suggest.js';
import { loadLibrary } from './library.js';
import { bold, dim, out } from './output.js';

export interface ClausesOptions {
  clauses?: string;
  /** `--lang zh`: list titles and show the text of the Chinese twins. */
  lang?: string;
}

/**
 * `spacecoop clauses [TOPIC]` lists the library; `spacecoop clauses show ID` prints one clause's
 * metadata and body. Output goes to stdout, so it can be piped or saved.
 */
export async function runClauses(first: string | undefined, id: string | undefined, opts: ClausesOptions): Promise<number> {
  const lang = (opts.lang ?? 'en').toLowerCase();
  if (lang !== 'en' && lang !== 'zh') throw new UserError(`--lang ${opts.lang}: the library has English (en) and Chinese (zh) texts`);
  const english = loadLibrary(opts.clauses, { zh: lang === 'zh' });
  const library = lang === 'zh' ? english.zh! : english;
  if (first === 'show') {
    if (!id) throw new UserError('`clauses show` needs a clause id, e.g. `spacecoop clauses show liability/cross-waiver`');
    if (lang === 'zh' && !library.has(id) && !library.definitions.has(id) && (english.has(id) || english.definitions.has(id))) {
      throw new UserError(`\`${id}\` has no Chinese twin in this library (a clause of your --clauses overlay); the Chinese text shows a blank with an open point there`, {
        hint: `Add ${id}.zh.hbs beside its English file: front matter id, lang: zh, title (or term), then the Chinese text.`,
      });
    }
    out(showClause(library, id));
    return 0;
  }
  if (id !== undefined) throw new UserError(`unexpected argument \`${id}\`: use \`spacecoop clauses [TOPIC]\` or \`spacecoop clauses show ID\``);
  out(listClauses(library, first));
  return 0;
}

const topics = (library: Library) => [...new Set([...library.clauses.values()].map((c) => c.topic)), 'definitions'].sort();

export function listClauses(library: Library, topic?: string): string {
  if (topic === 'definitions') {
    const defs = [...library.definitions.values()].sort((a, b) => a.term.localeCompare(b.term));
    return defs.map((d) => `${bold(d.id, process.stdout)}  ${d.term.startsWith('《') ? d.term : `“${d.term}”`}\n`).join('');
  }
  const clauses = [...library.clauses.values()].filter((c) => topic === undefined || c.topic === topic);
  if (clauses.length === 0) {
    const all = topics(library);
    const near = closest(topic ?? '', all);
    throw new UserError(`no topic \`${topic}\` in the clause library${near ? `: did you mean \`${near}\`?` : ''}`, { hint: `Topics: ${all.join(', ')}.` });
  }
  clauses.sort((a, b) => a.id.localeCompare(b.id));
  const lines: string[] = [];
  for (const c of clauses) {
    lines.push(`${bold(c.id, process.stdout)}  ${c.meta.title}`);
    lines.push(`    fits: ${c.meta.fits}`);
  }
  if (topic === undefined) lines.push('', dim(`${clauses.length} clauses; definitions: \`spacecoop clauses definitions\`; one clause: \`spacecoop clauses show ID\``, process.stdout));
  return `${lines.join('\n')}\n`;
}

export function showClause(library: Library, id: string): string {
  const clause = library.clauses.get(id);
  if (clause) return formatClause(clause);
  const def = library.definitions.get(id);
  if (def) return formatDefinition(def);
  const near = closest(id, [...library.clauses.keys(), ...library.definitions.keys()]);
  throw new UserError(`no clause \`${id}\` in the library${near ? `: did you mean \`${near}\`?` : ''}`, {
    hint: 'Run `spacecoop clauses` to list the library.',
  });
}

const where = (file: string) => relative(process.cwd(), file) || file;

function formatClause(c: Clause): string {
  const m = c.meta;
  const lines = [
    `id: ${c.id}`,
    `title: ${m.title}`,
    `fits: ${m.fits}`,
    `defines: ${m.defines.length ? m.defines.join(', ') : '(none)'}`,
    'sources:',
    ...m.sources.map((s) => `  - ${s}`),
    `review: ${m.review}`,
    `file: ${where(c.file)}`,
    '',
    c.body,
  ];
  return `${lines.join('\n')}\n`;
}

function formatDefinition(d: Definition): string {
  return `${[`id: ${d.id}`, `term: ${d.term}`, `file: ${where(d.file)}`, '', `“${d.term}” ${d.body}`].join('\n')}\n`;
}
