import type { core as zcore, ZodMiniType as ZodType } from 'zod/mini';
import { formatPath } from '../terms/parse.js';
import { termsSchema } from '../terms/schema.js';

/**
 * The interview's link to the terms schema: every question names a field path, and its validator
 * and help text come from that field's zod schema. Rename or tighten a field in the schema and the
 * interview follows (or fails at load, in the tests), so the questions and the file cannot drift.
 */

export type Path = readonly (string | number)[];
export type Validator<T = unknown> = (value: T) => true | string;

function unwrap(schema: any): any {
  while (schema?.def && (schema.def.type === 'optional' || schema.def.type === 'default' || schema.def.type === 'nullable' || schema.def.type === 'pipe')) {
    schema = schema.def.type === 'pipe' ? schema.def.in : schema.def.innerType;
  }
  return schema;
}

/** The zod schema of the field at `path` (numbers index into arrays); throws for a path the schema lacks. */
export function schemaAt(path: Path): ZodType {
  let schema: any = termsSchema;
  for (const seg of path) {
    schema = unwrap(schema);
    const next = typeof seg === 'number' ? schema?.def?.element : schema?.def?.shape?.[seg];
    if (!next) throw new Error(`the terms schema has no field ${formatPath(path)}`);
    schema = next;
  }
  return schema as ZodType;
}

/** The enum values of the field at `path`, in schema order. */
export function enumValuesAt(path: Path): string[] {
  let schema: any = unwrap(schemaAt(path));
  if (schema?.def?.type === 'array') schema = unwrap(schema.def.element);
  const entries = schema?.def?.entries;
  if (!entries) throw new Error(`${formatPath(path)} is not an enumeration in the terms schema`);
  return Object.values(entries) as string[];
}

/**
 * The validator of one field, as the terms file loader applies it: `true`, or a message that reads
 * after the question ("must be at most 50", "is not a calendar date").
 */
export function validatorFor(path: Path): Validator {
  const schema = schemaAt(path);
  return (value: unknown) => {
    const result = schema.safeParse(value);
    if (result.success) return true;
    return describeIssue(result.error.issues[0]!);
  };
}

function describeIssue(issue: zcore.$ZodIssue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array') return `needs at least ${issue.minimum}`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array') return `at most ${issue.maximum}`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_type':
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'must be a number';
      return `expected ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_union': {
      const values = issue.errors.flatMap((e) => e.flatMap((i) => (i.code === 'invalid_value' ? i.values : [])));
      return values.length ? `must be ${values.slice(0, -1).map(String).join(', ')} or ${String(values[values.length - 1])}` : 'is not allowed here';
    }
    default:
      return issue.message;
  }
}

/** The keys of the object field at `path`, in schema order (the order a written file uses). */
export function shapeKeys(path: Path): string[] {
  let schema: any;
  try {
    schema = unwrap(schemaAt(path));
  } catch {
    return [];
  }
  if (schema?.def?.type === 'array') schema = unwrap(schema.def.element);
  return schema?.def?.shape ? Object.keys(schema.def.shape) : [];
}
