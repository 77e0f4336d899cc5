// Small ledgers for the screening tests: rows written as CSV into a temporary folder (every canonical
// column of the ledger as a header, so a row gives only what its case needs), one screenFiles run over
// them, and the hits of one screen picked out by its short name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { leaFinancePack } from '../../packs/lea-finance/index.ts';
import { type FileScreeningOptions, screenFiles } from './run-files.ts';
import type { ScreenHit, ScreeningReport } from './types.ts';

export type Row = Readonly<Record<string, string | number | undefined>>;
export type LedgerId = 'disbursements' | 'pcard' | 'travel' | 'gifts';
export type LedgerRows = Partial<Record<LedgerId, readonly Row[]>>;

/** A folder removed when the test ends. */
export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'probity-screening-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** The canonical column names of a lea-finance ledger, in its order. */
export function columnsOf(ledger: LedgerId): string[] {
  const l = leaFinancePack.ledgers?.find((x) => x.id === ledger);
  if (l === undefined) throw new Error(`lea-finance has no ledger ${ledger}`);
  return l.columns.map((c) => c.name);
}

/** A CSV field as a spreadsheet writes it: quoted when it holds the delimiter, a quote or a line break. */
export function field(value: string | number | undefined, delimiter = ','): string {
  const s = value === undefined ? '' : String(value);
  return s.includes(delimiter) || /["\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvText(
  columns: readonly string[],
  rows: readonly Row[],
  opts: { delimiter?: string; eol?: string } = {},
): string {
  const d = opts.delimiter ?? ',';
  const eol = opts.eol ?? '\n';
  const lines = [columns.map((c) => field(c, d)).join(d)];
  for (const r of rows) {
    const unknown = Object.keys(r).filter((k) => !columns.includes(k));
    if (unknown.length) throw new Error(`fixture row names columns the file lacks: ${unknown.join(', ')}`);
    lines.push(columns.map((c) => field(r[c], d)).join(d));
  }
  return lines.join(eol) + eol;
}

/** Writes each ledger's rows as `<ledger>.csv` with all its canonical columns; returns the files option. */
export function writeLedgers(dir: string, ledgers: LedgerRows): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [id, rows] of Object.entries(ledgers) as [LedgerId, readonly Row[]][]) {
    const path = join(dir, `${id}.csv`);
    writeFileSync(path, csvText(columnsOf(id), rows));
    files[id] = path;
  }
  return files;
}

export type ScreenOptions = Omit<FileScreeningOptions, 'pack' | 'files'>;

/** One run of the lea-finance screens over the rows, through CSV files as a user gives them. */
export async function screenRows(
  t: { after(fn: () => void): void },
  ledgers: LedgerRows,
  opts: ScreenOptions = {},
): Promise<ScreeningReport> {
  const files = writeLedgers(tempDir(t), ledgers);
  return screenFiles({ pack: leaFinancePack, files, ...opts });
}

export const SCREEN_PREFIX = 'lea-finance.screen.';

/** The hits of one screen, by its short name ('split-purchase'). */
export function hitsOf(report: ScreeningReport, name: string): ScreenHit[] {
  return report.hits.filter((h) => h.screen === `${SCREEN_PREFIX}${name}`);
}

/** The short names of the screens with hits, one per hit, sorted. */
export function screensHit(report: ScreeningReport): string[] {
  return report.hits.map((h) => h.screen.slice(SCREEN_PREFIX.length)).sort();
}

/** Each hit's transaction ids: the shape most cases assert. */
export function idsOf(hits: readonly ScreenHit[]): string[][] {
  return hits.map((h) => h.transactions.map((x) => x.id));
}

/** A parameter a hit was judged by, as [id, value, source, from]. */
export function paramsOf(hit: ScreenHit): [string, unknown, string, string][] {
  return hit.parameters.map((p) => [p.id, p.value, p.source, p.from]);
}
