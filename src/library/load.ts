import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { UserError } from '../errors.js';
import { parseClauseFile, TWIN_LANGS, type ClauseSource, type TwinLang } from './clause-file.js';

/** A clause file is a few kilobytes of text; anything larger is refused. */
const MAX_CLAUSE_BYTES = 64 * 1024;
const MAX_FILES = 2000;

/**
 * Read every `<topic>/<variant>.hbs` below `root` (and `_partials/<name>.hbs`). Symbolic links are
 * refused, so a clause folder cannot reach files outside itself.
 */
export function readClauseDir(root: string): ClauseSource[] {
  const base = resolve(root);
  let rootStat;
  try {
    rootStat = lstatSync(base);
  } catch {
    throw new UserError(`${root}: no such clause folder`, { hint: 'Pass --clauses a folder laid out as <topic>/<variant>.hbs.' });
  }
  if (!rootStat.isDirectory()) throw new UserError(`${root}: not a folder; --clauses takes a folder laid out as <topic>/<variant>.hbs`);
  const out: ClauseSource[] = [];
  const walk = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      const st = lstatSync(path);
      const rel = relative(base, path).split(sep).join('/');
      if (st.isSymbolicLink()) throw new UserError(`${path}: clause files must be regular files, not symbolic links`);
      if (st.isDirectory()) {
        if (depth >= 1) throw new UserError(`${path}: clause folders are one level deep: <topic>/<variant>.hbs`);
        walk(path, depth + 1);
        continue;
      }
      if (!name.endsWith('.hbs')) continue;
      if (!st.isFile()) throw new UserError(`${path}: is ${st.isFIFO() ? 'a named pipe (FIFO)' : st.isCharacterDevice() || st.isBlockDevice() ? 'a device' : st.isSocket() ? 'a socket' : 'not a regular file'}; clause files must be regular files`);
      if (depth !== 1) throw new UserError(`${path}: a clause file belongs in a topic folder: <topic>/<variant>.hbs`);
      if (st.size > MAX_CLAUSE_BYTES) throw new UserError(`${path}: larger than ${MAX_CLAUSE_BYTES / 1024} KiB; a clause file is a few kilobytes`);
      if (out.length >= MAX_FILES) throw new UserError(`${root}: more than ${MAX_FILES} clause files`);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
      } catch {
        throw new UserError(`${path}: is not UTF-8 text; save the clause file as UTF-8`);
      }
      // A twin in another language sits beside its English file as `<variant>.<lang>.hbs`: the
      // language suffix is never part of an id (ids have no dots), so a twin is never a variant.
      const twin = /\.([a-z]{2,3})\.hbs$/.exec(name);
      if (twin && !(TWIN_LANGS as readonly string[]).includes(twin[1]!)) throw new UserError(`${path}: \`.${twin[1]}.hbs\` is not a language the library has twins in (${TWIN_LANGS.map((l) => `.${l}.hbs`).join(', ')}); a variant name has no dots`);
      out.push(parseClauseFile(text, path, rel.replace(/(\.[a-z]{2,3})?\.hbs$/, ''), (twin?.[1] as TwinLang | undefined) ?? 'en'));
    }
  };
  walk(base, 0);
  return out;
}
