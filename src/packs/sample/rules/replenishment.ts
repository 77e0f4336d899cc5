// SOURCE.md § 3.1: replenishment within N calendar days after the end of the month.
import { addDays, defineRule, isAfter, lastDayOfMonth, parseDate } from '../../../kernel/index.ts';
import type { ReplenishmentFacts } from '../schemas.ts';
import { section } from '../source.ts';

export const replenishmentDeadline = defineRule<ReplenishmentFacts>({
  id: 'sample.replenishment.deadline',
  title: 'Replenishment is requested within the days allowed after month end',
  citations: [section('3.1')],
  effective: { from: '2020-07-01' },
  appliesTo: ['replenishment'],
  evaluate(f, ctx) {
    const days = ctx.param<number>('sample.replenishment.days_after_month_end');
    // "N calendar days after the end of the month": the month's last day plus N.
    const monthEnd = lastDayOfMonth(parseDate(`${f.month}-01`, 'month'));
    const due = addDays(monthEnd, days);
    const values = { monthEnd, days, due };
    if (f.submittedOn) {
      if (isAfter(f.submittedOn, due)) {
        return [
          {
            kind: 'violation',
            severity: 'medium',
            message: `Replenishment for ${f.month} was submitted on ${f.submittedOn}, after its due date ${due}.`,
            due,
            values,
          },
        ];
      }
      return [
        { kind: 'deadline', severity: 'info', message: `Submitted on time (due ${due}).`, due, values },
      ];
    }
    if (isAfter(ctx.asOf, due)) {
      return [
        {
          kind: 'violation',
          severity: 'medium',
          message: `Replenishment for ${f.month} is overdue since ${due}.`,
          due,
          values,
        },
      ];
    }
    return [{ kind: 'deadline', message: `Replenishment for ${f.month} is due by ${due}.`, due, values }];
  },
});
