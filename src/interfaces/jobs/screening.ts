// The screening job beside `probity serve`: starts the process's screening runner (which first fails the
// runs a stopped server left behind and resumes the queued ones it can), then, when the server starts and
// every hour after, starts a screening of the records in the store for each organisation and pack due one
// (none scheduled in the last 23 hours; see scheduleScreenings). An hourly check costs a few queries per
// organisation; the runs themselves take their turn in the runner's queue. A failure is logged and the next
// check tries again; it never stops the server.
import type { App } from '../../app/app.ts';
import { execute, OPERATOR } from '../../app/use-case.ts';
import { type ScheduledRun, scheduleScreenings, screeningRunner } from '../../app/use-cases/screenings.ts';
import { type JobLog, startPeriodic } from './periodic.ts';

export const SCREENING_CHECK_INTERVAL_MS = 60 * 60 * 1000;

export interface ScreeningJob {
  /** Checks now, unless a check is already under way (then waits for that one). */
  runNow(): Promise<void>;
  /** No further checks or runs; a run under way is marked failed (the server is stopping). */
  stop(): Promise<void>;
}

/** "demo (lea-finance)", one per run started. */
export function scheduledSummary(started: readonly ScheduledRun[]): string {
  return started.map((s) => `${s.org} (${s.pack})`).join(', ');
}

export function startScreeningJob(app: App, log: JobLog, opts: { intervalMs?: number } = {}): ScreeningJob {
  const runner = screeningRunner(app, { log });
  const job = startPeriodic(async () => {
    try {
      const { started } = await execute(app, scheduleScreenings, OPERATOR, {});
      if (started.length > 0) log.info(`Scheduled screening started: ${scheduledSummary(started)}.`);
    } catch (error) {
      log.error(`Scheduled screening failed (the next check tries again): ${(error as Error).message}`);
    }
  }, opts.intervalMs ?? SCREENING_CHECK_INTERVAL_MS);
  return {
    runNow: job.runNow,
    async stop() {
      await job.stop();
      await runner.stop();
    },
  };
}
