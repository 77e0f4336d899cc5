// A job that runs now and then every interval, one run at a time: a run asked for while one is under way
// waits for that one. The timer never keeps the process alive; stop() waits for the run under way, so the
// store can close after it. A failure is the job's to log: the next run tries again.
export interface JobLog {
  info(line: string): void;
  error(line: string): void;
}

export interface PeriodicJob {
  /** Runs now, unless a run is already under way (then waits for that one). */
  runNow(): Promise<void>;
  /** No further runs; resolves once a run under way has finished. */
  stop(): Promise<void>;
}

export function startPeriodic(run: () => Promise<void>, intervalMs: number): PeriodicJob {
  let running: Promise<void> | undefined;
  let stopped = false;
  const runNow = () => {
    if (stopped) return Promise.resolve();
    running ??= run().finally(() => {
      running = undefined;
    });
    return running;
  };
  const timer = setInterval(() => void runNow(), intervalMs);
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
