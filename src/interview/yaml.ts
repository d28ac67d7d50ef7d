import { diffArrays } from 'diff';
import { Document, isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap, type YAMLSeq } from 'yaml';
import { shapeKeys, type Path } from './fields.js';
import { deepEqual, isObj, type Obj } from './object-path.js';

/**
 * Writing the terms file. A fresh file is laid out like the examples: schema order, small mappings
 * and lists on one line. An existing file is edited in place, field by field, so its comments,
 * order and layout survive and a diff shows only the answers that changed; with no change at all,
 * the original text comes back byte for byte.
 */

const FORMAT = { lineWidth: 0, flowCollectionPadding: false } as const;
/** One-line mappings and lists up to this length, as the examples write them. */
const FLOW_WIDTH = 90;

export interface TermsFileBase {
  text: string;
  /** The file's terms as parsed. */
  terms: unknown;
}

export interface WriteOptions {
  base?: TermsFileBase;
  /** `$schema=` target for editors; only for a new file. */
  schemaRef?: string;
  /** The file's name, for the header comment of a new file. */
  fileName?: string;
}

export function renderTermsYaml(terms: Obj, options: WriteOptions = {}): string {
  const { base } = options;
  if (base) {
    if (deepEqual(base.terms, terms)) return base.text;
    // The file's own line endings (CRLF from a Windows editor) and byte-order mark are kept.
    const bom = base.text.startsWith('\uFEFF') ? '\uFEFF' : '';
    const crlf = base.text.includes('\r\n');
    const text = base.text.slice(bom.length).replace(/\r\n/g, '\n');
    const doc = parseDocument(text);
    if (isMap(doc.contents) && isObj(base.terms)) {
      const untouched = doc.toString(FORMAT);
      patchMap(doc, doc.contents, base.terms, terms, []);
      const out = keepOriginalLines(text, untouched, doc.toString(FORMAT));
      return bom + (crlf ? out.replace(/\n/g, '\r\n') : out);
    }
  }
  const doc = new Document(canonical(terms, []));
  styleFlow(doc.contents as Node, []);
  const name = options.fileName ?? 'agreement.yaml';
  doc.commentBefore = [
    ...(options.schemaRef ? [` yaml-language-server: $schema=${options.schemaRef}`] : []),
    ` Terms of the agreement, written by \`spacecoop new\`. Edit them here and run \`spacecoop draft ${name}\`,`,
    ` or run \`spacecoop new --terms ${name}\` to go through the questions again with these answers.`,
  ].join('\n');
  return doc.toString(FORMAT);
}

/**
 * The YAML library re-spaces what it re-writes (`{ a: 1 }` becomes `{a: 1}`): lines the edit did
 * not touch are taken from the original text instead, as long as the two line up one to one.
 */
