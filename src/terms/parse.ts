import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { core as zcore } from 'zod';
import { UserError, type Problem } from '../errors.js';
import { closest } from '../util/suggest.js';
import { termsSchema, VARIANT_FIELDS, type Terms } from './schema.js';

/** Larger terms files are refused before parsing: a real one is a few kilobytes. */
export const MAX_TERMS_BYTES = 256 * 1024;
/** Alias expansion bound ("billion laughs"). */
const MAX_ALIAS_COUNT = 200;
const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** Flow brackets or compact `- - -` nesting beyond this are refused before the parser recurses. */
const MAX_LEXICAL_DEPTH = 64;
/** More problems than this are summarised: a file with thousands of stray keys is not a terms file. */
const MAX_PROBLEMS = 50;
/**
 * Keys are counted (roughly: a colon before a space) before parsing, because the duplicate-key check
 * is quadratic: 20,000 keys take the parser tens of seconds. A terms file has a few hundred.
 */
const MAX_KEYS = 2000;

export interface ParseOptions {
  /** Variant names per topic available in the clause library (built-in plus overlay). */
  variants?: Partial<Record<string, readonly string[]>>;
}

export interface ParsedTerms {
  terms: Terms;
  /** Where each field path was written, for later findings: `liability.regime` -> line. */
  locate: (path: (string | number)[]) => { line: number; column: number } | undefined;
}

type Path = (string | number)[];

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

/**
 * Parse and validate a terms file's text. Throws a UserError listing every problem, each with its
 * line, column and field path; never returns partially valid terms.
 */
export function parseTerms(source: string, file: string, options: ParseOptions = {}): ParsedTerms {
  if (Buffer.byteLength(source, 'utf8') > MAX_TERMS_BYTES) {
    const kib = Math.ceil(Buffer.byteLength(source, 'utf8') / 1024);
    throw new UserError(`${file}: the terms file is larger than ${MAX_TERMS_BYTES / 1024} KiB; a terms file is a few kilobytes of YAML.`, {
      problems: [{ file, message: `${kib} KiB, refused before parsing` }],
    });
  }
  const lineCounter = new LineCounter();
  const keys = source.match(/:(?=[ \t\r\n]|$)/g)?.length ?? 0;
  if (keys > MAX_KEYS) {
    throw termsError(file, [{ file, message: `about ${keys} keys; a terms file has a few hundred at most (the limit is ${MAX_KEYS})` }]);
  }
  const tooDeep = lexicalDepthProblem(source);
  if (tooDeep !== undefined) {
    lineCounter.addNewLine(0);
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    const { line, col } = lineCounter.linePos(tooDeep);
    throw termsError(file, [{ file, line, column: col, message: `nested deeper than ${MAX_DEPTH} levels` }]);
  }
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  const problems: Problem[] = [];
  for (const err of doc.errors) {
    const msg = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // The parser recursing out of stack is deep nesting the lexical check did not see.
    if (/call stack/i.test(msg)) problems.push({ file, ...at(err.pos[0]), message: `nested deeper than ${MAX_DEPTH} levels` });
    else problems.push({ file, ...at(err.pos[0]), message: `YAML syntax: ${msg}` });
  }
  if (problems.length) throw termsError(file, problems);

  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) {
    throw termsError(file, [
      { file, line: 1, column: 1, message: 'the file is empty; a terms file needs at least `form` and two `parties` (see `spacecoop schema` or examples/).' },
    ]);
  }
  if (!isMap(doc.contents)) {
    throw termsError(file, [{ file, ...at(doc.contents.range?.[0]), message: 'expected a mapping of keys such as `form:` and `parties:` at the top level' }]);
  }

  checkStructure(doc.contents, [], 0, file, at, problems);
  if (problems.length) throw termsError(file, problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    throw termsError(file, [{ file, message: `YAML: ${(e as Error).message} (aliases are limited to ${MAX_ALIAS_COUNT} expansions)` }]);
  }

  const locate = (path: Path) => {
    const node = nodeAt(doc, path);
    const pos = at(node?.range?.[0]);
    return pos.line === undefined ? undefined : (pos as { line: number; column: number });
  };

  const result = termsSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...describeIssue(issue, doc, file, at));
    // The cross-field checks still run on what could be read, so one pass shows every problem.
    try {
      problems.push(...checkReferences(data as Terms, options, file, locate));
    } catch {
      // a shape too broken for them: the schema's problems say enough
    }
    throw termsError(file, dedupe(problems));
  }
  const terms = result.data;
  problems.push(...checkReferences(terms, options, file, locate));
  if (problems.length) throw termsError(file, problems);
  return { terms, locate };
}

