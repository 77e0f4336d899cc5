// Opening and always closing the runtime: PGlite keeps the process alive until it is closed, and the
// embedded store's lock file is released on close.
import { eq } from 'drizzle-orm';
import { loadConfig } from '../../app/config.ts';
import { AppError } from '../../app/errors.ts';
import { openRuntime, type Runtime } from '../../app/runtime.ts';
import type { Db } from '../../store/connect.ts';
import { organisations } from '../../store/schema.ts';
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

/** The organisation a command's --org names, or PRB_NOT_FOUND listing the store's organisations. */
export async function organisationBySlug(db: Db, slug: string): Promise<typeof organisations.$inferSelect> {
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, slug)).limit(1);
  if (org) return org;
  const all = await db.select({ slug: organisations.slug }).from(organisations);
  throw new AppError(
    'PRB_NOT_FOUND',
    `There is no organisation "${slug}" in this store; organisations: ${all.map((o) => o.slug).join(', ') || '(none; run `probity demo`)'}.`,
  );
}
