// Every figure of the policies has kept one value since the pack's effective date; this builds such a
// parameter, cited at the section (and statute) that sets it.
import { defineParameter, type Parameter, type ParameterUnit } from '../../../kernel/index.ts';
import { cited } from '../rules/procurement/plan.ts';
import { ADOPTED, LAST_CHECKED, section } from '../source.ts';

export function since<T>(p: {
  id: string;
  title: string;
  description?: string;
  unit: ParameterUnit;
  value: T;
  section: string;
  /** The statute or rule the section names; by default the one the policies print there (plan.ts). */
  authority?: string;
  note?: string;
  minimum?: number;
}): Parameter<T> {
  return defineParameter<T>({
    id: p.id,
    title: p.title,
    ...(p.description === undefined ? {} : { description: p.description }),
    unit: p.unit,
    ...(p.minimum === undefined ? {} : { minimum: p.minimum }),
    values: [
      {
        from: ADOPTED,
        value: p.value,
        citation: p.authority === undefined ? cited(p.section) : section(p.section, p.authority),
        ...(p.note === undefined ? {} : { note: p.note }),
      },
    ],
    lastChecked: LAST_CHECKED,
  });
}