function keepOriginalLines(original: string, untouched: string, edited: string): string {
  const lines = original.split('\n');
  const normal = untouched.split('\n');
  if (lines.length !== normal.length) return edited;
  const out: string[] = [];
  let k = 0;
  const style = { maps: /\{ \S/.test(original), seqs: /\[ \S/.test(original) };
  for (const part of diffArrays(normal, edited.split('\n'))) {
    if (part.added) out.push(...part.value.map((line) => restyle(line, style)));
    else if (part.removed) k += part.value.length;
    else {
      out.push(...lines.slice(k, k + part.value.length));
      k += part.value.length;
    }
  }
  return out.join('\n');
}

/**
 * A re-written line spaced like the rest of the file: `{ a: 1 }` or `{a: 1}`, `[a, b]` or `[ a, b ]`.
 * Only a value that is wholly a flow collection without quotes, where brackets cannot be text.
 */
function restyle(line: string, style: { maps: boolean; seqs: boolean }): string {
  const m = /^(\s*(?:- )?(?:[A-Za-z][\w-]*: )?)([[{].*[\]}])$/.exec(line);
  if (!m || /['"#]/.test(m[2]!)) return line;
  let value = m[2]!;
  value = style.maps ? value.replace(/\{(?! )/g, '{ ').replace(/(?<! )\}/g, ' }') : value.replace(/\{ /g, '{').replace(/ \}/g, '}');
  value = style.seqs ? value.replace(/\[(?! )/g, '[ ').replace(/(?<! )\]/g, ' ]') : value.replace(/\[ /g, '[').replace(/ \]/g, ']');
  return m[1] + value;
}

/** Object keys in the schema's order (so `id` leads a party, `form` follows `version`). */
export function canonical(value: unknown, path: Path): unknown {
  if (Array.isArray(value)) return value.map((v) => canonical(v, [...path, 0]));
  if (!isObj(value)) return value;
  const order = shapeKeys(path);
  const keys = Object.keys(value).filter((k) => value[k] !== undefined);
  keys.sort((a, b) => rank(order, a) - rank(order, b));
  return Object.fromEntries(keys.map((k) => [k, canonical(value[k], [...path, k])]));
}

const rank = (order: string[], key: string) => {
  const i = order.indexOf(key);
  return i === -1 ? order.length : i;
};

function scalarText(node: unknown): string | undefined {
  return isScalar(node) ? String(node.value) : undefined;
}

function oneLineLength(node: Node): number | undefined {
  if (isScalar(node)) return String(node.value).length;
  if (isSeq(node)) {
    if (!node.flow) return undefined;
    const parts = node.items.map((i) => oneLineLength(i as Node));
    return parts.some((p) => p === undefined) ? undefined : parts.reduce<number>((a, p) => a + p! + 2, 2);
  }
  if (isMap(node)) {
    if (!node.flow) return undefined;
    let n = 4;
    for (const pair of node.items) {
      const v = oneLineLength(pair.value as Node);
      if (v === undefined) return undefined;
      n += (scalarText(pair.key)?.length ?? 0) + 2 + v + 2;
    }
    return n;
  }
  return undefined;
}

/** Lists of plain values and small mappings inside a section go on one line, like the examples. */
function styleFlow(node: Node, path: Path): void {
  if (isMap(node)) {
    for (const pair of node.items) styleFlow(pair.value as Node, [...path, String(scalarText(pair.key))]);
    const isParty = path.length === 2 && path[0] === 'parties';
    if (path.length >= 2 && !isParty && node.items.length > 0) {
      node.flow = true;
      const n = oneLineLength(node);
      node.flow = n !== undefined && n <= FLOW_WIDTH;
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => styleFlow(item as Node, [...path, i]));
    if (node.items.length > 0 && node.items.every((i) => isScalar(i))) {
      node.flow = true;
      const n = oneLineLength(node);
      node.flow = n !== undefined && n <= FLOW_WIDTH;
    }
  }
}

function makeNode(doc: Document, value: unknown, path: Path): Node {
  const node = doc.createNode(canonical(value, path)) as Node;
  styleFlow(node, path);
  return node;
}

function patchMap(doc: Document, map: YAMLMap, before: Obj, after: Obj, path: Path): void {
  for (const key of Object.keys(before)) {
    if (before[key] !== undefined && after[key] === undefined) map.delete(key);
  }
  const order = shapeKeys(path);
  for (const key of Object.keys(after)) {
    if (after[key] === undefined) continue;
    if (before[key] !== undefined) {
      patchValue(doc, map, key, before[key], after[key], [...path, key]);
      continue;
    }
    // A new field goes where the schema order puts it, not at the end of the mapping.
    const pair = doc.createPair(key, makeNode(doc, after[key], [...path, key]));
    const at = map.items.findIndex((p) => rank(order, String(scalarText(p.key))) > rank(order, key));
    if (at === -1) map.items.push(pair as never);
    else map.items.splice(at, 0, pair as never);
  }
}

function patchValue(doc: Document, parent: YAMLMap | YAMLSeq, key: string | number, before: unknown, after: unknown, path: Path): void {
  if (deepEqual(before, after)) return;
  const node = parent.get(key as never, true) as Node | undefined;
  if (isMap(node) && isObj(before) && isObj(after)) return patchMap(doc, node, before, after, path);
  if (isSeq(node) && Array.isArray(before) && Array.isArray(after) && patchSeq(doc, node, before, after, path)) return;
  const plain = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  if (isScalar(node) && plain(after)) {
    node.value = after;
    return;
  }
  const created = makeNode(doc, after, path);
  if ((isMap(node) || isSeq(node)) && (isMap(created) || isSeq(created)) && node.flow) created.flow = true;
  parent.set(key as never, created);
}

/** Item by item when the list kept its length; an append or a single removal touches one item. */
function patchSeq(doc: Document, seq: YAMLSeq, before: unknown[], after: unknown[], path: Path): boolean {
  if (seq.items.length !== before.length) return false;
  if (before.length === after.length) {
    before.forEach((b, i) => patchValue(doc, seq, i, b, after[i], [...path, i]));
    return true;
  }
  if (after.length > before.length && before.every((b, i) => deepEqual(b, after[i]))) {
    for (let i = before.length; i < after.length; i++) seq.items.push(makeNode(doc, after[i], [...path, i]) as never);
    return true;
  }
  if (after.length === before.length - 1) {
    const k = before.findIndex((b, i) => !deepEqual(b, after[i]));
    if (before.every((b, i) => i === k || deepEqual(b, after[i < k ? i : i - 1]))) {
      seq.items.splice(k, 1);
      return true;
    }
  }
  return false;
}
