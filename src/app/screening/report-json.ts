// A screening report as JSON: the ScreeningReport itself, with its keys in one fixed order (the order
// types.ts declares them) so two runs over the same files give the same bytes apart from the timestamps,
// and a diff of two reports lines up. Written in pieces, one hit at a time, so a large report can be
// streamed to a file or a response without building one huge string first.
import type {
  BadRow,
  HitTransaction,
  ScreenHit,
  ScreeningInput,
  ScreeningReport,
  ScreenSummary,
  UsedParameter,
} from './types.ts';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The keys of `value` listed in `order` first (those present), then any others in their own order. */
function ordered<T extends object>(value: T, order: readonly (keyof T)[]): T {
  const out: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const k of order) if (source[k as string] !== undefined) out[k as string] = source[k as string];
  for (const [k, v] of Object.entries(source)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as T;
}

const CITATION_ORDER = ['pack', 'document', 'section', 'authority', 'title'] as const;

function citations(list: ScreenHit['citations']) {
  return list.map((c) => ordered(c, CITATION_ORDER));
}

function parameter(p: UsedParameter): UsedParameter {
  return ordered(p, ['id', 'title', 'unit', 'value', 'from', 'source']);
}

function transaction(t: HitTransaction): HitTransaction {
  // `fields` keeps the ledger's column order, as the engine wrote it.
  return ordered(t, ['row', 'line', 'record', 'id', 'date', 'amountCents', 'fields']);
}

function hit(h: ScreenHit): ScreenHit {
  return ordered(
    {
      ...h,
      citations: citations(h.citations),
      parameters: h.parameters.map(parameter),
      transactions: h.transactions.map(transaction),
    },
    [
      'screen',
      'title',
      'kind',
      'severity',
      'message',
      'citations',
      'ledger',
      'key',
      'period',
      'first',
      'last',
      'count',
      'totalCents',
      'thresholdCents',
      'parameters',
      'transactions',
      'omitted',
    ],
  );
}

function input(i: ScreeningInput): ScreeningInput {
  return ordered(i, ['ledger', 'source', 'format', 'rows', 'accepted', 'rejected', 'mapping']);
}

function badRow(b: BadRow): BadRow {
  return ordered(b, ['ledger', 'line', 'record', 'column', 'reason', 'text']);
}

function screen(s: ScreenSummary): ScreenSummary {
  return ordered({ ...s, citations: citations(s.citations) }, [
    'id',
    'title',
    'description',
    'ledger',
    'kind',
    'severity',
    'citations',
    'hits',
    'listed',
    'rows',
    'milliseconds',
    'skipped',
  ]);
}

const REPORT_ORDER = [
  'pack',
  'organisation',
  'engine',
  'generatedAt',
  'from',
  'to',
  'inputs',
  'badRows',
  'badRowCount',
  'screens',
  'hits',
  'totals',
  'milliseconds',
] as const satisfies readonly (keyof ScreeningReport)[];

/** The report with every object's keys in the fixed order (what `reportJson` writes). */
export function orderedReport(report: ScreeningReport): ScreeningReport {
  return ordered(
    {
      ...report,
      pack: ordered(report.pack, ['id', 'version', 'title']),
      ...(report.organisation ? { organisation: ordered(report.organisation, ['id', 'name']) } : {}),
      inputs: report.inputs.map(input),
      badRows: report.badRows.map(badRow),
      screens: report.screens.map(screen),
      hits: report.hits.map(hit),
      totals: ordered(report.totals, ['rows', 'hits', 'violations', 'notices', 'flaggedCents']),
    },
    REPORT_ORDER,
  );
}

/** `value` pretty-printed as it sits at `depth` in the document (stringify's own indentation, no rewrite). */
function nested(value: unknown, depth: number): string {
  let wrapped: unknown = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Each level of array adds "[\n" + two spaces before and "\n" + its indentation + "]" after.
  let start = 0;
  let end = text.length;
  for (let i = 0; i < depth; i++) {
    start += 2 + 2 * (i + 1);
    end -= 2 + 2 * i;
  }
  return text.slice(start, end);
}

/**
 * The report as pretty-printed JSON, in pieces: exactly `JSON.stringify(orderedReport(report), null, 2)`
 * when joined, but each hit is its own piece.
 */
export function* reportJsonChunks(report: ScreeningReport): Generator<string> {
  const o = orderedReport(report) as unknown as Record<string, unknown>;
  const keys = Object.keys(o);
  yield '{';
  for (const [n, k] of keys.entries()) {
    const value = o[k];
    yield `\n  ${JSON.stringify(k)}: `;
    if (k === 'hits' && Array.isArray(value) && value.length > 0) {
      yield '[';
      for (const [i, h] of value.entries()) yield `${i === 0 ? '' : ','}\n    ${nested(h, 2)}`;
      yield '\n  ]';
    } else yield nested(value, 1);
    if (n < keys.length - 1) yield ',';
  }
  yield '\n}\n';
}

/** The whole report as pretty-printed JSON (with a final newline). */
export function reportJson(report: ScreeningReport): string {
  return [...reportJsonChunks(report)].join('');
}