function termsError(file: string, unsorted: Problem[]): UserError {
  // In file order, as a reader goes through the file; problems with no place last.
  const all = [...unsorted].sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  const n = all.length;
  const problems = n > MAX_PROBLEMS ? [...all.slice(0, MAX_PROBLEMS), { file, message: `and ${n - MAX_PROBLEMS} more problems not shown` }] : all;
  return new UserError(`${file}: ${n} problem${n === 1 ? '' : 's'} in the terms file`, {
    problems,
    hint: 'Fix the fields above; `spacecoop schema` prints every allowed field and value.',
  });
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.column}:${p.path}:${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Offset where flow brackets (`[[[[`) or compact sequences (`- - - -`) nest deeper than any terms
 * file could, found by a scan that skips quoted text and comments, so the recursive parser never
 * sees them. A heuristic: a line starting in column 0 starts afresh, and an unbalanced bracket in
 * plain text counts, which is why the bound is twice the structural one.
 */
function lexicalDepthProblem(source: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let comment = false;
  let lineStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\n') {
      comment = false;
      lineStart = true;
      continue;
    }
    if (lineStart) {
      lineStart = false;
      if (!quote && !/[\s\]},]/.test(c)) depth = 0;
      const dashes = /^[ \t]*(?:-[ \t]+)+/.exec(source.slice(i, i + 4 * MAX_LEXICAL_DEPTH + 8));
      if (!quote && dashes && (dashes[0].match(/-/g)?.length ?? 0) > MAX_LEXICAL_DEPTH) return i;
    }
    if (comment) continue;
    if (quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') quote = undefined;
      continue;
    }
    if (quote === "'") {
      if (c === "'") {
        if (source[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    const prev = i === 0 ? ' ' : source[i - 1]!;
    if (c === '#' && /\s/.test(prev)) comment = true;
    else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
    else if (c === '[' || c === '{') {
      depth += 1;
      if (depth > MAX_LEXICAL_DEPTH) return i;
    } else if ((c === ']' || c === '}') && depth > 0) depth -= 1;
  }
  return undefined;
}

/** Rejects prototype-polluting keys and absurd nesting before anything is converted to objects. */
function checkStructure(
  node: unknown,
  path: Path,
  depth: number,
  file: string,
  at: (o: number | undefined) => { line?: number; column?: number },
  problems: Problem[],
): void {
  if (depth > MAX_DEPTH) {
    problems.push({ file, ...at((node as Node).range?.[0]), path: formatPath(path), message: `nested deeper than ${MAX_DEPTH} levels` });
    return;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      const keyNode = pair.key as Node | null;
      if (typeof key === 'string' && FORBIDDEN_KEYS.has(key)) {
        problems.push({ file, ...at(keyNode?.range?.[0]), path: formatPath([...path, key]), message: `the key \`${key}\` is not allowed` });
        continue;
      }
      if (key !== null && typeof key === 'object') {
        problems.push({ file, ...at(keyNode?.range?.[0]), path: formatPath(path), message: 'keys must be plain words, not mappings or lists' });
        continue;
      }
      checkStructure(pair.value, [...path, String(key)], depth + 1, file, at, problems);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => checkStructure(item, [...path, i], depth + 1, file, at, problems));
  }
}

function nodeAt(doc: Document, path: Path): Node | undefined {
  let node: unknown = doc.contents;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return node as Node;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      const next = node.items[seg];
      if (next === undefined) return node as Node;
      node = next;
    } else {
      return node as Node;
    }
  }
  return node as Node;
}

