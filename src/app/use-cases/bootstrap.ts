// First start of an empty store: the demo organisation, its administrator with a one-time password
// (printed once, never a fixed default), and each pack's demo records. Later starts load the demo
// records of packs installed since (tracked by a demo.loaded event per pack).
import { and, count, eq } from 'drizzle-orm';
import { todayIn } from '../../kernel/index.ts';
import { events, organisations, orgUnits } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { hashPassword, newId, oneTimePassword } from '../auth/secrets.ts';
import type { OrgScope } from '../use-case.ts';
import { recordEvent } from './events.ts';
import { createOrganisationInput, createOrganisationInTx } from './organisations.ts';
import { createRecordInTx, transitionRecordInTx } from './records.ts';

export const DEMO_ORG_SLUG = 'demo';
export const DEMO_ADMIN_EMAIL = 'admin@demo.example.org';

export interface BootstrapResult {
  created: boolean;
  org: string;
  adminEmail?: string;
  /** Shown once to the person starting Probity; only its argon2id hash is stored. */
  oneTimePassword?: string;
  demoPacksLoaded: string[];
}

/** The whole organisation, for Probity itself and the operator at the command line. */
export function systemScope(org: typeof organisations.$inferSelect): OrgScope {
  return { org, memberships: [], scope: () => 'org', hasRole: () => true };
}

export async function bootstrap(app: App): Promise<BootstrapResult> {
  const db = app.store.db;
  const now = app.clock();
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(organisations);
  let result: BootstrapResult = { created: false, org: DEMO_ORG_SLUG, demoPacksLoaded: [] };
  if (n === 0) {
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const created = await db.transaction(async (tx) => {
      const made = await createOrganisationInTx(
        app,
        tx,
        createOrganisationInput.parse({
          slug: DEMO_ORG_SLUG,
          name: 'Demo School District',
          timeZone: 'America/Denver',
          fiscalYearStartMonth: 7,
          adminEmail: DEMO_ADMIN_EMAIL,
          adminName: 'Demo Administrator',
        }),
        { now, oneTimePassword: password, passwordHash, isDemo: true },
      );
      for (const name of ['District office', 'Lincoln Elementary', 'Athletics']) {
        const unit = { orgId: made.org.id, id: newId(), name, parentId: null, createdAt: now };
        await tx.insert(orgUnits).values(unit);
        await recordEvent(tx, {
          orgId: made.org.id,
          actor: 'system',
          kind: 'unit.created',
          subject: `unit:${unit.id}`,
          payload: { name },
          at: now,
        });
      }
      return made;
    });
    result = {
      created: true,
      org: DEMO_ORG_SLUG,
      adminEmail: created.admin?.email,
      oneTimePassword: created.admin?.oneTimePassword,
      demoPacksLoaded: [],
    };
  }
  result.demoPacksLoaded = await loadDemoRecords(app);
  return result;
}

/** Loads, into the demo organisation, the demo records of every pack not loaded there before. */
export async function loadDemoRecords(app: App): Promise<string[]> {
  const db = app.store.db;
  const [org] = await db.select().from(organisations).where(eq(organisations.slug, DEMO_ORG_SLUG));
  if (!org) return [];
  const loaded: string[] = [];
  for (const mod of app.packs) {
    const id = mod.pack.manifest.id;
    const [{ n } = { n: 0 }] = await db
      .select({ n: count() })
      .from(events)
      .where(and(eq(events.orgId, org.id), eq(events.kind, 'demo.loaded'), eq(events.subject, `pack:${id}`)));
    if (n > 0 || !mod.demo) continue;
    const now = app.clock();
    const today = todayIn(org.timeZone, now);
    const scope = systemScope(org);
    await db.transaction(async (tx) => {
      const demo = mod.demo!(today);
      const units = new Map(
        (await tx.select().from(orgUnits).where(eq(orgUnits.orgId, org.id))).map((u) => [u.name, u.id]),
      );
      for (const d of demo) {
        const unitId = d.unit === undefined ? undefined : units.get(d.unit);
        if (d.unit !== undefined && unitId === undefined) {
          throw new Error(`demo record of pack ${id} names a unit the demo organisation lacks: ${d.unit}`);
        }
        const steps = d.transitions ?? [];
        // Back-date creation to just before the first step so the timeline reads in order.
        const firstDaysAgo = Math.max(0, ...steps.map((s) => s.daysAgo + 1));
        const createdAt = new Date(now.getTime() - firstDaysAgo * 86_400_000);
        const { record } = await createRecordInTx(app, tx, {
          org: scope,
          actor: 'system',
          pack: id,
          kind: d.kind,
          data: d.data,
          unitId,
          now: createdAt,
        });
        for (const step of steps) {
          const at = new Date(now.getTime() - step.daysAgo * 86_400_000);
          const r = await transitionRecordInTx(app, tx, {
            org: scope,
            actor: 'system',
            actorName: step.by,
            ...(step.roles ? { actorRoles: step.roles } : {}),
            id: record.id,
            transition: step.name,
            now: at,
          });
          if (!r.allowed) throw new Error(`demo record of pack ${id}: transition ${step.name} refused`);
        }
      }
      await recordEvent(tx, {
        orgId: org.id,
        actor: 'system',
        kind: 'demo.loaded',
        subject: `pack:${id}`,
        payload: { records: demo.length, asOf: today },
        at: now,
      });
    });
    loaded.push(id);
  }
  return loaded;
}
