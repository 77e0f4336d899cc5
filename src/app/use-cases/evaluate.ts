// Deciding a case: the pack's rules in force on the as-of date, with the organisation's parameter
// overrides, return findings with citations and traces.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import {
  type CalendarDate,
  evaluate,
  type ParameterOverride,
  parseDate,
  resolveParameter,
  todayIn,
  validateParameterValue,
  zCalendarDate,
} from '../../kernel/index.ts';
import { findPack } from '../../packs/registry.ts';
import type { Db } from '../../store/connect.ts';
import { parameterOverrides, users } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { newId } from '../auth/secrets.ts';
import { InputInvalidError } from '../errors.ts';
import { recordKindSchema } from '../record-kinds.ts';
import { defineUseCase, type Organisation } from '../use-case.ts';
import { recordEvent } from './events.ts';

export function packOf(app: App, id: string) {
  return findPack(id, app.packs);
}

export function orgToday(org: Organisation, now: Date): CalendarDate {
  return todayIn(org.timeZone, now);
}

export async function overridesFor(db: Db, orgId: string, pack: string): Promise<ParameterOverride[]> {
  const rows = await db
    .select()
    .from(parameterOverrides)
    .where(and(eq(parameterOverrides.orgId, orgId), eq(parameterOverrides.pack, pack)))
    .orderBy(asc(parameterOverrides.validFrom), asc(parameterOverrides.createdAt));
  return rows.map((r) => ({
    parameterId: r.parameterId,
    from: parseDate(r.validFrom),
    value: r.value,
    reason: r.reason,
    setBy: r.setBy,
    setAt: r.createdAt.toISOString(),
  }));
}

export const evaluateCase = defineUseCase({
  name: 'evaluate a case',
  access: { kind: 'org', permission: 'evaluate' },
  input: z.object({
    org: z.string({
      error: 'name the organisation whose parameters apply (?org=slug, or "org" in the body)',
    }),
    pack: z.string().min(1).max(100),
    caseKind: z.string().min(1).max(100),
    facts: z.unknown(),
    asOf: zCalendarDate.optional(),
  }),
  async run({ app, org, input, now }) {
    const mod = packOf(app, input.pack);
    const overrides = await overridesFor(app.store.db, org.org.id, input.pack);
    return evaluate(mod.pack, input.caseKind, input.facts, {
      asOf: input.asOf ?? orgToday(org.org, now),
      org: org.org.slug,
      overrides,
    });
  },
});

export const listPacks = defineUseCase({
  name: 'list policy packs',
  access: { kind: 'org', permission: 'org.read' },
  input: z.object({ org: z.string() }),
  async run({ app }) {
    return app.packs.map(({ pack, records, roles, sources, reports }) => ({
      ...pack.manifest,
      caseKinds: Object.values(pack.caseKinds).map((k) => ({ id: k.id, title: k.title })),
      rules: pack.rules.map((r) => ({
        id: r.id,
        title: r.title,
        citations: r.citations,
        effective: r.effective,
        appliesTo: r.appliesTo,
      })),
      workflows: Object.values(pack.workflows ?? {}),
      // What a browser needs to build the forms and lists of the pack's records.
      recordKinds: Object.values(records ?? {}).map((rk) => ({
        id: rk.id,
        title: rk.title,
        caseKind: rk.caseKind,
        workflow: rk.workflow,
        schema: recordKindSchema(rk),
      })),
      roles: (roles ?? []).map((r) => ({ id: r.id, title: r.title, permissions: [...r.permissions] })),
      sources: (sources ?? []).map((s) => ({ id: s.id, title: s.title })),
      reports: (reports ?? []).map((r) => ({
        id: r.id,
        title: r.title,
        description: r.description,
        // The report's own inputs (e.g. a fiscal year), as the form that asks for them needs them.
        ...(r.input ? { input: z.toJSONSchema(r.input, { io: 'input', unrepresentable: 'any' }) } : {}),
      })),
    }));
  },
});

export const listParameters = defineUseCase({
  name: 'list pack parameters',
  access: { kind: 'org', permission: 'parameters.read' },
  input: z.object({ org: z.string(), pack: z.string().min(1).max(100), asOf: zCalendarDate.optional() }),
  async run({ app, org, input, now }) {
    const { pack } = packOf(app, input.pack);
    const overrides = await overridesFor(app.store.db, org.org.id, input.pack);
    const asOf = input.asOf ?? orgToday(org.org, now);
    // Who set each override, by name: the history reads "from 2026-07-01, $150.00, Dana Reyes, because …".
    const setters = [...new Set(overrides.flatMap((o) => (o.setBy ? [o.setBy] : [])))];
    const names = new Map<string, string>();
    if (setters.length > 0) {
      const rows = await app.store.db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, setters));
      for (const u of rows) names.set(u.id, u.name);
    }
    return {
      asOf,
      parameters: pack.parameters.map((p) => ({
        id: p.id,
        title: p.title,
        description: p.description ?? null,
        unit: p.unit,
        lastChecked: p.lastChecked,
        values: p.values,
        overrides: overrides
          .filter((o) => o.parameterId === p.id)
          .map((o) => ({ ...o, setByName: o.setBy ? (names.get(o.setBy) ?? o.setBy) : null })),
        inForce: resolveParameter(p, asOf, overrides) ?? null,
      })),
    };
  },
});

export const setParameterOverride = defineUseCase({
  name: 'override a pack parameter',
  access: { kind: 'org', permission: 'parameters.override' },
  input: z.object({
    org: z.string(),
    pack: z.string().min(1).max(100),
    parameterId: z.string().min(1).max(200),
    from: zCalendarDate,
    value: z.unknown(),
    reason: z.string().trim().min(5, 'say why (e.g. the board resolution)').max(1000),
  }),
  async run({ app, org, input, principal, now }) {
    const { pack } = packOf(app, input.pack);
    const param = pack.parameters.find((p) => p.id === input.parameterId);
    if (!param) {
      throw new InputInvalidError([
        { path: '/parameterId', message: `is not a parameter of pack ${input.pack}` },
      ]);
    }
    const problem = validateParameterValue(param, input.value);
    if (problem) throw new InputInvalidError([{ path: '/value', message: problem }]);
    const id = newId();
    await app.store.db.transaction(async (tx) => {
      await tx.insert(parameterOverrides).values({
        orgId: org.org.id,
        id,
        pack: input.pack,
        parameterId: input.parameterId,
        validFrom: input.from,
        value: input.value as object,
        reason: input.reason,
        setBy: principal.userId,
        createdAt: now,
      });
      await recordEvent(tx, {
        orgId: org.org.id,
        actor: principal,
        kind: 'parameter.overridden',
        subject: `parameter:${input.parameterId}`,
        payload: {
          overrideId: id,
          pack: input.pack,
          parameterId: input.parameterId,
          from: input.from,
          value: input.value,
          reason: input.reason,
        },
        at: now,
      });
    });
    return { id, parameterId: input.parameterId, from: input.from, value: input.value };
  },
});
