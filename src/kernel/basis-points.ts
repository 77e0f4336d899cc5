// Percentages are integer basis points (1% = 100 bp), so rates like 12.5% stay exact.
import { InvalidPercentError } from './errors.ts';
import type { Cents } from './money.ts';
import { mulDiv } from './money.ts';
import { divRound, type Rounding } from './rounding.ts';

export type BasisPoints = number;

export const BASIS_POINTS_PER_UNIT = 10000;

export function bp(n: number): BasisPoints {
  if (!Number.isSafeInteger(n)) {
    throw new InvalidPercentError(
      `${String(n)} is not a whole number of basis points; expected an integer such as 1250 for 12.5%`,
      {
        value: String(n),
      },
    );
  }
  return n === 0 ? 0 : n;
}

const PERCENT_PATTERN = /^(-)?(\d+)(?:\.(\d{1,2}))?\s*%?$/;

export function parsePercent(text: string): BasisPoints {
  const m = PERCENT_PATTERN.exec(typeof text === 'string' ? text.trim() : '');
  if (m === null) {
    throw new InvalidPercentError(
      `cannot read ${JSON.stringify(text)} as a percentage; expected a number with at most 2 decimals, optionally followed by "%", like "12.5%" or "100"`,
      { text },
    );
  }
  const magnitude = BigInt(m[2] ?? '0') * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  const value = m[1] === '-' ? -magnitude : magnitude;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidPercentError(`the percentage ${JSON.stringify(text)} is too large`, { text });
  }
  return bp(Number(value));
}

export function formatPercent(rate: BasisPoints): string {
  const v = bp(rate);
  const abs = v < 0 ? -v : v;
  const whole = Math.trunc(abs / 100);
  const frac = (abs % 100).toString().padStart(2, '0').replace(/0+$/, '');
  return `${v < 0 ? '-' : ''}${whole}${frac === '' ? '' : `.${frac}`}%`;
}

/** amount × rate ÷ 10000, exact, rounded once. */
export function applyBasisPoints(amount: Cents, rate: BasisPoints, rounding: Rounding): Cents {
  return mulDiv(amount, bp(rate), BASIS_POINTS_PER_UNIT, rounding);
}

/** part ÷ whole in basis points, exact, rounded once. */
export function ratioInBasisPoints(part: number, whole: number, rounding: Rounding): BasisPoints {
  if (!Number.isSafeInteger(part) || !Number.isSafeInteger(whole) || whole === 0) {
    throw new InvalidPercentError(
      `cannot take the ratio ${String(part)} / ${String(whole)}; expected integers and a non-zero whole`,
      {
        part: String(part),
        whole: String(whole),
      },
    );
  }
  const r = divRound(BigInt(part) * 10000n, BigInt(whole), rounding);
  return bp(Number(r));
}
