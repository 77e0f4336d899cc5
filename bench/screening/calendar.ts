// The calendar the benchmark ledgers are written in: every day from 2023-01-01 to 2026-12-31 as an index,
// with its ISO date, month, fiscal year (July–June) and calendar year precomputed once, so writing a row
// never builds a Date. The ledgers themselves span three fiscal years, FY2024–FY2026
// (2023-07-01 .. 2026-06-30); the days around them hold purchase-order approvals and travel returns.

const ORIGIN = Date.UTC(2023, 0, 1);
const DAY_MS = 86_400_000;

export const CALENDAR_DAYS = (Date.UTC(2026, 11, 31) - ORIGIN) / DAY_MS + 1;

/** 'YYYY-MM-DD' of each day index. */
export const ISO: readonly string[] = [];
/** 0 = Sunday … 6 = Saturday. */
export const WEEKDAY = new Uint8Array(CALENDAR_DAYS);
/** 1..12. */
export const MONTH = new Uint8Array(CALENDAR_DAYS);
export const YEAR = new Uint16Array(CALENDAR_DAYS);
/** Fiscal year named by the year it ends in: 2023-07-01 is in FY2024. */
export const FISCAL_YEAR = new Uint16Array(CALENDAR_DAYS);
/** year * 12 + (month - 1): one number per calendar month. */
export const MONTH_KEY = new Uint32Array(CALENDAR_DAYS);

const byIso = new Map<string, number>();
for (let i = 0; i < CALENDAR_DAYS; i++) {
  const d = new Date(ORIGIN + i * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + 1;
  const iso = `${y}-${String(m).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  (ISO as string[]).push(iso);
  byIso.set(iso, i);
  WEEKDAY[i] = d.getUTCDay();
  MONTH[i] = m;
  YEAR[i] = y;
  FISCAL_YEAR[i] = m >= 7 ? y + 1 : y;
  MONTH_KEY[i] = y * 12 + m - 1;
}

/** Day index of an ISO date inside the calendar; throws outside it. */
export function day(iso: string): number {
  const i = byIso.get(iso);
  if (i === undefined) throw new Error(`${iso} is outside the benchmark calendar (2023-01-01 .. 2026-12-31)`);
  return i;
}

/** First and last day of the ledgers. */
export const FIRST_DAY = day('2023-07-01');
export const LAST_DAY = day('2026-06-30');
