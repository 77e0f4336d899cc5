// How values read on screen. Dates are written with the month's name ("23 Nov 2026"), never as
// 11/23/2026 or 23/11/2026, so nobody has to guess the order. Money arrives in integer cents and
// percentages in basis points; both are read and written by the kernel's exact functions (the same code
// the server uses), never through floating-point arithmetic.
import { formatPercent, parsePercent } from '../../../kernel/basis-points.ts';
import { type CalendarDate, dateParts, dayOfWeek, diffDays, isCalendarDate } from '../../../kernel/date.ts';
import { formatMoney as kernelFormatMoney, parseMoney } from '../../../kernel/money.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The calendar date a value starts with ('2026-11-23' or '2026-11-23T…'), if it is a real one. */
function calendarDate(value: string): CalendarDate | undefined {
  const d = value.slice(0, 10);
  return isCalendarDate(d) ? d : undefined;
}

/** '2026-11-23' → '23 Nov 2026' (with the weekday: 'Mon 23 Nov 2026'). */
export function formatDate(date: string | null | undefined, opts: { weekday?: boolean } = {}): string {
  if (!date) return '—';
  const d = calendarDate(date);
  if (!d) return date;
  const { year, month, day } = dateParts(d);
  const text = `${day} ${MONTHS[month - 1]} ${year}`;
  return opts.weekday ? `${WEEKDAYS[dayOfWeek(d)]} ${text}` : text;
}

/** An instant in the viewer's time zone: '23 Nov 2026, 14:05'. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const hh = String(t.getHours()).padStart(2, '0');
  const mm = String(t.getMinutes()).padStart(2, '0');
  return `${t.getDate()} ${MONTHS[t.getMonth()]} ${t.getFullYear()}, ${hh}:${mm}`;
}

/** Whole days from `from` to `to` (calendar dates; 0 when either is not one). */
export function daysBetween(from: string, to: string): number {
  const a = calendarDate(from);
  const b = calendarDate(to);
  return a && b ? diffDays(b, a) : 0;
}

/** 'due today', 'due in 3 days', '5 days overdue' relative to `today`. */
export function dueLabel(due: string | null | undefined, today: string): string {
  if (!due) return '';
  const n = daysBetween(today, due);
  if (n === 0) return 'due today';
  if (n === 1) return 'due tomorrow';
  if (n > 1) return `due in ${n} days`;
  return n === -1 ? '1 day overdue' : `${-n} days overdue`;
}

/** 123456 → '$1,234.56' (the kernel's formatting: exact, never through a float); '—' when absent. */
export function formatMoney(cents: number | null | undefined): string {
  return Number.isSafeInteger(cents) ? kernelFormatMoney(cents as number) : '—';
}

/** 1250 basis points → '12.5%' (exact); '—' when absent. */
export function formatBasisPoints(bp: number | null | undefined): string {
  return Number.isSafeInteger(bp) ? formatPercent(bp as number) : '—';
}

/** Cents as an amount box shows them: 150000 → '1500.00' (no '$', no thousands commas). */
export function amountText(cents: number): string {
  return kernelFormatMoney(cents).replace(/[$,]/g, '');
}

/** Basis points as a percentage box shows them: 1250 → '12.5'. */
export function percentText(bp: number): string {
  return formatPercent(bp).replace('%', '');
}

/** Typed dollars → integer cents, read digit by digit by the kernel; undefined when not an amount. */
export function readAmount(text: string): number | undefined {
  try {
    // People type '$ 25', '1 234.50' or '$-5': spaces go, and the sign goes before the '$'.
    return parseMoney(text.replace(/\s+/g, '').replace(/^\$-/, '-$$'));
  } catch {
    return undefined;
  }
}

/** Typed percentage → integer basis points (at most two decimals); undefined when not one. */
export function readPercent(text: string): number | undefined {
  try {
    return parsePercent(text.replace(/\s+/g, ''));
  } catch {
    return undefined;
  }
}

/** A file size to one decimal, rounded in integer tenths: 1536 → '1.5 KB'. */
export function formatBytes(n: number): string {
  const tenths = (unit: number) => {
    const t = Math.round((n * 10) / unit);
    return `${Math.trunc(t / 10)}.${t % 10}`;
  };
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${tenths(1024)} KB`;
  return `${tenths(1024 * 1024)} MB`;
}

/** 'record.created' → 'Record created'; 'sample.disbursement' → 'Sample disbursement'. */
export function humanize(id: string): string {
  const s = id
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}
