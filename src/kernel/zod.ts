// Zod schemas for the kernel's value types, so fact and record schemas validate them the same way.
import { z } from 'zod';
import { type CalendarDate, isCalendarDate } from './date.ts';

const DATE_MESSAGE = 'expected a calendar date YYYY-MM-DD that exists';

export const zCalendarDate = z
  .string({ error: DATE_MESSAGE })
  // abort: a text that is not shaped like a date is one problem, not two with the same message.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: DATE_MESSAGE, abort: true })
  .refine((s) => isCalendarDate(s), { error: DATE_MESSAGE })
  .transform((s) => s as CalendarDate)
  // `format` reaches the JSON Schema (forms, OpenAPI): a form shows a date picker, not a text box.
  // Metadata is inherited, so a field's own .describe() or .meta({title}) keeps the format.
  .meta({ description: 'calendar date YYYY-MM-DD', format: 'date' });

/** Money: a form shows an amount in dollars and sends integer cents. */
export const zCents = z.int().meta({ description: 'amount in integer cents', format: 'cents' });

/** A rate in basis points between min and max inclusive (10% = 1000). */
export function zBasisPointsBetween(min: number, max: number) {
  return z
    .int()
    .min(min)
    .max(max)
    .meta({
      description: `rate in integer basis points (1% = 100), ${min} to ${max}`,
      format: 'basis-points',
    });
}

export const zBasisPoints = zBasisPointsBetween(0, 10000);
