import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { core as zcore } from 'zod/mini';
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
  const nul = source.indexOf('\u0000');
  if (nul >= 0) {
    const lc = lineCounterOf(source);
    const { line, col } = lc.linePos(nul);
    throw termsError(file, [{ file, line, column: col, message: 'a NUL character, which is not text: remove it (the file may have been saved in another encoding)' }]);
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
    else if (/multiple documents/i.test(msg)) {
      problems.push({ file, ...at(err.pos[0]), message: 'a second YAML document starts here (`---`): a terms file is one document; remove the `---` line and keep the fields in one part' });
    } else problems.push({ file, ...at(err.pos[0]), message: `YAML syntax: ${msg}` });
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

  checkTags(doc, source, file, at, problems);
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

  const result = termsSchema.safeParse(data, { jitless: true });
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

function lineCounterOf(source: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/** A YAML tag (`!!js/function`, `!party`, even `!!str`) is an instruction to a loader, not data: refused with its line. */
function checkTags(doc: Document, source: string, file: string, at: (o: number | undefined) => { line?: number; column?: number }, problems: Problem[]): void {
  visit(doc, (_key, node) => {
    const n = node as Node & { tag?: string; srcToken?: { props?: { type: string; source: string; offset: number }[] } };
    if (!n || typeof n !== 'object' || !('tag' in n) || !n.tag) return;
    const prop = n.srcToken?.props?.find((t) => t.type === 'tag');
    const shown = prop?.source ?? n.tag.replace(/^tag:yaml\.org,2002:/, '!!');
    const end = n.range?.[0] ?? 0;
    const found = source.lastIndexOf(shown, end);
    problems.push({ file, ...at(found >= 0 && end - found < 200 ? found : end), message: `the YAML tag \`${shown}\` is not data; spacecoop reads plain values: remove the tag (quote the value if it is text)` });
  });
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

/** More compact sequence dashes in a row than MAX_LEXICAL_DEPTH, anywhere. */
const DEEP_DASHES = new RegExp(`(?:-[ \\t]+){${MAX_LEXICAL_DEPTH + 1}}`);

/**
 * Offset where flow brackets (`[[[[`) or compact sequences (`- - - -`) nest deeper than any terms
 * file could, found by a scan that skips quoted text and comments, so the recursive parser never
 * sees them. A heuristic: a line starting in column 0 starts afresh, and an unbalanced bracket in
 * plain text counts, which is why the bound is twice the structural one.
 */
function lexicalDepthProblem(source: string): number | undefined {
  // Nothing to find (every real terms file): the depth only grows at a bracket, so it cannot pass
  // the bound with fewer brackets than that in the whole file, nor can a line hold more dashes than
  // the file does in a row. The scan below runs only for the rest.
  let brackets = 0;
  for (let i = 0; i < source.length && brackets <= MAX_LEXICAL_DEPTH; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) brackets++;
  }
  if (brackets <= MAX_LEXICAL_DEPTH && !DEEP_DASHES.test(source)) return undefined;
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
        const sentence = restOfSentence(doc, path, key);
        if (sentence) {
          return {
            file,
            ...kpos,
            path: formatPath([...path, sentence.previous]),
            message: `\`${key}\` reads as the rest of a sentence: inside \`{ ... }\` a comma ends a value, so \`${sentence.previous}\` stopped at the comma. Quote the value: ${sentence.previous}: "${sentence.text}"`,
          };
        }
        return {
          file,
          ...kpos,
          path: formatPath([...path, key]),
          message: `unknown key \`${key}\`${near ? `: did you mean \`${near}\`?` : `; allowed here: ${allowed.map((k) => `\`${k}\``).join(', ')}`}`,
        };
      });
    }
    case 'invalid_union':
    case 'invalid_value': {
      const values = issue.code === 'invalid_value' ? issue.values : literalValues(issue);
      if (!values.length) return [{ file, ...pos, path: p, message: `${issue.message}${isScalar(node) ? ` (got ${show(node.value)})` : ''}` }];
      const allowed = values.map(String);
      const got = isScalar(node) ? String(node.value) : undefined;
      if (isScalar(node) && typeof node.value === 'string' && values.every((v) => typeof v === 'number')) {
        const n = Number(node.value);
        const list = orList(allowed);
        return [{ file, ...pos, path: p, message: Number.isFinite(n) && node.value.trim() !== '' && allowed.includes(String(n)) ? `must be a number, not text: write ${n} without quotes (expected ${list})` : `must be a number: ${list} (got the text ${JSON.stringify(node.value)})` }];
      }
      if (values.every((v) => typeof v === 'number')) return [{ file, ...pos, path: p, message: `${got !== undefined ? `${show(isScalar(node) ? node.value : got)} is not allowed; ` : ''}expected ${orList(allowed)}` }];
      const near = got !== undefined ? closest(got, allowed) : undefined;
      const list = allowed.map((v) => `\`${v}\``).join(', ');
      if (got !== undefined && near) return [{ file, ...pos, path: p, message: `\`${got}\` is not allowed: did you mean \`${near}\`? (expected one of ${list})` }];
      return [{ file, ...pos, path: p, message: `${got !== undefined ? `\`${got}\` is not allowed; ` : ''}expected one of ${list}` }];
    }
    case 'invalid_type': {
      const got = isScalar(node) ? show(node.value) : isSeq(node) ? 'a list' : isMap(node) ? 'a mapping' : 'nothing';
      if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) {
        return [{ file, ...pos, path: p, message: `expected a finite number, got ${got}` }];
      }
      if (issue.expected === 'number' && isScalar(node) && typeof node.value === 'string' && node.value.trim() !== '' && Number.isFinite(Number(node.value))) {
        return [{ file, ...pos, path: p, message: `must be a number, not text: write ${Number(node.value)} without quotes` }];
      }
      const missing = node === undefined || (path.length > 0 && nodeAt(doc, path.slice(0, -1)) === node);
      if (missing) return [{ file, ...at(nodeAt(doc, path.slice(0, -1))?.range?.[0]), path: p, message: `is required (${describeExpected(issue.expected)})` }];
      return [{ file, ...pos, path: p, message: `expected ${describeExpected(issue.expected)}, got ${got}` }];
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
      const got = isScalar(node) ? ` (got ${show(node.value)})` : '';
      const what =
        issue.origin === 'array' ? `${small ? 'at least' : 'at most'} ${bound} item${bound === 1 ? '' : 's'}`
        : issue.origin === 'string' ? (small && bound === 1 ? 'must not be empty' : `${small ? 'at least' : 'at most'} ${bound} characters`)
        : `${small ? 'at least' : 'at most'} ${bound}`;
      return [{ file, ...pos, path: p, message: what.startsWith('must') ? what : `must be ${what}${got}` }];
    }
    default: {
      // A format or refinement message says what is expected; the value says what was found.
      const value = isScalar(node) ? node.value : undefined;
      // "EN", "Zh": a language code in the wrong case is the code; say which.
      const languageField = path[0] === 'languages' || path[0] === 'prevailingLanguage';
      const lower = languageField && typeof value === 'string' && ISO_639_1.has(value.toLowerCase()) ? value.toLowerCase() : undefined;
      return [{ file, ...pos, path: p, message: `${issue.message}${isScalar(node) && node.value !== null ? ` (got ${show(node.value)}${lower ? `; write \`${lower}\`` : ''})` : ''}` }];
    }
  }
}

