import type { Problem } from '../errors.js';
import type { ClauseMeta, ClauseSource, DefinitionMeta, TwinLang } from './clause-file.js';
import { HELPER_NAMES } from './helpers.js';

/**
 * The authentic texts come from one library: each clause, definition and partial has a twin in each
 * twin language (`<variant>.zh.hbs`), checked against its English text at load time, so the two
 * texts cannot drift apart:
 * - the same paragraphs: as many `1.` paragraph lines and `(a)` item lines;
 * - the same variables: the view paths it reads, the articles it refers to and the partials it includes;
 * - the same defined terms: each term the English clause `defines` appears in the twin, or in a twin
 *   partial it includes, in its one Chinese form (the definition twin's `term`).
 * A twin with no English text is an error. An English text with no twin is an error in the built-in
 * library; in a drafter's overlay it is reported as missing, and the twin language's draft shows a
 * blank with an open point there.
 */
/** The built-in library has every twin: a clause without one fails the build (scripts/build.mjs) and the loader. */
export const TWINS_REQUIRED: boolean = true;

export interface TwinSet {
  entries: ClauseSource[];
  partials: ClauseSource[];
  /** Ids of clauses and definitions (and `_partials/<name>`) with no twin. */
  missing: string[];
}

const PARAGRAPH = /^\s*1\.\s/gm;
const ITEM = /^\s*\([a-z]{1,3}\)\s/gm;
const count = (re: RegExp, s: string) => (s.match(re) ?? []).length;

/** What a template reads: view paths, the topics of its cross-references and blanks, and partials. */
export function templateNames(ast: hbs.AST.Program): Set<string> {
  const out = new Set<string>();
  const expr = (e: hbs.AST.Expression | undefined) => {
    if (!e) return;
    if (e.type === 'PathExpression') {
      const p = e as hbs.AST.PathExpression;
      if (p.data || p.original === 'this' || HELPER_NAMES.includes(p.original)) return;
      out.add(p.original.replace(/^(\.\.\/)+/, '').replace(/^this\./, ''));
    } else if (e.type === 'SubExpression') call(e as hbs.AST.SubExpression);
  };
  const call = (n: { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }) => {
    const name = (n.path as hbs.AST.PathExpression).original;
    if (name === 'ref' || name === 'refs' || name === 'blank' || name === 'has-area') {
      for (const p of n.params) if (p.type === 'StringLiteral') out.add(`${name}:${(p as hbs.AST.StringLiteral).value}`);
    }
    expr(n.path);
    n.params.forEach(expr);
    n.hash?.pairs.forEach((pair) => expr(pair.value));
  };
  const prog = (p: hbs.AST.Program | undefined) => {
    for (const st of p?.body ?? []) {
      if (st.type === 'MustacheStatement' || st.type === 'BlockStatement') {
        call(st as hbs.AST.MustacheStatement);
        if (st.type === 'BlockStatement') {
          prog((st as hbs.AST.BlockStatement).program);
          prog((st as hbs.AST.BlockStatement).inverse);
        }
      } else if (st.type === 'PartialStatement' || st.type === 'PartialBlockStatement') {
        const ps = st as hbs.AST.PartialStatement;
        if (ps.name.type === 'PathExpression') out.add(`>${(ps.name as hbs.AST.PathExpression).original}`);
      }
    }
  };
  prog(ast);
  return out;
}

/**
 * Pair each English source with its twin and check them. `parse` gives a template's AST (or
 * undefined after reporting a syntax problem). `required`: a missing twin is an error (built-in
 * library) rather than a reported gap (overlay).
 */
