import { LineCounter, parseDocument } from 'yaml';
import * as z from 'zod/mini';
import { UserError, type Problem } from '../errors.js';
import { closest } from '../util/suggest.js';

/**
 * The front-matter schemas, built on first use: a draft from the built-in (precompiled) library
 * never reads a clause file, so it does not build them.
 */
function buildMetaSchemas() {
  const ID = z.regex(/^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/, { message: 'an id is `topic/variant`, lower case with hyphens' });
  const DEFINITION_ID = z.regex(/^definitions\/[a-z][a-z0-9-]*$/);
  const text = () => z.string().check(z.minLength(1));
  return {
    /** Front matter of an article clause: `clauses/<topic>/<variant>.hbs`. */
    clause: z.strictObject({
      id: z.string().check(ID),
      /** The article heading, e.g. "Cross-Waiver of Liability". */
      title: text(),
      /** When a drafter chooses this variant. */
      fits: text(),
      /** Defined terms the clause relies on. */
      defines: z._default(z.array(text()), []),
      /** Treaty and article the clause rests on. */
      sources: z.array(text()).check(z.minLength(1, { message: 'cite at least one source' })),
      /** What counsel should check. */
      review: text(),
    }),
    /** Front matter of a definition: `clauses/definitions/<slug>.hbs`; the body is the definition. */
    definition: z.strictObject({
      id: z.string().check(DEFINITION_ID),
      /** The defined term as it is capitalised in the text. */
      term: text(),
      sources: z._default(z.array(text()), []),
      /** The character of instrument the term belongs to (`contract`); absent: every instrument. */
      only: z.optional(z.enum(['contract'])),
    }),
    /**
     * Front matter of a Chinese twin, `<topic>/<variant>.zh.hbs` beside the English file: the same id,
     * the language and the Chinese heading. What a drafter chooses by (`fits`), the `sources` and the
     * `review` stay with the English file, which the twin follows.
     */
    twin: z.strictObject({
      id: z.string().check(ID),
      /** The language of the twin: `zh`. */
      lang: z.enum(['zh']),
      /** The article heading in Chinese, e.g. "交互豁免责任". */
      title: text(),
    }),
    /** Front matter of a definition's Chinese twin: the Chinese form of the term, used consistently. */
    twinDefinition: z.strictObject({
      id: z.string().check(DEFINITION_ID),
      lang: z.enum(['zh']),
      /** The defined term in Chinese, e.g. "相关实体". */
      term: text(),
    }),
  };
}
let metaSchemas: ReturnType<typeof buildMetaSchemas> | undefined;
const schemas = () => (metaSchemas ??= buildMetaSchemas());

/** The languages a clause may have a twin in, besides English. */
export const TWIN_LANGS = ['zh'] as const;
export type TwinLang = (typeof TWIN_LANGS)[number];
export type Lang = 'en' | TwinLang;

export type ClauseMeta = z.output<ReturnType<typeof buildMetaSchemas>['clause']>;
export type DefinitionMeta = z.output<ReturnType<typeof buildMetaSchemas>['definition']>;

export interface ClauseSource {
  kind: 'clause' | 'definition' | 'partial';
  id: string;
  file: string;
  meta: ClauseMeta | DefinitionMeta | undefined;
  body: string;
  /** 1-based line of the body's first line in the file, for error positions. */
  bodyLine: number;
  /** The language of the text: English, or a twin's (`<variant>.zh.hbs`). */
  lang: Lang;
}

const FENCE = /^---[ \t]*$/;

/**
 * Split a clause file into front matter and body and validate the front matter. `expectedId` is
 * derived from the file's place in the library (`liability/cross-waiver.hbs`).
 */
export function parseClauseFile(text: string, file: string, expectedId: string, lang: Lang = 'en'): ClauseSource {
  if (expectedId.startsWith('_partials/')) {
    return { kind: 'partial', id: expectedId.slice('_partials/'.length), file, meta: undefined, body: text, bodyLine: 1, lang };
  }
  const lines = text.split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) {
    throw new UserError(`${file}:1:1: a clause file starts with a \`---\` line, then YAML front matter (id, title, fits, sources, review), then \`---\` and the template`);
  }
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) throw new UserError(`${file}:1:1: the front matter opened on line 1 is never closed by a \`---\` line`);
  const yamlText = lines.slice(1, end).join('\n');
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const problems: Problem[] = [];
  const at = (offset: number | undefined) => {
    if (offset === undefined) return { line: 2, column: 1 };
    const { line, col } = counter.linePos(offset);
    return { line: line + 1, column: col };
  };
  for (const err of doc.errors) problems.push({ file, ...at(err.pos[0]), message: `YAML syntax: ${err.message.split('\n')[0]}` });
  if (problems.length) throw clauseError(file, problems);

  const isDefinition = expectedId.startsWith('definitions/');
  const { clause, definition, twin, twinDefinition } = schemas();
  const schema = lang !== 'en' ? (isDefinition ? twinDefinition : twin) : isDefinition ? definition : clause;
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 20 });
  } catch (e) {
    throw clauseError(file, [{ file, line: 2, column: 1, message: `front matter: ${(e as Error).message.split('\n')[0]} (aliases are limited to 20 expansions; front matter needs none)` }]);
  }
  const parsed = schema.safeParse(data ?? {});
  if (!parsed.success) {
    const allowed = Object.keys(schema.shape);
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const node = doc.getIn(path, true) as { range?: [number] } | undefined;
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const near = closest(key, allowed);
          problems.push({ file, ...at(undefined), path: key, message: `unknown front matter key \`${key}\`${near ? `: did you mean \`${near}\`?` : ''}` });
        }
      } else {
        const missing = issue.code === 'invalid_type' && node === undefined;
        problems.push({ file, ...at(node?.range?.[0]), path: path.join('.'), message: missing ? 'is required' : issue.message });
      }
    }
    throw clauseError(file, problems);
  }
  const meta = parsed.data;
  if (meta.id !== expectedId) {
    const node = doc.get('id', true) as { range?: [number] } | undefined;
    throw clauseError(file, [{ file, ...at(node?.range?.[0]), path: 'id', message: `is \`${meta.id}\` but the file's place in the library makes it \`${expectedId}\`` }]);
  }
  return {
    kind: isDefinition ? 'definition' : 'clause',
    id: meta.id,
    file,
    meta: meta as ClauseMeta | DefinitionMeta,
    body: lines.slice(end + 1).join('\n').replace(/^\n+/, '').replace(/\s+$/, ''),
    bodyLine: end + 2,
    lang,
  };
}

export function clauseError(file: string, problems: Problem[]): UserError {
  return new UserError(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'} in the clause file`, { problems });
}
