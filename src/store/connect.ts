// Opens the system of record: PGlite (PostgreSQL in WebAssembly) persisted in a data directory when no
// DATABASE_URL is given, a PostgreSQL server otherwise. The same Drizzle schema and queries run on both.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { type DataDirLock, lockDataDir } from './lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Store {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Where documents' bytes are kept (by SHA-256). */
  documentsDir: string;
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Human description for logs: never includes a password. */
  describe: string;
}

export interface OpenStoreOptions {
  databaseUrl?: string;
  dataDir: string;
  /** In-memory PGlite (tests); ignores dataDir for the database but still keeps documents there. */
  memory?: boolean;
  /** An already-open PGlite (tests clone a migrated template). */
  pglite?: PGlite;
  /** Named in the lock file so a refused second process can say who holds the store. */
  command?: string;
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'an unparseable DATABASE_URL';
  }
}

export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const dataDir = resolve(opts.dataDir);
  const documentsDir = join(dataDir, 'documents');
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // A server-side failure on an idle client must not crash the process.
    pool.on('error', () => {});
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      documentsDir,
      describe: `PostgreSQL at ${redact(opts.databaseUrl)}`,
      async migrate() {
        // Several API nodes may start at once: one migrates, the others wait for it.
        const client = await pool.connect();
        try {
          await client.query('SELECT pg_advisory_lock(7263001)');
          await migratePg(drizzlePg({ client, schema }), { migrationsFolder: MIGRATIONS_DIR });
        } finally {
          await client.query('SELECT pg_advisory_unlock(7263001)').catch(() => {});
          client.release();
        }
      },
      async ping() {
        try {
          await db.execute(sql`select 1`);
          return true;
        } catch {
          return false;
        }
      },
      async close() {
        await pool.end();
      },
    };
  }

  let lock: DataDirLock | undefined;
  let client = opts.pglite;
  if (!client) {
    if (opts.memory) {
      client = await PGlite.create();
    } else {
      lock = lockDataDir(dataDir, opts.command ?? process.argv.slice(1).join(' '));
      try {
        client = await PGlite.create(join(dataDir, 'pg'));
      } catch (error) {
        lock.release();
        throw error;
      }
    }
  }
  const pglite = client;
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  let closed = false;
  return {
    kind: 'pglite',
    db,
    documentsDir,
    describe: opts.memory || opts.pglite ? 'embedded PGlite (in memory)' : `embedded PGlite in ${dataDir}`,
    async migrate() {
      await migratePglite(drizzlePglite({ client: pglite, schema }), { migrationsFolder: MIGRATIONS_DIR });
    },
    async ping() {
      try {
        await pglite.query('select 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