/** A scalar as the user wrote it: `.inf`, `.nan`, "text", 12. */
function show(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? '`.nan`' : value === Infinity ? '`.inf`' : value === -Infinity ? '`-.inf`' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return `\`${String(value)}\``;
}

/** "1, 3 or 5". */
const orList = (xs: string[]) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** The literal values a union of literals accepts (arbitrators: 1, 3 or 5). */
function literalValues(issue: zcore.$ZodIssue): (string | number)[] {
  const errors = (issue as { errors?: zcore.$ZodIssue[][] }).errors ?? [];
  return errors.flat().flatMap((e) => (e.code === 'invalid_value' ? (e.values as (string | number)[]) : []));
}

/**
 * In a flow mapping (`{ description: joint development, launch and operation }`) a comma ends the
 * value, and the rest becomes a key with no value. Such a key, with spaces in it, following a
 * text value, is the rest of that sentence: returns the key it belongs to and the whole text.
 */
function restOfSentence(doc: Document, path: Path, key: string): { previous: string; text: string } | undefined {
  const map = nodeAt(doc, path);
  if (!isMap(map) || !map.flow || !/\s/.test(key.trim())) return undefined;
  const i = map.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === key);
  if (i <= 0) return undefined;
  const pair = map.items[i]!;
  if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) return undefined;
  // Back over any other stray parts of the same sentence to the key that holds its start.
  const parts = [key];
  let j = i - 1;
  for (; j >= 0; j--) {
    const q = map.items[j]!;
    const v = q.value;
    if (v === null || (isScalar(v) && v.value === null)) parts.unshift(String((q.key as { value?: unknown })?.value));
    else break;
  }
  const holder = map.items[j];
  if (!holder || !isScalar(holder.value) || typeof holder.value.value !== 'string') return undefined;
  return { previous: String((holder.key as { value?: unknown }).value), text: [holder.value.value, ...parts].join(', ') };
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
  problems.push(...checkLanguages(terms, file, locate), ...checkVisible(terms, file, locate), ...checkDates(terms, file, locate));
  // A Chinese list has one entry for each English one, in the same order: an extra entry has nothing to stand beside.
  const zhList = (path: Path, en: readonly string[] | undefined, zh: readonly string[] | undefined, what: string) => {
    if (zh && zh.length > (en?.length ?? 0)) add(path, `has ${zh.length} ${what}s in Chinese for ${en?.length ?? 0} in English; give one Chinese ${what} for each English one, in the same order`);
  };
  zhList(['cooperation', 'zh', 'objectives'], terms.cooperation?.objectives, terms.cooperation?.zh?.objectives, 'objective');
  (terms.cooperation?.responsibilities ?? []).forEach((r, i) => zhList(['cooperation', 'responsibilities', i, 'zh', 'tasks'], r.tasks, r.zh?.tasks, 'task'));
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

