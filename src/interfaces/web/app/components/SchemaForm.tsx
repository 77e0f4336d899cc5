// A form generated from a record kind's JSON Schema, which the server derives from the same Zod schema
// it validates with: the form cannot ask for fields the API would not take, and the API's field errors
// (JSON pointers such as /amountCents) land next to the fields that caused them.
//
// The form keeps a *draft*: what people typed, as typed ("25.5" in an amount box, "" for nothing yet).
// toData() turns the draft into the record's data (integer cents, numbers, dates) and says which
// entries cannot be read, so a half-typed amount is never silently sent as something else.
import { type ReactNode, useId } from 'react';
import {
  amountText,
  formatBasisPoints,
  formatDate,
  formatMoney,
  humanize,
  percentText,
  readAmount,
  readPercent,
} from '../format.ts';
import type { JsonSchema } from '../types.ts';

export type FieldType =
  | 'money'
  | 'percent'
  | 'date'
  | 'enum'
  | 'boolean'
  | 'integer'
  | 'number'
  | 'text'
  | 'object'
  | 'array'
  | 'other';

// biome-ignore lint/suspicious/noExplicitAny: a draft mirrors arbitrary record data
export type Draft = Record<string, any>;

/** Problems by JSON pointer relative to the record's data ('/amountCents', '/items/0/amount'). */
export type FieldErrors = Record<string, string>;

/** The schema behind `anyOf: [X, {type: null}]` (nullable fields), keeping the outer title and help. */
export function resolve(schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (!alternatives?.length) return schema;
  const inner = alternatives.find((a) => a.type !== 'null') ?? alternatives[0]!;
  const { anyOf: _a, oneOf: _o, ...outer } = schema;
  return { ...resolve(inner), ...outer };
}

function baseType(s: JsonSchema): string | undefined {
  return Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
}

/** How a field is entered and shown. Money is integer cents on the wire and dollars on screen. */
export function fieldType(schema: JsonSchema | undefined, key: string): FieldType {
  const s = resolve(schema);
  const t = baseType(s);
  if (t === 'integer' || t === 'number') {
    if (s.format === 'cents' || /Cents$/.test(key) || /\bcents\b/i.test(s.description ?? '')) return 'money';
    if (s.format === 'basis-points' || /BasisPoints$/.test(key)) return 'percent';
    return t === 'integer' ? 'integer' : 'number';
  }
  if (Array.isArray(s.enum)) return 'enum';
  if (t === 'string') return s.format === 'date' ? 'date' : 'text';
  if (t === 'boolean') return 'boolean';
  if (t === 'object' || s.properties) return 'object';
  if (t === 'array') return 'array';
  return 'other';
}

export function fieldLabel(schema: JsonSchema | undefined, key: string): string {
  return resolve(schema).title ?? humanize(key);
}

// The kernel's own descriptions of its value types speak to developers ("amount in integer cents");
// the form says what to type instead.
const GENERIC_HELP = [
  /^amount in integer cents$/i,
  /^calendar date YYYY-MM-DD$/i,
  /^rate in integer basis points/i,
];

/** A field's help text: its own description (capitalised), then how to enter it. */
export function fieldHint(schema: JsonSchema | undefined, type: FieldType): string | undefined {
  const d = resolve(schema).description?.trim();
  const own = d && !GENERIC_HELP.some((g) => g.test(d)) ? d.charAt(0).toUpperCase() + d.slice(1) : '';
  const how =
    type === 'money'
      ? 'In dollars and cents, for example 25.00.'
      : type === 'percent'
        ? 'A percentage, for example 12.5.'
        : '';
  const text = [own && !/[.!?]$/.test(own) ? `${own}.` : own, how].filter(Boolean).join(' ');
  return text || undefined;
}

