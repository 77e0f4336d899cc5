// The reminder job beside `probity serve`: sends every organisation's deadline reminders when the server
// starts and then every hour. A run writes only what is new (one reminder per record, stage and due
// date), so an hourly run costs a few queries per organisation and reaches each organisation's new day,
// in its own time zone, within the hour of its midnight: in effect a daily run per organisation. A
// failure is logged and the next run tries again; it never stops the server.
import type { App } from '../../app/app.ts';
import { execute, OPERATOR } from '../../app/use-case.ts';
import { type ReminderRun, sendReminders, stageCounts } from '../../app/use-cases/reminders.ts';
import { type JobLog, type PeriodicJob, startPeriodic } from './periodic.ts';

export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

export type { JobLog } from './periodic.ts';
export type ReminderJob = PeriodicJob;

/** One line per organisation that was sent something, e.g. "demo: 3 (before-7 2, due 1)". */
export function runSummary(runs: readonly ReminderRun[]): string {
  return runs
    .filter((r) => r.sent > 0)
    .map((r) => `${r.org}: ${r.sent} (${stageCounts(r)})`)
    .join('; ');
}

export function startReminderJob(app: App, log: JobLog, opts: { intervalMs?: number } = {}): ReminderJob {
  return startPeriodic(async () => {
    try {
      const result = await execute(app, sendReminders, OPERATOR, {});
      if (result.sent > 0) log.info(`Deadline reminders sent: ${runSummary(result.organisations)}.`);
    } catch (error) {
      log.error(`Deadline reminders failed (the next run tries again): ${(error as Error).message}`);
    }
  }, opts.intervalMs ?? REMINDER_INTERVAL_MS);
}