export function checkTwins(
  lang: TwinLang,
  english: { entries: readonly ClauseSource[]; partials: readonly ClauseSource[] },
  twins: { entries: readonly ClauseSource[]; partials: readonly ClauseSource[] },
  parse: (s: ClauseSource) => hbs.AST.Program | undefined,
  required: (s: ClauseSource) => boolean,
  problems: Problem[],
): TwinSet {
  const missing: string[] = [];
  const twinOf = new Map(twins.entries.map((t) => [t.id, t]));
  const twinPartial = new Map(twins.partials.map((t) => [t.id, t]));
  const enIds = new Set(english.entries.map((e) => e.id));
  const enPartials = new Set(english.partials.map((e) => e.id));
  for (const t of twins.entries) if (!enIds.has(t.id)) problems.push({ file: t.file, line: 1, path: 'id', message: `a ${lang} twin of \`${t.id}\`, which has no English text (a twin sits beside its English file, same id)` });
  for (const t of twins.partials) if (!enPartials.has(t.id)) problems.push({ file: t.file, line: 1, message: `a ${lang} twin of the partial \`${t.id}\`, which has no English text` });

  // The Chinese form of each English defined term.
  const termOf = new Map<string, string>();
  for (const e of english.entries) {
    if (e.kind !== 'definition') continue;
    const t = twinOf.get(e.id);
    if (t) termOf.set((e.meta as DefinitionMeta).term, (t.meta as DefinitionMeta).term);
  }
  const seenTerms = new Map<string, string>();
  for (const [en, zh] of termOf) {
    const other = seenTerms.get(zh);
    if (other) problems.push({ file: twinOf.get(english.entries.find((e) => (e.meta as DefinitionMeta | undefined)?.term === en)!.id)!.file, line: 1, path: 'term', message: `\`${zh}\` is already the ${lang} form of \`${other}\`; each defined term has its own form` });
    seenTerms.set(zh, en);
  }

  /** A twin's body and the bodies of the twin partials it includes, at any depth: where its defined terms may be written. */
  const withPartials = (tw: ClauseSource): string => {
    const bodies = [tw.body];
    const seen = new Set<string>();
    const queue = [tw];
    for (let s = queue.pop(); s; s = queue.pop()) {
      const ast = parse(s);
      for (const name of ast ? templateNames(ast) : []) {
        const p = name.startsWith('>') ? twinPartial.get(name.slice(1)) : undefined;
        if (p && !seen.has(p.id)) {
          seen.add(p.id);
          bodies.push(p.body);
          queue.push(p);
        }
      }
    }
    return bodies.join('\n');
  };

  const compare = (en: ClauseSource, tw: ClauseSource) => {
    const where = { file: tw.file, line: tw.bodyLine };
    for (const [what, re] of [['numbered paragraph (`1.`)', PARAGRAPH], ['item (`(a)`)', ITEM]] as const) {
      const a = count(re, en.body);
      const b = count(re, tw.body);
      if (a !== b) problems.push({ ...where, message: `has ${b} ${what} line${b === 1 ? '' : 's'} where the English text (${en.file}) has ${a}; the texts keep the same paragraphs` });
    }
    const ea = parse(en);
    const ta = parse(tw);
    if (ea && ta) {
      const a = templateNames(ea);
      const b = templateNames(ta);
      const onlyEn = [...a].filter((x) => !b.has(x));
      const onlyTw = [...b].filter((x) => !a.has(x));
      const show = (xs: string[]) => xs.map((x) => `\`${x}\``).join(', ');
      if (onlyEn.length) problems.push({ ...where, message: `does not use ${show(onlyEn)}, which the English text uses; the texts read the same variables` });
      if (onlyTw.length) problems.push({ ...where, message: `uses ${show(onlyTw)}, which the English text does not; the texts read the same variables` });
    }
    if (en.kind === 'clause') {
      const text = withPartials(tw);
      for (const term of (en.meta as ClauseMeta).defines) {
        const zh = termOf.get(term);
        if (zh && !text.includes(zh)) problems.push({ ...where, path: 'defines', message: `does not use \`${zh}\`, the ${lang} form of the defined term \`${term}\` that the English text relies on` });
      }
    }
  };

  const entries: ClauseSource[] = [];
  for (const e of english.entries) {
    const t = twinOf.get(e.id);
    if (!t) {
      if (required(e)) problems.push({ file: e.file, line: 1, message: `has no ${lang} twin (${e.file.replace(/\.hbs$/, `.${lang}.hbs`)}); every clause of the built-in library has one` });
      else missing.push(e.id);
      continue;
    }
    compare(e, t);
    entries.push(t);
  }
  const partials: ClauseSource[] = [];
  for (const p of english.partials) {
    const t = twinPartial.get(p.id);
    if (!t) {
      if (required(p)) problems.push({ file: p.file, line: 1, message: `has no ${lang} twin (${p.file.replace(/\.hbs$/, `.${lang}.hbs`)}); every partial of the built-in library has one` });
      else missing.push(`_partials/${p.id}`);
      continue;
    }
    compare(p, t);
    partials.push(t);
  }
  return { entries, partials, missing };
}