/** ISO 639-1: every two-letter language code. */
const ISO_639_1 = new Set(
  ('aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ' +
    'ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv ' +
    'mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss ' +
    'st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu').split(' '),
);

/** Each language an ISO 639-1 code, and each once. */
function checkLanguages(terms: Terms, file: string, locate: ParsedTerms['locate']): Problem[] {
  const out: Problem[] = [];
  const seen = new Map<string, number>();
  (terms.languages ?? []).forEach((code, i) => {
    const where = { file, ...locate(['languages', i]), path: formatPath(['languages', i]) };
    if (!/^[a-z]{2}$/.test(code)) return; // the schema says what a code looks like
    if (!ISO_639_1.has(code)) {
      const near = closest(code, [...ISO_639_1]);
      out.push({ ...where, message: `\`${code}\` is not an ISO 639-1 language code${near ? `: did you mean \`${near}\`?` : ''} (e.g. \`en\` English, \`fr\` French, \`zh\` Chinese)` });
    } else if (seen.has(code)) out.push({ ...where, message: `\`${code}\` is listed twice (first as languages[${seen.get(code)}]); each authentic language once` });
    if (!seen.has(code)) seen.set(code, i);
  });
  return out;
}

/**
 * Characters that always show: printable ASCII, Latin, Greek and Cyrillic letters, dashes, quotes
 * and other visible punctuation, CJK ideographs and punctuation, kana, Hangul syllables, fullwidth
 * forms. None is a space, a format character, a combining mark or a filler, so a text holding one
 * is not made only of characters that show nothing.
 */