/** The schema of the value at a path of property names and array indexes. */
export function schemaAt(schema: JsonSchema | undefined, path: readonly string[]): JsonSchema | undefined {
  let s: JsonSchema | undefined = schema;
  for (const segment of path) {
    const r = resolve(s);
    if (r.properties && segment in r.properties) s = r.properties[segment];
    else if (r.items && /^\d+$/.test(segment)) s = r.items;
    else return undefined;
  }
  return s;
}

/** A label for a dotted or pointer path: 'items.0.amount' → 'Items 1 › Amount'. */
export function pathLabel(schema: JsonSchema | undefined, path: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (/^\d+$/.test(segment)) {
      const itemTitle = resolve(resolve(schemaAt(schema, path.slice(0, i))).items).title;
      parts[Math.max(0, parts.length - 1)] = `${itemTitle ?? parts.at(-1) ?? 'Item'} ${Number(segment) + 1}`;
      continue;
    }
    parts.push(fieldLabel(schemaAt(schema, path.slice(0, i + 1)), segment));
  }
  return parts.join(' › ') || 'The record';
}

/** A value as a person reads it: money in dollars, dates with the month's name, yes or no. */
export function formatFieldValue(value: unknown, schema: JsonSchema | undefined, key: string): string {
  if (value === undefined || value === null || value === '') return '—';
  const type = fieldType(schema, key);
  if (typeof value === 'number') {
    if (type === 'money' || (schema === undefined && /Cents$/.test(key))) return formatMoney(value);
    if (type === 'percent') return formatBasisPoints(value);
    return value.toLocaleString('en-US');
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string') {
    if (type === 'date' || /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
    return value;
  }
  return JSON.stringify(value);
}

// --- draft ↔ data

function draftValue(schema: JsonSchema | undefined, key: string, value: unknown): unknown {
  const s = resolve(schema);
  const v = value === undefined ? s.default : value;
  switch (fieldType(s, key)) {
    case 'money':
      return typeof v === 'number' ? amountText(v) : '';
    case 'percent':
      return typeof v === 'number' ? percentText(v) : '';
    case 'integer':
    case 'number':
      return typeof v === 'number' ? String(v) : '';
    case 'boolean':
      return v === true;
    case 'object':
      return initialDraft(s, (v ?? {}) as Record<string, unknown>);
    case 'array':
      return Array.isArray(v) ? v.map((item) => draftValue(s.items, '', item)) : [];
    case 'other':
      return v === undefined ? '' : JSON.stringify(v);
    default:
      return v === undefined || v === null ? '' : String(v);
  }
}

/** The draft a form starts from: the record's data, else the schema's defaults, else blanks. */
export function initialDraft(schema: JsonSchema, data: Record<string, unknown> = {}): Draft {
  const draft: Draft = {};
  for (const [key, prop] of Object.entries(resolve(schema).properties ?? {})) {
    draft[key] = draftValue(prop, key, data[key]);
  }
  return draft;
}

function isBlank(draft: unknown): boolean {
  if (draft === '' || draft === undefined || draft === false) return true;
  if (Array.isArray(draft)) return draft.length === 0;
  if (typeof draft === 'object' && draft !== null) return Object.values(draft).every(isBlank);
  return false;
}

function convert(
  schema: JsonSchema | undefined,
  key: string,
  draft: unknown,
  pointer: string,
  required: boolean,
  problems: FieldErrors,
): unknown {
  const s = resolve(schema);
  const type = fieldType(s, key);
  if (typeof draft === 'string' && draft.trim() === '' && type !== 'object' && type !== 'array')
    return undefined;
  switch (type) {
    case 'money': {
      const cents = readAmount(String(draft));
      if (cents === undefined) problems[pointer] = 'Enter an amount in dollars and cents, for example 25.00.';
      return cents;
    }
    case 'percent': {
      const bp = readPercent(String(draft));
      if (bp === undefined)
        problems[pointer] = 'Enter a percentage with at most two decimals, for example 12.5.';
      return bp;
    }
    case 'integer': {
      const text = String(draft).trim();
      if (!/^-?\d+$/.test(text) || !Number.isSafeInteger(Number(text))) {
        problems[pointer] = 'Enter a whole number.';
        return undefined;
      }
      return Number(text);
    }
    case 'number': {
      const n = Number(String(draft).trim());
      if (!Number.isFinite(n)) {
        problems[pointer] = 'Enter a number.';
        return undefined;
      }
      return n;
    }
    case 'boolean':
      return draft === true;
    case 'enum': {
      const found = (s.enum ?? []).find((option) => String(option) === draft);
      return found === undefined ? draft : found;
    }
    case 'object': {
      if (!required && isBlank(draft)) return undefined;
      const out: Record<string, unknown> = {};
      const req = new Set(s.required ?? []);
      for (const [k, prop] of Object.entries(s.properties ?? {})) {
        const v = convert(prop, k, (draft as Draft)?.[k], `${pointer}/${k}`, req.has(k), problems);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'array':
      return ((draft as unknown[]) ?? []).map((item, i) => {
        const v = convert(s.items, '', item, `${pointer}/${i}`, true, problems);
        return v === undefined ? null : v;
      });
    case 'other':
      try {
        return JSON.parse(String(draft));
      } catch {
        problems[pointer] = 'Enter a valid value.';
        return undefined;
      }
    default:
      return draft;
  }
}

/** The record's data from a draft, and the entries that could not be read (by pointer). */
export function toData(
  schema: JsonSchema,
  draft: Draft,
): { data: Record<string, unknown>; problems: FieldErrors } {
  const problems: FieldErrors = {};
  const data = (convert(schema, '', draft, '', true, problems) ?? {}) as Record<string, unknown>;
  return { data, problems };
}

/** A server path ('/data/amountCents', '/body/facts/amountCents') as a pointer into the data. */
export function dataPointer(path: string, prefixes = ['/data', '/body/facts']): string | undefined {
  for (const prefix of prefixes) {
    if (path === prefix) return '';
    if (path.startsWith(`${prefix}/`)) return path.slice(prefix.length);
  }
  return undefined;
}

/** What to say about an empty field the validator refused ('Invalid input: expected string, received undefined'). */
export function friendlyMessage(message: string, type: FieldType, empty: boolean): string {
  // An empty field can only be wrong by being empty, whatever words the validator chose for it.
  if (!empty) return message;
  switch (type) {
    case 'money':
      return 'Enter an amount, for example 25.00.';
    case 'date':
      return 'Choose a date.';
    case 'enum':
      return 'Choose one of the options.';
    case 'integer':
    case 'number':
    case 'percent':
      return 'Enter a number.';
    default:
      return 'Fill this in.';
  }
}

/** The draft entry at a pointer ('' when there is none). */
export function draftAt(draft: Draft, pointer: string): unknown {
  let v: unknown = draft;
  for (const segment of pointer.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return '';
    v = (v as Record<string, unknown>)[segment];
  }
  return v ?? '';
}

function setAt(value: unknown, path: readonly string[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[Number(head)] = setAt(copy[Number(head)], rest, next);
    return copy;
  }
  const obj = (value ?? {}) as Record<string, unknown>;
  return { ...obj, [head]: setAt(obj[head], rest, next) };
}

/** The element id of a field, so error summaries can link to it. */
export function fieldId(idPrefix: string, pointer: string): string {
  return `${idPrefix}${pointer.replace(/\//g, '-') || '-root'}`;
}

// --- the form

export interface SchemaFormProps {
  schema: JsonSchema;
  draft: Draft;
  /** Called with the next draft and the pointer of the entry that changed. */
  onChange(next: Draft, pointer: string): void;
  /** Called when a field loses focus (it has been "touched"). */
  onTouch?(pointer: string): void;
  /** The messages to show, by pointer (the caller decides which problems are due to be shown). */
  errors: FieldErrors;
  /** Prefix of the fields' element ids (see fieldId). */
  idPrefix: string;
}

/** The fields of a record kind, in the schema's order; the caller supplies the <form> and its buttons. */
export function SchemaForm(props: SchemaFormProps) {
  const s = resolve(props.schema);
  const required = new Set(s.required ?? []);
  return (
    <>
      {/* Read-only fields are Probity's to fill in (derived facts, workflow stamps): shown on the record, not here. */}
      {Object.entries(s.properties ?? {})
        .filter(([, prop]) => prop.readOnly !== true)
        .map(([key, prop]) => (
          <Node
            key={key}
            {...props}
            schema={prop}
            name={key}
            pointer={`/${key}`}
            value={props.draft[key]}
            required={required.has(key)}
          />
        ))}
    </>
  );
}

interface NodeProps extends Omit<SchemaFormProps, 'schema'> {
  schema: JsonSchema;
  name: string;
  pointer: string;
  value: unknown;
  required: boolean;
  /** Overrides the label (items of a list: "Item 2"). */
  label?: string;
}

function Node(props: NodeProps) {
  const { schema, name, pointer, value, draft, onChange, onTouch } = props;
  const s = resolve(schema);
  const type = fieldType(s, name);
  const label = props.label ?? fieldLabel(s, name);
  const hint = fieldHint(s, type);
  const error = props.errors[pointer];
  const set = (next: unknown) => onChange(setAt(draft, pointer.split('/').slice(1), next) as Draft, pointer);
  const id = fieldId(props.idPrefix, pointer);

  if (type === 'object') {
    const req = new Set(s.required ?? []);
    return (
      <fieldset className="subform" id={id}>
        <legend>{label}</legend>
        {hint && <div className="hint">{hint}</div>}
        {error && <div className="field-error">{error}</div>}
        {Object.entries(s.properties ?? {}).map(([key, prop]) => (
          <Node
            key={key}
            {...props}
            label={undefined}
            schema={prop}
            name={key}
            pointer={`${pointer}/${key}`}
            value={(value as Draft | undefined)?.[key]}
            required={req.has(key)}
          />
        ))}
      </fieldset>
    );
  }

  if (type === 'array') {
    const items = (Array.isArray(value) ? value : []) as unknown[];
    const itemSchema = resolve(s.items);
    const itemName = itemSchema.title ?? 'Item';
    const add = () => {
      set([...items, draftValue(itemSchema, '', undefined)]);
      // Put the person in the new item's first field, so adding one continues where they type.
      requestAnimationFrame(() => {
        const item = document.getElementById(fieldId(props.idPrefix, `${pointer}/${items.length}`));
        const first = item?.matches('input,select,textarea')
          ? item
          : item?.querySelector<HTMLElement>('input,select,textarea');
        first?.focus();
      });
    };
    const remove = (i: number) => {
      set(items.filter((_, j) => j !== i));
      requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
    };
    return (
      <fieldset className="subform repeat" id={id}>
        <legend>
          {label}
          {props.required && <span className="visually-hidden"> (required)</span>}
        </legend>
        {hint && <div className="hint">{hint}</div>}
        {error && <div className="field-error">{error}</div>}
        {items.length === 0 ? (
          <p className="hint">None yet.</p>
        ) : (
          <ol className="repeat-items">
            {items.map((item, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity but their place
              <li key={i} className="repeat-item">
                <Node
                  {...props}
                  schema={itemSchema}
                  name=""
                  pointer={`${pointer}/${i}`}
                  value={item}
                  required
                  label={`${itemName} ${i + 1}`}
                />
                <button type="button" className="danger" onClick={() => remove(i)}>
                  Remove {itemName.toLowerCase()} {i + 1}
                </button>
              </li>
            ))}
          </ol>
        )}
        <button type="button" id={`${id}-add`} onClick={add}>
          Add {items.length ? 'another' : /^[aeiou]/i.test(itemName) ? 'an' : 'a'} {itemName.toLowerCase()}
        </button>
      </fieldset>
    );
  }

  return (
    <Leaf
      id={id}
      label={label}
      hint={hint}
      error={error}
      required={props.required}
      type={type}
      schema={s}
      value={value}
      set={set}
      touch={() => onTouch?.(pointer)}
    />
  );
}

function Leaf({
  id,
  label,
  hint,
  error,
  required,
  type,
  schema,
  value,
  set,
  touch,
}: {
  id: string;
  label: string;
  hint: string | undefined;
  error: string | undefined;
  required: boolean;
  type: FieldType;
  schema: JsonSchema;
  value: unknown;
  set(next: unknown): void;
  touch(): void;
}) {
  const own = useId();
  const hintId = `${own}-hint`;
  const errorId = `${own}-error`;
  const echoId = `${own}-echo`;
  const text = typeof value === 'string' ? value : '';
  // Browsers write a date box's value in the viewer's locale order (11/20/2026 or 20/11/2026); the
  // echo under it says the date with the month's name so nobody has to guess.
  const echo = type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(text) ? formatDate(text, { weekday: true }) : '';
  const describedBy =
    [hint ? hintId : '', echo ? echoId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    onBlur: touch,
  };
  // Said under every kind of control, and named by aria-describedby above.
  const hintNote = hint && (
    <div className="hint" id={hintId}>
      {hint}
    </div>
  );
  const errorNote = error && (
    <div className="field-error" id={errorId}>
      {error}
    </div>
  );
  let control: ReactNode;
  switch (type) {
    case 'boolean':
      return (
        <div className={error ? 'field check-field invalid' : 'field check-field'}>
          <div className="check-row">
            <input
              {...common}
              type="checkbox"
              checked={value === true}
              onChange={(e) => {
                set(e.target.checked);
                touch();
              }}
            />
            <label htmlFor={id}>{label}</label>
          </div>
          {hintNote}
          {errorNote}
        </div>
      );
    case 'enum':
      control = (
        <select
          {...common}
          required={required}
          value={text}
          onChange={(e) => {
            set(e.target.value);
            touch();
          }}
        >
          <option value="">{required ? 'Choose…' : '(none)'}</option>
          {(schema.enum ?? []).map((option) => (
            <option key={String(option)} value={String(option)}>
              {typeof option === 'string' ? humanize(option) : String(option)}
            </option>
          ))}
        </select>
      );
      break;
    case 'date':
      control = (
        <input
          {...common}
          type="date"
          required={required}
          value={text}
          onChange={(e) => {
            set(e.target.value);
            touch();
          }}
        />
      );
      break;
    case 'money':
      control = (
        <div className="money-input">
          <span aria-hidden="true">$</span>
          <input
            {...common}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            required={required}
            value={text}
            onChange={(e) => set(e.target.value)}
          />
        </div>
      );
      break;
    case 'percent':
      control = (
        <div className="money-input">
          <input
            {...common}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            required={required}
            value={text}
            onChange={(e) => set(e.target.value)}
          />
          <span aria-hidden="true">%</span>
        </div>
      );
      break;
    case 'integer':
    case 'number':
      control = (
        <input
          {...common}
          type="text"
          inputMode={type === 'integer' ? 'numeric' : 'decimal'}
          autoComplete="off"
          required={required}
          value={text}
          onChange={(e) => set(e.target.value)}
        />
      );
      break;
    default:
      control =
        (schema.maxLength ?? 0) > 200 || type === 'other' ? (
          <textarea {...common} required={required} value={text} onChange={(e) => set(e.target.value)} />
        ) : (
          <input
            {...common}
            type="text"
            required={required}
            value={text}
            onChange={(e) => set(e.target.value)}
          />
        );
  }
  return (
    <div className={error ? 'field invalid' : 'field'}>
      <div className="label-row">
        <label htmlFor={id}>{label}</label>
        {/* Outside the label so the field's name stays the label; `required` is announced. */}
        {required && (
          <span className="required" aria-hidden="true">
            *
          </span>
        )}
      </div>
      {hintNote}
      {control}
      {echo && (
        <div className="hint date-echo" id={echoId}>
          {echo}
        </div>
      )}
      {errorNote}
    </div>
  );
}
