// How values read on screen. Dates are written with the month's name ("23 Nov 2026"), never as
// 11/23/2026 or 23/11/2026, so nobody has to guess the order. Money arrives in integer cents.

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function parts(date: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

/** '2026-11-23' → '23 Nov 2026' (with the weekday: 'Mon 23 Nov 2026'). */
export function formatDate(date: string | null | undefined, opts: { weekday?: boolean } = {}): string {
  if (!date) return '—';
  const p = parts(date);
  if (!p) return date;
  const [y, m, d] = p;
  const text = `${d} ${MONTHS[m - 1]} ${y}`;
  if (!opts.weekday) return text;
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday} ${text}`;
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

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: string, to: string): number {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return 0;
  return Math.round((Date.UTC(b[0], b[1] - 1, b[2]) - Date.UTC(a[0], a[1] - 1, a[2])) / 86_400_000);
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

/** 123456 → '$1,234.56'; negative amounts keep their sign. */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return '—';
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(cents));
  const dollars = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}

/** Basis points → '12.5%'. */
export function formatBasisPoints(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '—';
  return `${(bp / 100).toFixed(2).replace(/\.?0+$/, '')}%`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
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
