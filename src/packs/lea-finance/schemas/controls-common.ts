// Field builders shared by the disbursement-control schemas (cards, travel, reimbursements, checks, journal
// entries, reconciliations, gifts): a month, and the three fields a workflow stamps when a person acts.
import { z } from 'zod';
import { zCalendarDate } from '../../../kernel/index.ts';

/** A calendar month YYYY-MM (a statement month, a reconciliation month). */
export const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM');

/** Who acted (a person's name), filled in by the workflow step `act`. */
export const stampBy = (title: string, act: string) =>
  z
    .string()
    .trim()
    .min(1)
    .optional()
    .meta({
      title,
      description: `filled in by Probity with the name of the person who takes the step "${act}"`,
    });

/** When they acted (the organisation's date), filled in by the workflow step `act`. */
export const stampOn = (title: string, act: string) =>
  zCalendarDate
    .optional()
    .meta({ title, description: `filled in by Probity with the date the step "${act}" is taken` });

/** The actor's roles in the organisation when they acted; absent when unknown (imported history, the system). */
export const stampRoles = (title: string, act: string) =>
  z
    .array(z.string())
    .optional()
    .meta({
      title,
      description: `filled in by Probity with the role ids the person taking the step "${act}" holds; leave empty when unknown`,
    });

/** Describes a fact Probity derives from the organisation's other records. */
export const DERIVED =
  "filled in by Probity from the organisation's records; give it when evaluating a case on its own";
