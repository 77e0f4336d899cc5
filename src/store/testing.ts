// Stores for tests. Without a server URL each test gets a copy of one migrated in-memory PGlite (cloning
// takes a fraction of a second; opening and migrating takes seconds). With PROBITY_TEST_DATABASE_URL or
// DATABASE_URL set, each test gets a fresh database on that server, dropped afterwards, so the suite
// never depends on data an earlier run left behind.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openStore, type Store } from './connect.ts';

let template: Promise<PGlite> | undefined;

async function migratedTemplate(): Promise<PGlite> {
  const client = await PGlite.create();
  const store = await openStore({ dataDir: tmpdir(), pglite: client });
  await store.migrate();
  return client;
}

export function testServerUrl(): string | undefined {
  return process.env.PROBITY_TEST_DATABASE_URL || process.env.DATABASE_URL || undefined;
}

export interface TestStore extends Store {
  /** The server database's URL when the test runs against PostgreSQL. */
  databaseUrl?: string;
}

export async function openTestStore(): Promise<TestStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'probity-test-'));
  const serverUrl = testServerUrl();
  if (serverUrl) {
    const name = `probity_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const store = await openStore({ databaseUrl: url.toString(), dataDir });
    await store.migrate();
    return {
      ...store,
      databaseUrl: url.toString(),
      async close() {
        await store.close();
        const dropper = new pg.Client({ connectionString: serverUrl });
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await dropper.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  template ??= migratedTemplate();
  const client = (await (await template).clone()) as PGlite;
  const store = await openStore({ dataDir, pglite: client });
  return {
    ...store,
    async close() {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Closes the shared template so the test process can exit. Call from an `after` hook. */
export async function closeTestTemplate(): Promise<void> {
  if (!template) return;
  const t = await template;
  template = undefined;
  if (!t.closed) await t.close();
}
