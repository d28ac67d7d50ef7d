import * as z from 'zod/mini';
import { termsSchema, VARIANT_FIELDS } from './schema.js';

export const SCHEMA_ID = 'https://spacecoop.dev/schema/terms-v1.json';

/**
 * The JSON Schema of the terms file, generated from the same zod schema the loader uses, so an
 * editor's autocompletion can never drift from what `draft` accepts. Variant fields list the
 * clause files available (built-in plus any overlay).
 */
export function termsJsonSchema(variants: Partial<Record<string, readonly string[]>> = {}): Record<string, unknown> {
  const schema = z.toJSONSchema(termsSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, any>;
  for (const field of VARIANT_FIELDS) {
    const [section, key] = field.path;
    const prop = schema.properties?.[section]?.properties?.[key];
    if (prop) prop.enum = [...(variants[field.topic] ?? field.builtIn)];
  }
  return { $schema: schema.$schema, $id: SCHEMA_ID, title: 'spacecoop terms file (version 1)', ...schema };
}
