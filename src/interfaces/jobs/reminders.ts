// The reminder job beside `probity serve`: sends every organisation's deadline reminders when the server
// starts and then every hour. A run writes only what is new (one reminder per record, stage and due
// date), so an hourly run costs a few queries per organisation and reaches each organisation's new day,
// in its own time zone, within the hour of its midnight: in effect a daily run per organisation. A
// failure is logged and the next run tries again; it never stops the server.
import type { App } from '../../app/app.ts';
import { execute, OPERATOR } from '../../app/use-case.ts';
import { type ReminderRun, sendReminders, stageCounts } from '../../app/use-cases/reminders.ts';

export const REMINDER_INTERVAL_MS = 60 * 60 * 1000;

export interface JobLog {
  info(line: string): void;
  error(line: string): void;
}

export interface ReminderJob {
  /** Runs now, unless a run is already under way (then waits for that one). */
  runNow(): Promise<void>;
  /** No further runs; resolves once a run under way has finished, so the store can close after it. */
  stop(): Promise<void>;
}

/** One line per organisation that was sent something, e.g. "demo: 3 (before-7 2, due 1)". */
export function runSummary(runs: readonly ReminderRun[]): string {
  return runs
    .filter((r) => r.sent > 0)
    .map((r) => `${r.org}: ${r.sent} (${stageCounts(r)})`)
    .join('; ');
}

export function startReminderJob(app: App, log: JobLog, opts: { intervalMs?: number } = {}): ReminderJob {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = async () => {
    try {
      const result = await execute(app, sendReminders, OPERATOR, {});
      if (result.sent > 0) log.info(`Deadline reminders sent: ${runSummary(result.organisations)}.`);
    } catch (error) {
      log.error(`Deadline reminders failed (the next run tries again): ${(error as Error).message}`);
    }
  };
  const runNow = () => {
    if (stopped) return Promise.resolve();
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => void runNow(), opts.intervalMs ?? REMINDER_INTERVAL_MS);
  // The timer alone never keeps the process alive.
  timer.unref();
  void runNow();
  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
