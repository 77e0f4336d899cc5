// The record list: filtered, sorted and paged on the server. Everything the list shows is decided by
// its URL's query string (filters, sort, page), so a dashboard count can link to exactly its records,
// the back button undoes a filter, and a filtered list can be bookmarked or sent to a colleague. The
// export links carry the same query, so a download holds exactly the records the filters select.
import { type ReactNode, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { qs } from '../api.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { type OrgState, useOrg } from '../org.tsx';
import type { JsonSchema, RecordItem } from '../types.ts';
import { useApi } from '../use-api.ts';
import { ExportLinks } from './ExportLinks.tsx';
import { NoRecordsYet } from './NewRecordLinks.tsx';
import {
  allKinds,
  dataFieldsOf,
  findKind,
  kindTitle,
  packTitle,
  type RecordPage,
  stateInfo,
  stateOptions,
} from './record-meta.ts';
import { formatFieldValue } from './SchemaForm.tsx';
import { Badge, DateText, Empty, ErrorNote, Field, Loading } from './ui.tsx';

export const SORTS = ['updatedAt', 'dueOn', 'title', 'state', 'createdAt'] as const;
type Sort = (typeof SORTS)[number];
type Dir = 'asc' | 'desc';
export const PAGE_SIZES = [25, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 25;
/** In the unitId parameter: every unit, even when the header narrows the view to one. */
export const ALL_UNITS = 'all';

/** The query-string keys that narrow the list (sort, page and page size do not). */
const FILTER_KEYS = ['pack', 'kind', 'state', 'open', 'dueFrom', 'dueTo', 'unitId', 'q'] as const;

export interface ListQuery {
  pack?: string;
  kind?: string;
  state?: string;
  open?: 'true' | 'false';
  dueFrom?: string;
  dueTo?: string;
  /** As written in the URL: a unit id, ALL_UNITS, or absent (then the header's unit applies). */
  unitId?: string;
  q?: string;
  sort: Sort;
  dir: Dir;
  page: number;
  pageSize: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Reads the list's state from a query string, ignoring what is malformed rather than failing. */
export function readQuery(search: string, fixedPack?: string): ListQuery {
  const p = new URLSearchParams(search);
  const text = (k: string) => {
    const v = p.get(k);
    return v === null || v === '' ? undefined : v;
  };
  const sort = text('sort');
  const page = Number(text('page') ?? 1);
  const pageSize = Number(text('pageSize') ?? DEFAULT_PAGE_SIZE);
  const open = text('open');
  const dueFrom = text('dueFrom');
  const dueTo = text('dueTo');
  const out: ListQuery = {
    sort: SORTS.includes(sort as Sort) ? (sort as Sort) : 'updatedAt',
    dir: text('dir') === 'asc' ? 'asc' : 'desc',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
  const pack = fixedPack ?? text('pack');
  if (pack) out.pack = pack;
  for (const k of ['kind', 'state', 'unitId', 'q'] as const) {
    const v = text(k);
    if (v) out[k] = v;
  }
  if (open === 'true' || open === 'false') out.open = open;
  if (dueFrom && DATE.test(dueFrom)) out.dueFrom = dueFrom;
  if (dueTo && DATE.test(dueTo)) out.dueTo = dueTo;
  return out;
}

/** The unit the list is narrowed to: the URL's choice, else the header's. */
function effectiveUnit(q: ListQuery, org: OrgState): string | undefined {
  if (q.unitId === ALL_UNITS) return undefined;
  return q.unitId ?? org.unitId ?? undefined;
}

/** The filters and sort as the API's list and export take them. */
function apiFilters(q: ListQuery, org: OrgState) {
  return {
    pack: q.pack,
    kind: q.kind,
    state: q.state,
    open: q.open,
    dueFrom: q.dueFrom,
    dueTo: q.dueTo,
    unitId: effectiveUnit(q, org),
    q: q.q,
    sort: q.sort,
    dir: q.dir,
  };
}

// --- columns

interface Column {
  id: string;
  label: string;
  /** The API's sort key, when the column can be sorted. */
  sort?: Sort;
  /** The export's column name. */
  exportAs: string;
  cell(r: RecordItem, org: OrgState): ReactNode;
}

const BASE_COLUMNS: Column[] = [
  {
    id: 'title',
    label: 'Title',
    sort: 'title',
    exportAs: 'title',
    cell: () => null, // the row header, drawn by the row itself
  },
  { id: 'pack', label: 'Pack', exportAs: 'pack', cell: (r, org) => packTitle(org.packs, r.pack) },
  { id: 'kind', label: 'Kind', exportAs: 'kind', cell: (r, org) => kindTitle(org.packs, r.pack, r.kind) },
  {
    id: 'state',
    label: 'State',
    sort: 'state',
    exportAs: 'state',
    cell: (r, org) => {
      const s = stateInfo(org.packs, r);
      return <Badge tone={s.final ? 'neutral' : 'info'}>{s.title}</Badge>;
    },
  },
  {
    id: 'unit',
    label: 'Unit',
    exportAs: 'unitName',
    cell: (r, org) => r.unitName ?? org.units.find((u) => u.id === r.unitId)?.name ?? '—',
  },
  { id: 'due', label: 'Due', sort: 'dueOn', exportAs: 'dueOn', cell: (r) => <DateText date={r.dueOn} /> },
  {
    id: 'updated',
    label: 'Updated',
    sort: 'updatedAt',
    exportAs: 'updatedAt',
    cell: (r) => <time dateTime={r.updatedAt}>{formatDateTime(r.updatedAt)}</time>,
  },
  {
    id: 'created',
    label: 'Created',
    sort: 'createdAt',
    exportAs: 'createdAt',
    cell: (r) => <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>,
  },
];

const DEFAULT_COLUMNS = ['title', 'pack', 'kind', 'state', 'unit', 'due', 'updated'];

/** A data field's value in a cell, as the record page shows it; a list's items joined by commas. */
function cellValue(value: unknown, schema: JsonSchema, name: string): string {
  if (Array.isArray(value))
    return value.map((v) => formatFieldValue(v, schema.items, name)).join(', ') || '—';
  return formatFieldValue(value, schema, name);
}

interface ColumnPrefs {
  base: string[];
  /** Data fields chosen per record kind ('pack/kind' → field names). */
  data: Record<string, string[]>;
}

function readPrefs(key: string): ColumnPrefs {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<ColumnPrefs> | null;
    if (v && Array.isArray(v.base)) {
      // Only lists of names survive: anything else in storage would break the table, not just the choice.
      const data: Record<string, string[]> = {};
      for (const [kind, fields] of Object.entries(v.data && typeof v.data === 'object' ? v.data : {})) {
        if (Array.isArray(fields)) data[kind] = fields.filter((f) => typeof f === 'string');
      }
      return { base: v.base.filter((x) => typeof x === 'string'), data };
    }
  } catch {
    // A damaged preference is not worth an error: fall back to the defaults.
  }
  return { base: DEFAULT_COLUMNS, data: {} };
}

/** The columns a person chose, remembered in this browser per organisation. */
function useColumnPrefs(org: string) {
  const key = `probity.recordColumns.${org}`;
  const [prefs, setPrefs] = useState<ColumnPrefs>(() => readPrefs(key));
  const update = useCallback(
    (next: ColumnPrefs) => {
      setPrefs(next);
      try {
        localStorage.setItem(key, JSON.stringify(next));
      } catch {
        // Private windows may refuse storage; the choice still holds for this visit.
      }
    },
    [key],
  );
  return [prefs, update] as const;
}

// --- the component

export function RecordList({
  fixedPack,
  headingLevel = 2,
  label = 'Records',
}: {
  /** The pack page lists one pack's records: no pack filter, and the pack is always applied. */
  fixedPack?: string;
  /** The level of the list's own heading (the page's h1 is above it). */
  headingLevel?: 2 | 3;
  label?: string;
}) {
  const org = useOrg();
  const search = useSearch();
  const [location, navigate] = useLocation();
  const query = useMemo(() => readQuery(search, fixedPack), [search, fixedPack]);
  const [prefs, setPrefs] = useColumnPrefs(org.slug);
  const ids = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  /** The current URL with some parameters changed; changing a filter returns to the first page. */
  const hrefWith = useCallback(
    (changes: Record<string, string | undefined>, keepPage = false) => {
      // Read the live query string, not the render's: a debounced search may fire after other changes.
      const p = new URLSearchParams(window.location.search);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === '') p.delete(k);
        else p.set(k, v);
      }
      if (!keepPage && !('page' in changes)) p.delete('page');
      const s = p.toString();
      return s ? `${location}?${s}` : location;
    },
    [location],
  );
  const set = useCallback(
    (changes: Record<string, string | undefined>, keepPage = false) => navigate(hrefWith(changes, keepPage)),
    [navigate, hrefWith],
  );

  // Search as the user types, but ask the server only once they pause.
  const [text, setText] = useState(query.q ?? '');
  // biome-ignore lint/correctness/useExhaustiveDependencies: follows the URL (back button, clear filters), not the typing
  useEffect(() => {
    if ((query.q ?? '') !== text.trim()) setText(query.q ?? '');
  }, [query.q]);
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === (query.q ?? '')) return;
    const timer = setTimeout(() => set({ q: wanted || undefined }), 300);
    return () => clearTimeout(timer);
  }, [text, query.q, set]);

  const filters = apiFilters(query, org);
  const url = org.api('/records') + qs({ ...filters, page: query.page, pageSize: query.pageSize });
  // Dates the wrong way round select nothing: say so next to the field instead of asking the server.
  const reversed = query.dueFrom !== undefined && query.dueTo !== undefined && query.dueTo < query.dueFrom;
  const loaded = useApi<RecordPage>(reversed ? null : url);
  const { error, loading, reload } = loaded;
  const data = reversed ? undefined : loaded.data;

  // Every record on a pack's page is of that pack: a Pack column would say the same thing on every row.
  const baseColumns = fixedPack ? BASE_COLUMNS.filter((c) => c.id !== 'pack') : BASE_COLUMNS;
  const kind = findKind(org.packs, query.pack, query.kind);
  const kindKey = query.pack && query.kind ? `${query.pack}/${query.kind}` : undefined;
  const dataFields = dataFieldsOf(kind);
  const chosenData = kindKey ? (prefs.data[kindKey] ?? []) : [];
  const columns: Column[] = [
    ...baseColumns.filter((c) => c.id === 'title' || prefs.base.includes(c.id)),
    ...dataFields
      .filter((f) => chosenData.includes(f.name))
      .map(
        (f): Column => ({
          id: `data.${f.name}`,
          label: f.title,
          exportAs: `data.${f.name}`,
          cell: (r) => cellValue(r.data?.[f.name], f.schema, f.name),
        }),
      ),
  ];
  const exportQuery = { ...filters, columns: columns.map((c) => c.exportAs).join(',') };

  const unit = effectiveUnit(query, org);
  // The filters in the disclosure that narrow the list (the pack page's own pack is not a choice).
  const inUse =
    (['kind', 'state', 'open', 'dueFrom', 'dueTo'] as const).filter((k) => query[k] !== undefined).length +
    (unit !== undefined ? 1 : 0) +
    (!fixedPack && query.pack !== undefined ? 1 : 0);
  const narrowed = inUse > 0 || query.q !== undefined;
  // On a phone the filters would fill the screen before the first record: folded there, open elsewhere.
  const [filtersOpen, setFiltersOpen] = useState(() => window.matchMedia('(min-width: 761px)').matches);
  const clearFilters = () => {
    const changes: Record<string, string | undefined> = {};
    for (const k of FILTER_KEYS) changes[k] = undefined;
    // Clearing means everything, even when the header narrows the view to a unit.
    if (org.unitId) changes.unitId = ALL_UNITS;
    setText('');
    set(changes);
  };

  const kindOptions = allKinds(org.packs, query.pack);
  const kindValue = query.kind ? (query.pack ? `${query.pack}/${query.kind}` : query.kind) : '';
  const states = stateOptions(org.packs, query.pack, query.kind);
  const severalPacks = !fixedPack && !query.pack && org.packs.length > 1;
  const dueFromError = reversed ? undefined : error?.fieldError('/dueFrom');
  const dueToError = reversed
    ? `must be on or after the “Due from” date, ${formatDate(query.dueFrom)}`
    : (error?.fieldError('/dueTo') ?? error?.fieldError('/dueOnOrBefore'));
  const fieldProblem = dueFromError !== undefined || dueToError !== undefined;

  const toggleSort = (sort: Sort) => {
    // A new column starts in the order people expect: names A→Z, due dates soonest first, changes newest.
    const dir: Dir =
      query.sort === sort
        ? query.dir === 'asc'
          ? 'desc'
          : 'asc'
        : sort === 'updatedAt' || sort === 'createdAt'
          ? 'desc'
          : 'asc';
    set({ sort, dir });
  };

  const total = data?.total ?? 0;
  // From the answer, not the URL: while the next page loads, the count still describes the rows shown.
  const shownPage = data?.page ?? query.page;
  const shownSize = data?.pageSize ?? query.pageSize;
  const first = total === 0 ? 0 : (shownPage - 1) * shownSize + 1;
  const last = Math.min(total, shownPage * shownSize);
  const pages = Math.max(1, Math.ceil(total / shownSize));
  const headingId = `${ids}-heading`;

  return (
    <section aria-labelledby={headingId} className="record-list">
      <Heading id={headingId}>{label}</Heading>
      <search className="record-filters" aria-label={`Filter ${label.toLowerCase()}`}>
        <div className="toolbar">
          <Field label="Search title or ID">
            {(p) => (
              <input
                {...p}
                type="search"
                value={text}
                onChange={(e) => setText(e.target.value)}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
          {narrowed && (
            <button type="button" onClick={clearFilters}>
              Clear filters
            </button>
          )}
        </div>
        <details
          className="filters-disclosure"
          open={filtersOpen}
          onToggle={(e) => setFiltersOpen(e.currentTarget.open)}
        >
          <summary>Filters{inUse > 0 ? ` (${inUse} in use)` : ''}</summary>
          <div className="toolbar">
            {!fixedPack && (
              <Field label="Pack">
                {(p) => (
                  <select
                    {...p}
                    value={query.pack ?? ''}
                    onChange={(e) => {
                      const pack = e.target.value || undefined;
                      const keepKind = pack && findKind(org.packs, pack, query.kind);
                      set({
                        pack,
                        kind: keepKind ? query.kind : undefined,
                        state: keepKind ? query.state : undefined,
                      });
                    }}
                  >
                    <option value="">All packs</option>
                    {org.packs.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.title}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
            {kindOptions.length > 0 && (
              <Field label="Kind">
                {(p) => (
                  <select
                    {...p}
                    value={kindValue}
                    onChange={(e) => {
                      const [pack, kind] = e.target.value ? e.target.value.split('/') : [];
                      const keepState =
                        kind && stateOptions(org.packs, pack, kind).some((s) => s.id === query.state);
                      set({
                        ...(fixedPack ? {} : { pack: pack ?? query.pack }),
                        kind,
                        state: keepState ? query.state : undefined,
                      });
                    }}
                  >
                    <option value="">All kinds</option>
                    {kindOptions.map(({ pack: p, kind: k }) => (
                      <option key={`${p.id}/${k.id}`} value={`${p.id}/${k.id}`}>
                        {severalPacks ? `${k.title} (${p.title})` : k.title}
                      </option>
                    ))}
                    {/* A kind the URL names without its pack, or that no installed pack has: still shown. */}
                    {kindValue && !kindOptions.some((o) => `${o.pack.id}/${o.kind.id}` === kindValue) && (
                      <option value={kindValue}>
                        {allKinds(org.packs).find((o) => o.kind.id === query.kind)?.kind.title ?? query.kind}
                      </option>
                    )}
                  </select>
                )}
              </Field>
            )}
            {states.length > 0 && (
              <Field label="State">
                {(p) => (
                  <select
                    {...p}
                    value={query.state ?? ''}
                    onChange={(e) => set({ state: e.target.value || undefined })}
                  >
                    <option value="">Any state</option>
                    {states.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.title}
                        {s.terminal ? ' (finished)' : ''}
                      </option>
                    ))}
                    {query.state && !states.some((s) => s.id === query.state) && (
                      <option value={query.state}>{query.state}</option>
                    )}
                  </select>
                )}
              </Field>
            )}
            <Field label="Open or finished">
              {(p) => (
                <select
                  {...p}
                  value={query.open ?? ''}
                  onChange={(e) => set({ open: e.target.value || undefined })}
                >
                  <option value="">Open and finished</option>
                  <option value="true">Open: still to do</option>
                  <option value="false">Finished</option>
                </select>
              )}
            </Field>
            <Field
              label="Due from"
              error={dueFromError}
              hint={query.dueFrom ? formatDate(query.dueFrom) : undefined}
            >
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={query.dueFrom ?? ''}
                  max={query.dueTo}
                  onChange={(e) => set({ dueFrom: e.target.value || undefined })}
                />
              )}
            </Field>
            <Field label="Due to" error={dueToError} hint={query.dueTo ? formatDate(query.dueTo) : undefined}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  value={query.dueTo ?? ''}
                  min={query.dueFrom}
                  onChange={(e) => set({ dueTo: e.target.value || undefined })}
                />
              )}
            </Field>
            {org.units.length > 0 && (
              <Field label="Unit">
                {(p) => (
                  <select
                    {...p}
                    value={unit ?? ALL_UNITS}
                    onChange={(e) => {
                      const v = e.target.value;
                      // "All units" needs saying in the URL only when the header narrows the view.
                      set({ unitId: v === ALL_UNITS ? (org.unitId ? ALL_UNITS : undefined) : v });
                    }}
                  >
                    <option value={ALL_UNITS}>All units</option>
                    {org.units.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          </div>
        </details>
      </search>

      <div className="list-bar">
        <p className="result-count" aria-live="polite" aria-atomic="true">
          {data === undefined
            ? ''
            : total === 0
              ? 'No records to show'
              : `Showing ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} ${total === 1 ? 'record' : 'records'}`}
        </p>
        <ColumnChooser
          columns={baseColumns}
          prefs={prefs}
          setPrefs={setPrefs}
          kindKey={kindKey}
          kindTitle={kind?.title}
          dataFields={dataFields}
        />
        {total > 0 && <ExportLinks url={org.api('/records/export')} query={exportQuery} />}
      </div>

      {error && !fieldProblem && !reversed && (
        <ErrorNote error={error}>
          {' '}
          <button type="button" className="link-button" onClick={reload}>
            Try again
          </button>
        </ErrorNote>
      )}
      {fieldProblem && (
        <ErrorNote>
          {reversed
            ? 'No records are shown: the “Due to” date is before the “Due from” date.'
            : 'No records are shown: the server could not use these due dates.'}{' '}
          Change one of them, or{' '}
          <button
            type="button"
            className="link-button"
            onClick={() => set({ dueFrom: undefined, dueTo: undefined })}
          >
            clear both dates
          </button>
          .
        </ErrorNote>
      )}
      {data === undefined && loading && <Loading what="records" />}
      {data !== undefined &&
        total === 0 &&
        !loading &&
        (narrowed ? (
          <Empty title="No records match these filters.">
            <p>
              Try a shorter search or a wider date range, or{' '}
              <button type="button" className="link-button" onClick={clearFilters}>
                clear filters
              </button>{' '}
              to see every record.
            </p>
          </Empty>
        ) : (
          <Empty title="No records yet.">
            <NoRecordsYet pack={fixedPack} />
          </Empty>
        ))}
      {data !== undefined && total > 0 && data.records.length === 0 && (
        <Empty title={`There is no page ${query.page}.`}>
          <p>
            <Link href={hrefWith({ page: pages > 1 ? String(pages) : undefined }, true)}>
              Go to the last page
            </Link>
          </p>
        </Empty>
      )}
      {data !== undefined && data.records.length > 0 && (
        <div className="table-wrap" aria-busy={loading}>
          <table className="data">
            <caption className="visually-hidden">
              {label}
              {query.sort
                ? `, sorted by ${sortName(query.sort)} ${query.dir === 'asc' ? 'ascending' : 'descending'}`
                : ''}
            </caption>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th
                    key={c.id}
                    scope="col"
                    aria-sort={
                      c.sort && c.sort === query.sort
                        ? query.dir === 'asc'
                          ? 'ascending'
                          : 'descending'
                        : undefined
                    }
                  >
                    {c.sort ? (
                      <button
                        type="button"
                        className="sort-button"
                        onClick={() => toggleSort(c.sort as Sort)}
                      >
                        {c.label}
                        <span aria-hidden="true" className="sort-mark">
                          {c.sort === query.sort ? (query.dir === 'asc' ? ' ▲' : ' ▼') : ' ↕'}
                        </span>
                      </button>
                    ) : (
                      c.label
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.records.map((r) => (
                <tr key={r.id} className={r.overdue ? 'overdue' : undefined}>
                  {columns.map((c) =>
                    c.id === 'title' ? (
                      <th key={c.id} scope="row">
                        <Link href={org.path(`/records/${encodeURIComponent(r.id)}`)}>{r.title}</Link>
                        {r.overdue && (
                          <>
                            {' '}
                            <Badge tone="danger">Overdue</Badge>
                          </>
                        )}
                      </th>
                    ) : (
                      <td key={c.id}>{c.cell(r, org)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data !== undefined && total > 0 && (
        <div className="pager">
          <nav aria-label={`Pages of ${label.toLowerCase()}`} className="pager-pages">
            <button
              type="button"
              disabled={query.page <= 1}
              onClick={() => set({ page: query.page > 2 ? String(query.page - 1) : undefined }, true)}
            >
              Previous page
            </button>
            <span>
              Page {Math.min(query.page, pages)} of {pages}
            </span>
            <button
              type="button"
              disabled={query.page >= pages}
              onClick={() => set({ page: String(query.page + 1) }, true)}
            >
              Next page
            </button>
          </nav>
          <div className="pager-size">
            <label htmlFor={`${ids}-size`}>Rows per page</label>{' '}
            <select
              id={`${ids}-size`}
              value={query.pageSize}
              onChange={(e) => {
                const size = Number(e.target.value);
                set({ pageSize: size === DEFAULT_PAGE_SIZE ? undefined : String(size) });
              }}
            >
              {PAGE_SIZES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
    </section>
  );
}

function sortName(sort: Sort): string {
  return {
    updatedAt: 'last change',
    dueOn: 'due date',
    title: 'title',
    state: 'state',
    createdAt: 'creation',
  }[sort];
}

function ColumnChooser({
  columns,
  prefs,
  setPrefs,
  kindKey,
  kindTitle: kindName,
  dataFields,
}: {
  columns: Column[];
  prefs: ColumnPrefs;
  setPrefs(p: ColumnPrefs): void;
  kindKey: string | undefined;
  kindTitle: string | undefined;
  dataFields: { name: string; title: string }[];
}) {
  const id = useId();
  const toggleBase = (col: string, on: boolean) => {
    const base = on ? [...prefs.base, col] : prefs.base.filter((c) => c !== col);
    setPrefs({ ...prefs, base: BASE_COLUMNS.map((c) => c.id).filter((c) => base.includes(c)) });
  };
  const chosen = kindKey ? (prefs.data[kindKey] ?? []) : [];
  const toggleData = (field: string, on: boolean) => {
    if (!kindKey) return;
    const next = on ? [...chosen, field] : chosen.filter((f) => f !== field);
    setPrefs({
      ...prefs,
      data: { ...prefs.data, [kindKey]: dataFields.map((f) => f.name).filter((f) => next.includes(f)) },
    });
  };
  return (
    <details className="columns-control">
      <summary>Columns</summary>
      <div className="columns-menu">
        <fieldset>
          <legend>Columns to show</legend>
          {columns.map((c) => (
            <div key={c.id} className="check">
              <input
                type="checkbox"
                id={`${id}-${c.id}`}
                checked={c.id === 'title' || prefs.base.includes(c.id)}
                disabled={c.id === 'title'}
                onChange={(e) => toggleBase(c.id, e.target.checked)}
              />
              <label htmlFor={`${id}-${c.id}`}>
                {c.label}
                {c.id === 'title' ? ' (always shown)' : ''}
              </label>
            </div>
          ))}
        </fieldset>
        {kindKey && dataFields.length > 0 ? (
          <fieldset>
            <legend>Fields of {kindName ?? 'this kind'}</legend>
            {dataFields.map((f) => (
              <div key={f.name} className="check">
                <input
                  type="checkbox"
                  id={`${id}-data-${f.name}`}
                  checked={chosen.includes(f.name)}
                  onChange={(e) => toggleData(f.name, e.target.checked)}
                />
                <label htmlFor={`${id}-data-${f.name}`}>{f.title}</label>
              </div>
            ))}
          </fieldset>
        ) : (
          <p className="hint">
            Choose one kind of record to add its own fields (amounts, dates…) as columns.
          </p>
        )}
        <button
          type="button"
          className="link-button"
          onClick={() => setPrefs({ base: DEFAULT_COLUMNS, data: {} })}
        >
          Reset columns
        </button>
      </div>
    </details>
  );
}
