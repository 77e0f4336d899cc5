// Money is integer cents held in a JS number that must stay a safe integer. Text is parsed by exact
// string arithmetic and products go through BigInt, so no amount ever passes through a float.
import { InvalidMoneyError } from './errors.ts';
import { divRound, type Rounding } from './rounding.ts';

export { divRound, ROUNDINGS, type Rounding } from './rounding.ts';

export type Cents = number;

const MONEY_FORM =
  'an amount like "$1,234.56", "1234.5" or "-12" (at most 2 decimals, commas only between groups of three digits)';

function checked(n: number, what: string): Cents {
  if (!Number.isSafeInteger(n)) {
    throw new InvalidMoneyError(
      `${what} is ${String(n)}, which is not a whole number of cents within ±${Number.MAX_SAFE_INTEGER}`,
      {
        value: String(n),
      },
    );
  }
  return n === 0 ? 0 : n; // never hand out -0
}

function fromBig(n: bigint, what: string): Cents {
  if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidMoneyError(
      `${what} is ${n} cents, outside the safe range ±${Number.MAX_SAFE_INTEGER} cents`,
      {
        value: n.toString(),
      },
    );
  }
  return checked(Number(n), what);
}

export function cents(n: number): Cents {
  return checked(n, 'the amount');
}

const MONEY_PATTERN = /^(-)?\$?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/;

export function parseMoney(text: string): Cents {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  const m = MONEY_PATTERN.exec(trimmed);
  if (m === null) {
    throw new InvalidMoneyError(`cannot read ${JSON.stringify(text)} as money; expected ${MONEY_FORM}`, {
      text,
    });
  }
  const whole = (m[2] ?? '0').replaceAll(',', '');
  const frac = (m[3] ?? '').padEnd(2, '0');
  const magnitude = BigInt(whole) * 100n + BigInt(frac === '' ? '0' : frac);
  return fromBig(m[1] === '-' ? -magnitude : magnitude, `the amount ${JSON.stringify(text)}`);
}

export function formatMoney(c: Cents): string {
  const v = checked(c, 'the amount to format');
  const abs = BigInt(v < 0 ? -v : v);
  const dollars = (abs / 100n).toString().replace(/\B(?=(\d{3})+$)/g, ',');
  const rest = (abs % 100n).toString().padStart(2, '0');
  return `${v < 0 ? '-' : ''}$${dollars}.${rest}`;
}

export function addMoney(...xs: Cents[]): Cents {
  return sumMoney(xs);
}

export function sumMoney(xs: Iterable<Cents>): Cents {
  let total = 0;
  for (const x of xs) {
    // a sum of two safe integers is exact whenever it is itself safe, so checking each step suffices
    total = checked(total + checked(x, 'an amount being added'), 'the sum');
  }
  return total;
}

export function subMoney(a: Cents, b: Cents): Cents {
  return checked(checked(a, 'the minuend') - checked(b, 'the subtrahend'), 'the difference');
}

export function negate(a: Cents): Cents {
  return checked(0 - checked(a, 'the amount'), 'the negated amount');
}

export function compareMoney(a: Cents, b: Cents): -1 | 0 | 1 {
  const x = checked(a, 'the first amount');
  const y = checked(b, 'the second amount');
  return x < y ? -1 : x > y ? 1 : 0;
}

export function maxMoney(first: Cents, ...rest: Cents[]): Cents {
  let best = checked(first, 'an amount');
  for (const x of rest) if (compareMoney(x, best) > 0) best = x;
  return best;
}

export function minMoney(first: Cents, ...rest: Cents[]): Cents {
  let best = checked(first, 'an amount');
  for (const x of rest) if (compareMoney(x, best) < 0) best = x;
  return best;
}

function safeInt(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n)) {
    throw new InvalidMoneyError(`${what} is ${String(n)}; expected a safe integer`, { value: String(n) });
  }
  return BigInt(n);
}

/** amount × numerator ÷ denominator, exactly, then rounded once as asked. */
export function mulDiv(amount: Cents, numerator: number, denominator: number, rounding: Rounding): Cents {
  const a = safeInt(amount, 'the amount');
  const n = safeInt(numerator, 'the numerator');
  const d = safeInt(denominator, 'the denominator');
  if (d === 0n) throw new InvalidMoneyError('the denominator is 0; expected a non-zero integer', {});
  return fromBig(divRound(a * n, d, rounding), 'the scaled amount');
}

/** Splits amount in proportion to weights by the largest-remainder method: each part is the floor
 * of its exact share (toward zero), and the leftover cents go one each to the largest remainders,
 * earlier positions first on ties, so the parts always sum exactly to the amount. */
export function allocate(amount: Cents, weights: readonly number[]): Cents[] {
  const a = safeInt(amount, 'the amount to allocate');
  if (weights.length === 0)
    throw new InvalidMoneyError('no weights given to allocate over; expected at least one', {});
  const ws = weights.map((w, i) => {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new InvalidMoneyError(`weight ${i} is ${String(w)}; expected a non-negative integer`, {
        index: i,
      });
    }
    return BigInt(w);
  });
  const total = ws.reduce((s, w) => s + w, 0n);
  if (total === 0n)
    throw new InvalidMoneyError('every weight is 0; expected at least one positive weight', {});
  const negative = a < 0n;
  const abs = negative ? -a : a;
  const parts = ws.map((w) => (abs * w) / total);
  const remainders = ws.map((w, i) => ({ i, r: (abs * w) % total }));
  let left = abs - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map((p) => fromBig(negative ? -p : p, 'an allocated part'));
}
