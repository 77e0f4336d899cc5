// Exact integer division with an explicit rounding mode. Every money and percentage computation that
// divides goes through here, so the rounding convention is always stated, never implied by a float.

/** half-even: ties to the even neighbour (banker's); half-up: ties away from zero;
 * floor: toward −∞; ceil: toward +∞; down: toward zero (truncate). */
export type Rounding = 'half-even' | 'half-up' | 'floor' | 'ceil' | 'down';

export const ROUNDINGS: readonly Rounding[] = ['half-even', 'half-up', 'floor', 'ceil', 'down'];

/** n / d rounded as asked; d must not be zero. */
export function divRound(n: bigint, d: bigint, rounding: Rounding): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const q = n / d; // BigInt division truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  const sign = n < 0n !== d < 0n ? -1n : 1n;
  switch (rounding) {
    case 'down':
      return q;
    case 'floor':
      return sign < 0n ? q - 1n : q;
    case 'ceil':
      return sign > 0n ? q + 1n : q;
    case 'half-up':
    case 'half-even': {
      const twiceR = 2n * (r < 0n ? -r : r);
      const absD = d < 0n ? -d : d;
      if (twiceR > absD) return q + sign;
      if (twiceR < absD) return q;
      if (rounding === 'half-up') return q + sign;
      return q % 2n === 0n ? q : q + sign;
    }
  }
}
