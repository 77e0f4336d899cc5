// A record kind's data schema as JSON Schema, for the browser's forms and for the export's column
// titles. Zod 4 converts the pack's own schema, so the form, the validation and the API cannot drift:
// field labels come from .meta({ title }) and help texts from .describe(); the kernel's value types say
// `format: 'date'` (a calendar date), `'cents'` (money in integer cents) or `'basis-points'`.
import { z } from 'zod';
import type { RecordKind } from '../packs/framework.ts';
import type { App } from './app.ts';

export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  [key: string]: unknown;
}

/** The fields only a workflow step writes (who acted, when, in which roles), each with its step: a
 * person cannot type them. */
export function stampSteps(rk: RecordKind): Map<string, string> {
  const fields = new Map<string, string>();
  for (const [step, st] of Object.entries(rk.stamps ?? {})) {
    const s = typeof st === 'string' ? { by: st } : st;
    for (const f of [s.by, s.on, s.roles]) if (f !== undefined) fields.set(f, step);
  }
  return fields;
}

export const stampedFields = (rk: RecordKind): string[] => [...stampSteps(rk).keys()];

const cache = new WeakMap<RecordKind, JsonSchema>();

export function recordKindSchema(rk: RecordKind): JsonSchema {
  let schema = cache.get(rk);
  if (!schema) {
    // io 'input': what a form sends (a field with a default is optional); a refinement or transform the
    // JSON Schema cannot express becomes "anything" rather than an error, and the server still checks it.
    schema = z.toJSONSchema(rk.schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    // Facts Probity derives from other records, and the names and dates the workflow's steps stamp, are
    // computed, not typed in: forms leave them out.
    for (const name of [...(rk.related ?? []).map((d) => d.into), ...stampedFields(rk)]) {
      const prop = schema.properties?.[name];
      if (prop) prop.readOnly = true;
    }
    cache.set(rk, schema);
  }
  return schema;
}

/** Stored values whose unit a column title must name: an amount of 4280 is $42.80, a rate of 250 is 2.5%. */
const STORED_UNIT = new Map([
  ['cents', 'cents'],
  ['basis-points', 'basis points'],
]);

/**
 * Top-level fields of the record kinds' data (of one pack or kind when given), with their titles as a
 * table's header shows them: 'Amount (cents)' for a field stored in integer cents.
 */
export function dataFields(app: App, only: { pack?: string | undefined; kind?: string | undefined } = {}) {
  const fields = new Map<string, string>();
  for (const mod of app.packs) {
    if (only.pack && mod.pack.manifest.id !== only.pack) continue;
    for (const rk of Object.values(mod.records ?? {})) {
      if (only.kind && rk.id !== only.kind) continue;
      for (const [name, prop] of Object.entries(recordKindSchema(rk).properties ?? {})) {
        if (fields.has(name)) continue;
        const unit = prop.format === undefined ? undefined : STORED_UNIT.get(prop.format);
        const title = prop.title ?? name;
        fields.set(name, unit === undefined ? title : `${title} (${unit})`);
      }
    }
  }
  return fields;
}
