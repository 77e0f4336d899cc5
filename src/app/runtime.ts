// Opening Probity: configuration, the store (migrated), the application. Used by every interface.
import { openStore, type Store } from '../store/connect.ts';
import { type App, createApp } from './app.ts';
import type { Config } from './config.ts';

export interface Runtime {
  config: Config;
  store: Store;
  app: App;
  close(): Promise<void>;
}

export async function openRuntime(
  config: Config,
  opts: { command: string; migrate?: boolean },
): Promise<Runtime> {
  const store = await openStore({
    dataDir: config.dataDir,
    command: opts.command,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
  });
  try {
    if (opts.migrate !== false) await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  const app = createApp({ store, sessionHours: config.sessionHours });
  return { config, store, app, close: () => store.close() };
}
