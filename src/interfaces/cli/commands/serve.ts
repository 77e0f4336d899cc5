// probity serve: open the store, create the demo organisation on first start, serve HTTP until
// SIGINT/SIGTERM, then close the server and the store.

import { loadConfig } from '../../../app/config.ts';
import { AppError } from '../../../app/errors.ts';
import { openRuntime } from '../../../app/runtime.ts';
import { bootstrap } from '../../../app/use-cases/bootstrap.ts';
import { startReminderJob } from '../../jobs/reminders.ts';
import { startScreeningJob } from '../../jobs/screening.ts';
import { formatError } from '../errors.ts';
import type { Io } from '../io.ts';
import { credentialsBlock, demoPacksLine } from '../output.ts';

/** Resolves once the server listens; the process then runs until a signal. */
export async function serveCommand(io: Io): Promise<void> {
  const config = loadConfig(io.env);
  // Before the store opens: a build takes seconds and needs no database. `npm run dev` skips it (Vite's
  // dev server serves the app there).
  if (io.env.PROBITY_SKIP_WEB_BUILD !== '1') {
    const { ensureWebBuild } = await import('../../web/build.ts');
    try {
      await ensureWebBuild((line) => io.out(line));
    } catch (error) {
      // The API and any earlier build still serve; say plainly what is wrong with the web app.
      const { webAvailable } = await import('../../web/static.ts');
      io.err(
        `The web application could not be built: ${(error as Error).message.split('\n').slice(0, 2).join(' ').trim()}. ` +
          (webAvailable()
            ? 'Serving the previous build.'
            : 'Serving the API only; / explains how to build it.'),
      );
    }
  }
  const runtime = await openRuntime(config, { command: 'probity serve' });
  let server: { url: string; close(): Promise<void> };
  try {
    const result = await bootstrap(runtime.app);
    // Imported here so the other commands never load the HTTP stack.
    const { startServer } = await import('../../http/server.ts');
    server = await startServer(runtime);
    const block = credentialsBlock(result, server.url);
    if (block) io.out(block);
    if (result.demoPacksLoaded.length > 0) io.out(demoPacksLine(result.demoPacksLoaded));
  } catch (error) {
    await runtime.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new AppError(
        'PRB_CONFIG_INVALID',
        `Port ${config.port} on ${config.host} is already in use; stop what uses it or set PORT to another port.`,
      );
    }
    throw error;
  }
  io.out(`Probity is listening on ${server.url} (store: ${runtime.store.describe}).`);
  // Deadline reminders: now, then every hour; a failure is logged and never stops the server.
  const reminders = startReminderJob(runtime.app, { info: (l) => io.out(l), error: (l) => io.err(l) });
  // Screening runs asked for over the API, and a daily screening of the store; the same rules.
  const screenings = startScreeningJob(runtime.app, { info: (l) => io.out(l), error: (l) => io.err(l) });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      io.err(`Received ${signal} again: exiting without waiting.`);
      process.exit(1);
    }
    stopping = true;
    io.out(`Received ${signal}: closing…`);
    void (async () => {
      let code = 0;
      await reminders.stop();
      await screenings.stop();
      try {
        await server.close();
      } catch (error) {
        io.err(formatError(error));
        code = 1;
      }
      try {
        await runtime.close();
      } catch (error) {
        io.err(formatError(error));
        code = 1;
      }
      process.exit(code);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
