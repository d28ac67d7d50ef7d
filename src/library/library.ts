import { createRequire } from 'node:module';
import { UserError, type Problem } from '../errors.js';
import { closest } from '../util/suggest.js';
import type { ClauseMeta, ClauseSource, DefinitionMeta, Lang } from './clause-file.js';
import { checkTwins, templateNames, type TwinSet } from './twins.js';
import { HELPER_NAMES } from './helpers.js';
import { assembleLibrary, COMPILE_OPTIONS, createEnvironment, preparedCall, twinMeta, type Library, type Template } from './assemble.js';

export type { Clause, CompiledEntry, Definition, Library } from './assemble.js';

// The full Handlebars compiler is loaded only when templates are compiled at run time (a drafter's
// --clauses overlay, tests); drafting with the built-in library uses precompiled templates.
type HB = typeof import('handlebars');
let compiler: HB | undefined;
const handlebars = (): HB => (compiler ??= createRequire(import.meta.url)('handlebars') as HB);
// `lookup` (reads any property, `constructor` included) and `log` (writes to the console) are
// Handlebars built-ins a clause has no use for: they are not offered, and removed from the environment.
const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);
/** Partial renders one clause may expand to: a clause uses a handful; nesting that doubles at each level is refused. */
const MAX_PARTIAL_EXPANSION = 200;
const CONTEXT_CHANGING = new Set(['each', 'with']);
const FORBIDDEN_NAMES = new Set(['constructor', 'prototype', '__proto__', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

export interface BuildOptions {
  /** Top-level names a template may use; anything else fails at load, not as empty text. */
  viewKeys: ReadonlySet<string>;
  /**
   * Whether a source belongs to the built-in library, whose clauses must each have a twin in every
   * twin language (an overlay's missing twin is a blank and an open point instead). Default: none.
   */
  builtin?: (file: string) => boolean;
}

/** The checked sources of one language. */
export interface CheckedSources {
  entries: ClauseSource[];
  partials: ClauseSource[];
}

/**
 * Check every template of a set of clause sources: syntax, helpers, partials, the names each reads
 * from the view, and that every declared defined term has a definition. Later sources replace
 * earlier ones with the same id (that is how `--clauses DIR` overlays the built-in library).
 * Returns the effective sources; throws a UserError listing every problem.
 */
export function checkSources(sources: readonly ClauseSource[], options: BuildOptions): CheckedSources & { zh: TwinSet } {
  const byId = new Map<string, ClauseSource>();
  const partials = new Map<string, ClauseSource>();
  const zhById = new Map<string, ClauseSource>();
  const zhPartials = new Map<string, ClauseSource>();
  for (const s of sources) {
    if (s.lang === 'zh') (s.kind === 'partial' ? zhPartials : zhById).set(s.id, s);
    else {
      (s.kind === 'partial' ? partials : byId).set(s.id, s);
      // An overlay's English text replaces the built-in one: the built-in twin no longer matches it.
      (s.kind === 'partial' ? zhPartials : zhById).delete(s.id);
    }
  }
  const problems: Problem[] = [];
  const dropped = dropTwinsOfReplacedPartials(partials, zhPartials, zhById);
  const partialAsts = new Map<string, hbs.AST.Program>();
  for (const p of partials.values()) {
    const ast = parseTemplate(p, problems);
    if (ast) {
      partialAsts.set(p.id, ast);
      // A partial is checked as the clauses that include it are: helpers, names, partials.
      checkTemplate(ast, p, options.viewKeys, partials, problems);
    }
  }
  checkPartialGraph(partials, partialAsts, problems);
  for (const s of byId.values()) {
    const ast = parseTemplate(s, problems);
    if (ast) checkTemplate(ast, s, options.viewKeys, partials, problems);
    const title = (s.meta as ClauseMeta | undefined)?.title;
    if (s.kind === 'clause' && title?.includes('{{')) {
      const tAst = parseTemplate({ ...s, body: title, bodyLine: 1 }, problems);
      if (tAst) checkTemplate(tAst, s, options.viewKeys, partials, problems);
    }
  }
  const terms = new Set([...byId.values()].filter((s) => s.kind === 'definition').map((s) => (s.meta as DefinitionMeta).term));
  for (const s of byId.values()) {
    if (s.kind !== 'clause') continue;
    for (const term of (s.meta as ClauseMeta).defines) {
      if (!terms.has(term)) {
        const near = closest(term, [...terms]);
        problems.push({ file: s.file, line: 1, path: 'defines', message: `\`${term}\` has no definition in clauses/definitions/${near ? `: did you mean \`${near}\`?` : ''}` });
      }
    }
  }
  // Twins: each checked as a template in its own right (its partials are the twin partials), then against its English text.
  const zhPartialSources = new Map([...zhPartials].map(([id, p]) => [id, p]));
  for (const s of [...zhPartials.values(), ...zhById.values()]) {
    const ast = parseTemplate(s, problems);
    if (ast) checkTemplate(ast, s, options.viewKeys, zhPartialSources, problems);
    const title = (s.meta as { title?: string } | undefined)?.title;
    if (s.kind === 'clause' && title?.includes('{{')) {
      const tAst = parseTemplate({ ...s, body: title, bodyLine: 1 }, problems);
      if (tAst) checkTemplate(tAst, s, options.viewKeys, zhPartialSources, problems);
    }
  }
  const quiet: Problem[] = [];
  const zh = checkTwins(
    'zh',
    { entries: [...byId.values()], partials: [...partials.values()] },
    { entries: [...zhById.values()], partials: [...zhPartials.values()] },
    (s) => parseTemplate(s, quiet),
    (s) => !dropped.has(s.id) && (options.builtin?.(s.file) ?? false),
    problems,
  );
  if (problems.length) {
    throw new UserError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the clause library`, { problems });
  }
  return { entries: [...byId.values()], partials: [...partials.values()], zh };
}

/**
 * An overlay that replaces an English partial drops its built-in twin; a built-in twin that includes
 * that partial, directly or through another partial, no longer matches its English text either, so it
 * is dropped too (reported missing, a blank in the Chinese draft) instead of failing on an unknown
 * partial. Removes them from `zhPartials` and `zhById`; returns the ids dropped this way.
 */
function dropTwinsOfReplacedPartials(partials: Map<string, ClauseSource>, zhPartials: Map<string, ClauseSource>, zhById: Map<string, ClauseSource>): Set<string> {
  const dropped = new Set<string>();
  const includes = (s: ClauseSource): string[] => {
    const ast = parseTemplate(s, []);
    return ast ? [...templateNames(ast)].filter((n) => n.startsWith('>')).map((n) => n.slice(1)) : [];
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const map of [zhPartials, zhById]) {
      for (const [id, s] of map) {
        if (includes(s).some((p) => partials.has(p) && !zhPartials.has(p))) {
          map.delete(id);
          dropped.add(id);
          changed = true;
        }
      }
    }
  }
  return dropped;
}

/** Check and compile clause sources now (overlays, tests): the English library, with its Chinese twins. */
export function buildLibrary(sources: readonly ClauseSource[], options: BuildOptions): Library {
  const { entries, partials, zh } = checkSources(sources, options);
  const english = compileSet({ entries, partials }, 'en');
  english.zh = compileSet(zh, 'zh', english, zh.missing);
  return english;
}

function compileSet(set: CheckedSources, lang: Lang, english?: Library, missing: readonly string[] = []): Library {
  const hb: HB = createEnvironment(handlebars());
  for (const p of set.partials) hb.registerPartial(p.id, p.body);
  const compile = (body: string) => hb.compile(body, COMPILE_OPTIONS) as Template;
  return assembleLibrary(
    set.entries.map((s) => ({
      kind: s.kind as 'clause' | 'definition',
      id: s.id,
      file: s.file,
      meta: twinMeta(s, english),
      body: s.body,
      template: compile(s.body),
      ...(s.kind === 'clause' && (s.meta as ClauseMeta).title.includes('{{') ? { titleTemplate: compile((s.meta as ClauseMeta).title) } : {}),
      ...(s.kind === 'clause' && ((s.meta as ClauseMeta).review ?? '').includes('{{') ? { reviewTemplate: compile((s.meta as ClauseMeta).review!) } : {}),
    })),
    lang,
    missing,
    preparedCall(hb as never),
  );
}



function parseTemplate(s: ClauseSource, problems: Problem[]): hbs.AST.Program | undefined {
  try {
    return handlebars().parse(s.body);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /line (\d+)/.exec(msg);
    const line = m ? s.bodyLine + Number(m[1]) - 1 : s.bodyLine;
    problems.push({ file: s.file, line, message: `template syntax: ${msg.split('\n').pop()}` });
    return undefined;
  }
}

/** Walk the template: unknown helpers, unknown partials, unknown top-level names fail at load. */
function checkTemplate(ast: hbs.AST.Program, s: ClauseSource, viewKeys: ReadonlySet<string>, partials: Map<string, ClauseSource>, problems: Problem[]): void {
  const report = (node: hbs.AST.Node, message: string) => problems.push({ file: s.file, line: s.bodyLine + (node.loc?.start.line ?? 1) - 1, column: (node.loc?.start.column ?? 0) + 1, message });
  const checkPath = (p: hbs.AST.PathExpression, scoped: boolean) => {
    // Prototype internals are never data, in any scope: refuse them here, with file and line, rather
    // than leave it to Handlebars' run-time access control.
    const internal = p.parts.find((part) => FORBIDDEN_NAMES.has(part) || /^__.*__$/.test(part));
    if (internal !== undefined) {
      report(p, `\`${p.original}\` reaches \`${internal}\`, which a clause cannot use`);
      return;
    }
    if (p.data) {
      if (p.original.startsWith('@root')) {
        const head = p.parts[0] === 'root' ? p.parts[1] : p.parts[0];
        if (head && !viewKeys.has(head)) report(p, `\`${p.original}\` is not in the terms model${suggest(head, viewKeys)}`);
      }
      return;
    }
    if (scoped || p.original === 'this' || p.original.startsWith('this.') || p.original.startsWith('../')) return;
    const head = p.parts[0];
    if (head && !viewKeys.has(head) && !HELPER_NAMES.includes(head)) report(p, `\`${p.original}\` is not in the terms model${suggest(head, viewKeys)}`);
  };
  const visitExpr = (e: hbs.AST.Expression, scoped: boolean) => {
    if (e.type === 'PathExpression') checkPath(e as hbs.AST.PathExpression, scoped);
    else if (e.type === 'SubExpression') visitCall(e as hbs.AST.SubExpression, scoped);
  };
  const visitCall = (n: { path: hbs.AST.PathExpression | hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, scoped: boolean, isBlock = false) => {
    const path = n.path as hbs.AST.PathExpression;
    const name = path.original;
    const isCall = n.params.length > 0 || (n.hash?.pairs.length ?? 0) > 0 || isBlock;
    if (isCall && !path.data && !HELPER_NAMES.includes(name) && !BUILTIN_BLOCKS.has(name) && !(isBlock && n.params.length === 0)) {
      report(path, `unknown helper \`${name}\`${suggest(name, new Set([...HELPER_NAMES, ...BUILTIN_BLOCKS]))}`);
    } else if (!isCall || (isBlock && n.params.length === 0)) {
      visitExpr(path, scoped);
    }
    for (const p of n.params) visitExpr(p, scoped);
    for (const pair of n.hash?.pairs ?? []) visitExpr(pair.value, scoped);
  };
  const visitProgram = (prog: hbs.AST.Program | undefined, scoped: boolean) => {
    for (const st of prog?.body ?? []) {
      switch (st.type) {
        case 'MustacheStatement':
          visitCall(st as hbs.AST.MustacheStatement, scoped);
          break;
        case 'BlockStatement': {
          const b = st as hbs.AST.BlockStatement;
          visitCall(b, scoped, true);
          const name = (b.path as hbs.AST.PathExpression).original;
          const inner = scoped || CONTEXT_CHANGING.has(name) || (b.params.length === 0 && !HELPER_NAMES.includes(name));
          visitProgram(b.program, inner);
          visitProgram(b.inverse, scoped);
          break;
        }
        case 'PartialStatement':
        case 'PartialBlockStatement': {
          const ps = st as hbs.AST.PartialStatement;
          if (ps.name.type !== 'PathExpression') {
            report(ps, 'a partial is named, not computed: write `{{> name}}`');
            break;
          }
          const name = (ps.name as hbs.AST.PathExpression).original;
          if (!partials.has(name)) report(ps, `unknown partial \`${name}\`${suggest(name, new Set(partials.keys()))}`);
          for (const p of ps.params ?? []) visitExpr(p, scoped);
          for (const pair of ps.hash?.pairs ?? []) visitExpr(pair.value, scoped);
          break;
        }
        case 'DecoratorBlock':
        case 'Decorator':
          report(st, 'decorators are not available in clause templates');
          break;
        default:
          break;
      }
    }
  };
  visitProgram(ast, false);
}

/** The partials each partial includes, by name. */
function partialCalls(ast: hbs.AST.Program): { name: string; node: hbs.AST.Node }[] {
  const out: { name: string; node: hbs.AST.Node }[] = [];
  const walk = (prog: hbs.AST.Program | undefined) => {
    for (const st of prog?.body ?? []) {
      if ((st.type === 'PartialStatement' || st.type === 'PartialBlockStatement') && (st as hbs.AST.PartialStatement).name.type === 'PathExpression') {
        out.push({ name: ((st as hbs.AST.PartialStatement).name as hbs.AST.PathExpression).original, node: st });
      }
      if (st.type === 'BlockStatement' || st.type === 'PartialBlockStatement' || st.type === 'DecoratorBlock') {
        walk((st as hbs.AST.BlockStatement).program);
        walk((st as hbs.AST.BlockStatement).inverse);
      }
    }
  };
  walk(ast);
  return out;
}

/**
 * Partials that include themselves (directly or through others) would recurse until the stack
 * runs out; partials that include others several times over can double at each level. Both are
 * refused at load, with the file and line of the include.
 */
function checkPartialGraph(partials: Map<string, ClauseSource>, asts: Map<string, hbs.AST.Program>, problems: Problem[]): void {
  const calls = new Map([...asts].map(([id, ast]) => [id, partialCalls(ast)]));
  const at = (id: string, node: hbs.AST.Node) => {
    const s = partials.get(id)!;
    return { file: s.file, line: s.bodyLine + (node.loc?.start.line ?? 1) - 1, column: (node.loc?.start.column ?? 0) + 1 };
  };
  const state = new Map<string, 'visiting' | 'done'>();
  const size = new Map<string, number>();
  const reported = new Set<string>();
  const visit = (id: string, trail: string[]): number => {
    if (state.get(id) === 'done') return size.get(id)!;
    state.set(id, 'visiting');
    let n = 1;
    for (const c of calls.get(id) ?? []) {
      if (!asts.has(c.name)) continue;
      if (state.get(c.name) === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(c.name)), id, c.name].filter((x, i, a) => i === 0 || x !== a[i - 1]);
        if (!reported.has(id)) problems.push({ ...at(id, c.node), message: `the partial \`${id}\` includes itself (${cycle.map((x) => `\`${x}\``).join(' → ')}), which never ends` });
        reported.add(id);
        continue;
      }
      n += visit(c.name, [...trail, id]);
      if (n > MAX_PARTIAL_EXPANSION) break;
    }
    if (n > MAX_PARTIAL_EXPANSION && !reported.has(id)) {
      problems.push({ ...at(id, (calls.get(id) ?? [])[0]?.node ?? ({} as hbs.AST.Node)), message: `the partial \`${id}\` expands to more than ${MAX_PARTIAL_EXPANSION} partial includes (nested includes multiply); include each partial once or a few times` });
      reported.add(id);
    }
    state.set(id, 'done');
    size.set(id, Math.min(n, MAX_PARTIAL_EXPANSION + 1));
    return size.get(id)!;
  };
  for (const id of asts.keys()) visit(id, []);
}

function suggest(name: string, allowed: ReadonlySet<string>): string {
  const near = closest(name, [...allowed]);
  return near ? `: did you mean \`${near}\`?` : '';
}

