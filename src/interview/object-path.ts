import type { Path } from './fields.js';

/** Plain-data helpers over the terms being built: read, set and delete by field path. */

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function getIn(root: unknown, path: Path): unknown {
  let node: unknown = root;
  for (const seg of path) {
    if (node === undefined || node === null) return undefined;
    node = (node as any)[seg];
  }
  return node;
}

export function setIn(root: Obj, path: Path, value: unknown): void {
  let node: any = root;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      node[seg] = value;
      return;
    }
    if (node[seg] === undefined || node[seg] === null) node[seg] = typeof path[i + 1] === 'number' ? [] : {};
    node = node[seg];
  });
}

/** Removes the field, then any object it leaves empty on the way up (never the root). */
export function deleteIn(root: Obj, path: Path): void {
  if (path.length === 0) return;
  const parent = getIn(root, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (isObj(parent)) delete parent[last as string];
  else return;
  if (path.length > 1 && isObj(parent) && Object.keys(parent).length === 0) deleteIn(root, path.slice(0, -1));
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}

export const clone = <T>(v: T): T => (v === undefined ? v : structuredClone(v));

/** Every leaf path whose value differs between two terms objects, for "what changed" lines. */
export function changedPaths(a: unknown, b: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (deepEqual(a, b)) return [];
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => changedPaths(a[k], b[k], [...path, k]));
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.some((x) => isObj(x))) {
    return a.flatMap((x, i) => changedPaths(x, b[i], [...path, i]));
  }
  return [path];
}