function keyNodeAt(doc: Document, path: Path, key: string): Node | undefined {
  const parent = nodeAt(doc, path);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return (pair?.key as Node | undefined) ?? undefined;
}

/** The allowed keys of the object at `path` in the schema, for suggesting a near miss. */
function allowedKeysAt(path: Path): string[] {
  // zod 4 keeps the shape on `def.shape`; walk arrays via `def.element`, optionals via `def.innerType`.
  let schema: any = termsSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    if (typeof seg === 'number') schema = schema?.def?.element;
    else schema = schema?.def?.shape?.[seg];
  }
  schema = unwrap(schema);
  return schema?.def?.shape ? Object.keys(schema.def.shape) : [];
}

function unwrap(schema: any): any {
  while (schema?.def && (schema.def.type === 'optional' || schema.def.type === 'default' || schema.def.type === 'nullable')) {
    schema = schema.def.innerType;
  }
  return schema;
}

function describeIssue(
  issue: zcore.$ZodIssue,
  doc: Document,
  file: string,
  at: (o: number | undefined) => { line?: number; column?: number },
): Problem[] {
  const path = issue.path as Path;
  const node = nodeAt(doc, path);
  const pos = at(node?.range?.[0]);
  const p = formatPath(path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(path);
      return issue.keys.map((key) => {
        const near = closest(key, allowed);
        const kpos = at(keyNodeAt(doc, path, key)?.range?.[0]);
        return {
          file,
          ...kpos,
          path: formatPath([...path, key]),
          message: `unknown key \`${key}\`${near ? `: did you mean \`${near}\`?` : `; allowed here: ${allowed.map((k) => `\`${k}\``).join(', ')}`}`,
        };
      });
    }
    case 'invalid_value': {
      const allowed = issue.values.map(String);
      const got = isScalar(node) ? String(node.value) : undefined;
      const near = got !== undefined ? closest(got, allowed) : undefined;
      const list = allowed.map((v) => `\`${v}\``).join(', ');
      if (got !== undefined && near) return [{ file, ...pos, path: p, message: `\`${got}\` is not allowed: did you mean \`${near}\`? (expected one of ${list})` }];
      return [{ file, ...pos, path: p, message: `${got !== undefined ? `\`${got}\` is not allowed; ` : ''}expected one of ${list}` }];
    }
    case 'invalid_type': {
      const got = isScalar(node) ? JSON.stringify(node.value) : isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : 'nothing';
      const missing = node === undefined || (path.length > 0 && nodeAt(doc, path.slice(0, -1)) === node);
      if (missing) return [{ file, ...at(nodeAt(doc, path.slice(0, -1))?.range?.[0]), path: p, message: `is required (${describeExpected(issue.expected)})` }];
      return [{ file, ...pos, path: p, message: `expected ${describeExpected(issue.expected)}, got ${got}` }];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const got = isScalar(node) ? ` (got ${JSON.stringify(node.value)})` : '';
      const what =
        issue.origin === 'array' ? `${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`
        : issue.origin === 'string' ? (small && bound === 1 ? 'must not be empty' : `${small ? 'at least' : 'at most'} ${bound} characters`)
        : `${small ? 'at least' : 'at most'} ${bound}`;
      return [{ file, ...pos, path: p, message: what.startsWith('must') ? what : `must be ${what}${got}` }];
    }
    default:
      return [{ file, ...pos, path: p, message: issue.message }];
  }
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'object':
      return 'a mapping of keys';
    case 'array':
      return 'a list';
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return '`true` or `false`';
    default:
      return expected;
  }
}

/** Cross-field rules the schema cannot express: party count and handles, variant names. */
function checkReferences(terms: Terms, options: ParseOptions, file: string, locate: ParsedTerms['locate']): Problem[] {
  const problems: Problem[] = [];
  const add = (path: Path, message: string) => problems.push({ file, ...locate(path), path: formatPath(path), message });

  if (terms.parties.length !== 2) {
    // Point at the first party too many, or at the list when there are too few.
    add(terms.parties.length > 2 ? ['parties', 2] : ['parties'], `a bilateral instrument has exactly two parties; this file lists ${terms.parties.length}`);
  }
  const ids = terms.parties.map((p) => p.id);
  terms.parties.forEach((p, i) => {
    if (ids.indexOf(p.id) !== i) add(['parties', i, 'id'], `the handle \`${p.id}\` is used by two parties; give each its own`);
  });
  const resolve = (path: Path, id: string | undefined) => {
    if (id === undefined || ids.includes(id)) return;
    const near = closest(id, ids);
    add(path, `\`${id}\` is not a party handle${near ? `: did you mean \`${near}\`?` : ''} (parties: ${ids.map((i) => `\`${i}\``).join(', ')})`);
  };
  const c = terms.cooperation;
  resolve(['cooperation', 'launch', 'launchingParty'], c?.launch?.launchingParty);
  resolve(['cooperation', 'station', 'operator'], c?.station?.operator);
  c?.launch?.procuredBy?.forEach((h, i) => resolve(['cooperation', 'launch', 'procuredBy', i], h));
  c?.spaceObjects?.forEach((o, i) => o.ownedBy.forEach((h, j) => resolve(['cooperation', 'spaceObjects', i, 'ownedBy', j], h)));
  c?.facilities?.forEach((f, i) => {
    resolve(['cooperation', 'facilities', i, 'host'], f.host);
    resolve(['cooperation', 'facilities', i, 'operator'], f.operator);
  });
  c?.implementingEntities?.forEach((e, i) => resolve(['cooperation', 'implementingEntities', i, 'party'], e.party));
  c?.costShare?.forEach((s, i) => resolve(['cooperation', 'costShare', i, 'party'], s.party));
  if (c?.costShare && c.costShare.length > 0) {
    const total = c.costShare.reduce((a, s) => a + s.percent, 0);
    if (Math.abs(total - 100) > 1e-9) add(['cooperation', 'costShare'], `the shares add up to ${total}%, not 100%`);
  }
  resolve(['jurisdiction', 'registeringParty'], terms.jurisdiction?.registeringParty);
  c?.responsibilities?.forEach((r, i) => resolve(['cooperation', 'responsibilities', i, 'party'], r.party));
  const prevailing = terms.prevailingLanguage;
  const authentic = terms.languages ?? ['en'];
  if (prevailing !== undefined && !authentic.includes(prevailing)) {
    add(['prevailingLanguage'], `\`${prevailing}\` is not one of the authentic languages (${authentic.map((l) => `\`${l}\``).join(', ')}); a prevailing text must be one of them`);
  }

  for (const field of VARIANT_FIELDS) {
    const [section, key] = field.path;
    const value = (terms as any)[section]?.[key] as string | undefined;
    if (value === undefined) continue;
    const allowed = [...new Set([...(options.variants?.[field.topic] ?? field.builtIn)])];
    if (!allowed.includes(value)) {
      const near = closest(value, allowed);
      add([section, key], `\`${value}\` is not allowed${near ? `: did you mean \`${near}\`?` : ''} (expected one of ${allowed.map((v) => `\`${v}\``).join(', ')})`);
    }
  }
  const steps = terms.disputes?.steps;
  if (steps) {
    if (steps[0] !== 'consultation') add(['disputes', 'steps'], 'the first step must be `consultation`: the parties talk before any third party is involved');
    if (new Set(steps).size !== steps.length) add(['disputes', 'steps'], 'each step may appear once');
    const order = ['consultation', 'mediation', 'arbitration'];
    if (steps.some((s, i) => i > 0 && order.indexOf(s) < order.indexOf(steps[i - 1]!))) {
      add(['disputes', 'steps'], 'steps go in the order consultation, mediation, arbitration');
    }
  }
  return problems;
}