export const SHOWS_SOMETHING = /[\x21-\x7E\u00C0-\u024F\u0391-\u03C9\u0410-\u044F\u2010-\u2027\u2030-\u205E\u3001-\u3029\u3030-\u303F\u3041-\u3096\u30A1-\u30FA\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFF5E]/;
/** Characters that show nothing: spaces, format characters (zero-width, bidi controls), fillers. */
export const INVISIBLE = /^[\s\p{Cf}\p{Zs}\p{Mn}\u115F\u1160\u3164\uFFA0\u2800\u180E]*$/u;
const INVISIBLE_NAMES: Record<number, string> = {
  0x00a0: 'NO-BREAK SPACE', 0x00ad: 'SOFT HYPHEN', 0x034f: 'COMBINING GRAPHEME JOINER', 0x061c: 'ARABIC LETTER MARK', 0x115f: 'HANGUL CHOSEONG FILLER',
  0x1160: 'HANGUL JUNGSEONG FILLER', 0x180e: 'MONGOLIAN VOWEL SEPARATOR', 0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER', 0x200e: 'LEFT-TO-RIGHT MARK', 0x200f: 'RIGHT-TO-LEFT MARK', 0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING', 0x202c: 'POP DIRECTIONAL FORMATTING', 0x202d: 'LEFT-TO-RIGHT OVERRIDE', 0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER', 0x2061: 'FUNCTION APPLICATION', 0x2062: 'INVISIBLE TIMES', 0x2063: 'INVISIBLE SEPARATOR', 0x2064: 'INVISIBLE PLUS',
  0x2066: 'LEFT-TO-RIGHT ISOLATE', 0x2067: 'RIGHT-TO-LEFT ISOLATE', 0x2068: 'FIRST STRONG ISOLATE', 0x2069: 'POP DIRECTIONAL ISOLATE',
  0x2800: 'BRAILLE PATTERN BLANK', 0x3000: 'IDEOGRAPHIC SPACE', 0x3164: 'HANGUL FILLER', 0xfeff: 'ZERO WIDTH NO-BREAK SPACE', 0xffa0: 'HALFWIDTH HANGUL FILLER',
};

/** "U+200B ZERO WIDTH SPACE, U+2060 WORD JOINER": the distinct characters of `text`, named. */
export function nameCharacters(text: string): string {
  const cps = [...new Set([...text].map((c) => c.codePointAt(0)!))].filter((c) => c !== 0x20);
  return cps.map((c) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}${INVISIBLE_NAMES[c] ? ` ${INVISIBLE_NAMES[c]}` : ''}`).join(', ');
}

/** No text field may be made only of characters nobody can see. */
function checkVisible(terms: Terms, file: string, locate: ParsedTerms['locate']): Problem[] {
  const out: Problem[] = [];
  const walk = (v: unknown, path: Path) => {
    if (typeof v === 'string') {
      // A string with one plainly visible character shows something (almost all do), and is not
      // tested against INVISIBLE, whose Unicode classes cost milliseconds to compile at start.
      if (v !== '' && !SHOWS_SOMETHING.test(v) && INVISIBLE.test(v) && /[^ ]/.test(v)) {
        out.push({ file, ...locate(path), path: formatPath(path), message: `is made only of characters that show nothing (${nameCharacters(v)}); write the text itself` });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(terms, []);
  return out;
}

/** The first satellite was launched in 1957: no space cooperation instrument is dated before it. */
export const EARLIEST_YEAR = 1957;
const LATEST_YEAR = 2200;

function checkDates(terms: Terms, file: string, locate: ParsedTerms['locate']): Problem[] {
  const out: Problem[] = [];
  const walk = (v: unknown, path: Path) => {
    if (typeof v === 'string' && path[path.length - 1] === 'date' && /^\d{4}-/.test(v)) {
      const year = Number(v.slice(0, 4));
      if (year < EARLIEST_YEAR || year > LATEST_YEAR) {
        out.push({ file, ...locate(path), path: formatPath(path), message: `the year ${year} cannot be right for a space cooperation instrument (expected ${EARLIEST_YEAR} to ${LATEST_YEAR}, e.g. 2027-03-15)` });
      }
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(terms, []);
  return out;
}
