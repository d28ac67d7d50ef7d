import Handlebars from 'handlebars';
import { UserError, type Problem } from '../errors.js';
import { closest } from '../util/suggest.js';
import { clauseError, type ClauseMeta, type ClauseSource, type DefinitionMeta } from './clause-file.js';
import { HELPER_NAMES, HELPERS } from './helpers.js';

export interface Clause {
  id: string;
  topic: string;
  variant: string;
  file: string;
  meta: ClauseMeta;
  body: string;
  render: (view: object) => string;
  /** The article heading; titles may use the voice helpers ("Responsibilities of the {{Parties}}"). */
  renderTitle: (view: object) => string;
}

export interface Definition {
  id: string;
  term: string;
  file: string;
  meta: DefinitionMeta;
  body: string;
  render: (view: object) => string;
}

export interface Library {
  clauses: ReadonlyMap<string, Clause>;
  definitions: ReadonlyMap<string, Definition>;
  has: (id: string) => boolean;
  get: (id: string) => Clause;
  /** Variant names available for a topic, e.g. `liability` -> [`convention-only`, `cross-waiver`, ...]. */
  variants: (topic: string) => string[];
}

type HB = typeof Handlebars;
const KNOWN_HELPERS = Object.fromEntries(HELPER_NAMES.map((h) => [h, true]));
const BUILTIN_BLOCKS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log']);
const CONTEXT_CHANGING = new Set(['each', 'with']);

export interface BuildOptions {
  /** Top-level names a template may use; anything else fails at load, not as empty text. */
  viewKeys: ReadonlySet<string>;
}

/**
 * Compile a library from clause sources (later sources replace earlier ones with the same id: that
 * is how `--clauses DIR` overlays the built-in library). Every template is checked now: syntax,
 * helpers, partials, and the names it reads from the view.
 */
export function buildLibrary(sources: readonly ClauseSource[], options: BuildOptions): Library {
  const byId = new Map<string, ClauseSource>();
  const partials = new Map<string, ClauseSource>();
  for (const s of sources) (s.kind === 'partial' ? partials : byId).set(s.id, s);

  const hb: HB = Handlebars.create();
  for (const [name, fn] of Object.entries(HELPERS)) hb.registerHelper(name, fn);
  const problems: Problem[] = [];
  const compile = (s: ClauseSource) => {
    const ast = parseTemplate(s, problems);
    if (ast) checkTemplate(ast, s, options.viewKeys, partials, problems);
    return hb.compile(s.body, { strict: true, noEscape: true, knownHelpers: KNOWN_HELPERS, assumeObjects: false });
  };
  for (const p of partials.values()) {
    if (parseTemplate(p, problems)) hb.registerPartial(p.id, p.body);
  }

  const clauses = new Map<string, Clause>();
  const definitions = new Map<string, Definition>();
  for (const s of byId.values()) {
    const template = compile(s);
    const render = (view: object) => template(view, { data: { root: view } });
    if (s.kind === 'definition') {
      const meta = s.meta as DefinitionMeta;
      definitions.set(s.id, { id: s.id, term: meta.term, file: s.file, meta, body: s.body, render });
    } else {
      const [topic, variant] = s.id.split('/') as [string, string];
      const meta = s.meta as ClauseMeta;
      const titleTemplate = meta.title.includes('{{') ? compile({ ...s, body: meta.title, bodyLine: 1 }) : undefined;
      const renderTitle = titleTemplate ? (view: object) => titleTemplate(view, { data: { root: view } }) : () => meta.title;
      clauses.set(s.id, { id: s.id, topic, variant, file: s.file, meta, body: s.body, render, renderTitle });
    }
  }

  const terms = new Set([...definitions.values()].map((d) => d.term));
  for (const c of clauses.values()) {
    for (const term of c.meta.defines) {
      if (!terms.has(term)) {
        const near = closest(term, [...terms]);
        problems.push({ file: c.file, line: 1, path: 'defines', message: `\`${term}\` has no definition in clauses/definitions/${near ? `: did you mean \`${near}\`?` : ''}` });
      }
    }
  }
  if (problems.length) {
    throw new UserError(`${problems.length} problem${problems.length === 1 ? '' : 's'} in the clause library`, { problems });
  }

  return {
    clauses,
    definitions,
    has: (id) => clauses.has(id),
    get: (id) => {
      const c = clauses.get(id);
      if (!c) {
        const near = closest(id, [...clauses.keys()]);
        throw new UserError(`no clause \`${id}\` in the library${near ? `: did you mean \`${near}\`?` : ''}`, {
          hint: 'Run `spacecoop clauses` to list the library, or add the file with --clauses DIR.',
        });
      }
      return c;
    },
    variants: (topic) => [...clauses.values()].filter((c) => c.topic === topic).map((c) => c.variant).sort(),
  };
}

function parseTemplate(s: ClauseSource, problems: Problem[]): hbs.AST.Program | undefined {
  try {
    return Handlebars.parse(s.body);
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
        case 'PartialStatement': {
          const ps = st as hbs.AST.PartialStatement;
          const name = (ps.name as hbs.AST.PathExpression).original;
          if (!partials.has(name)) report(ps, `unknown partial \`${name}\`${suggest(name, new Set(partials.keys()))}`);
          break;
        }
        default:
          break;
      }
    }
  };
  visitProgram(ast, false);
}

function suggest(name: string, allowed: ReadonlySet<string>): string {
  const near = closest(name, [...allowed]);
  return near ? `: did you mean \`${near}\`?` : '';
}

export { clauseError };
