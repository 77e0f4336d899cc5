// Opening and always closing the runtime: PGlite keeps the process alive until it is closed, and the
// embedded store's lock file is released on close.
import { loadConfig } from '../../app/config.ts';
import { openRuntime, type Runtime } from '../../app/runtime.ts';
import type { Io } from './io.ts';

export async function withRuntime<T>(
  io: Io,
  command: string,
  fn: (runtime: Runtime) => Promise<T>,
  opts: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig(io.env);
  const runtime = await openRuntime(config, {
    command,
    ...(opts.migrate === false ? { migrate: false } : {}),
  });
  try {
    return await fn(runtime);
  } finally {
    await runtime.close();
  }
}
