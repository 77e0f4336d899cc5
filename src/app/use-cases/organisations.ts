// Creating an organisation: an operator's act (the command line at the server, or a test setting up a
// second tenant), never an API call, because no organisation's administrator may create another. The
// new organisation may get an administrator at once: an existing account (its password unchanged) or a
// new one with a one-time password shown once, which must be changed at first sign-in.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../store/connect.ts';
import { organisations, users } from '../../store/schema.ts';
import type { App } from '../app.ts';
import { hashPassword, newId, oneTimePassword } from '../auth/secrets.ts';
import { InputInvalidError } from '../errors.ts';
import { defineUseCase, zodIssues } from '../use-case.ts';
import { grantRoleInTx, insertAccountInTx } from './admin.ts';
import { recordEvent } from './events.ts';

/** URL-safe and readable: 2–40 lowercase letters, digits and inner hyphens (e.g. "lincoln-usd"). */
export const zOrgSlug = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/,
    'use 2 to 40 lowercase letters, digits and hyphens, starting and ending with a letter or digit',
  );

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const createOrganisationInput = z
  .object({
    slug: zOrgSlug,
    name: z.string().trim().min(1, 'name the organisation').max(200),
    timeZone: z
      .string()
      .max(100)
      .refine(isTimeZone, 'is not a time zone; use an IANA name such as America/Denver')
      .default('America/Denver')
      .describe("the organisation's time zone: it decides what 'today' is for its deadlines"),
    fiscalYearStartMonth: z
      .int()
      .min(1)
      .max(12)
      .default(7)
      .describe('month its fiscal year starts (7 = July)'),
    adminUserId: z
      .string()
      .min(1)
      .max(64)
      .optional()
      .describe('an existing account to make its administrator'),
    adminEmail: z
      .string()
      .trim()
      .toLowerCase()
      .email('expected an e-mail address')
      .max(254)
      .optional()
      .describe('its administrator: an existing account, or a new one with a one-time password'),
    adminName: z.string().trim().min(1).max(200).optional().describe('display name of a new administrator'),
  })
  .refine((i) => i.adminUserId === undefined || i.adminEmail === undefined, {
    path: ['adminEmail'],
    message: 'give the administrator by adminUserId or by adminEmail, not both',
  });

export type CreateOrganisationInput = z.input<typeof createOrganisationInput>;

export interface CreateOrganisationResult {
  org: { id: string; slug: string; name: string; timeZone: string; fiscalYearStartMonth: number };
  admin?: {
    userId: string;
    email: string;
    displayName: string;
    /** A new account was made for the administrator. */
    created: boolean;
    /** Only for a new account: shown once, stored only as its argon2id hash. */
    oneTimePassword?: string;
  };
}

/** Creates an organisation (and its administrator). The input is validated here too: tests call it. */
export async function createOrganisation(
  app: App,
  raw: CreateOrganisationInput,
  now: Date = app.clock(),
): Promise<CreateOrganisationResult> {
  const parsed = createOrganisationInput.safeParse(raw);
  if (!parsed.success) throw new InputInvalidError(zodIssues(parsed.error.issues));
  const input = parsed.data;
  // Hashing takes a moment: done before the transaction, used only if the account turns out to be new.
  const password = oneTimePassword();
  const passwordHash = input.adminEmail === undefined ? '' : await hashPassword(password);
  try {
    return await app.store.db.transaction((tx) =>
      createOrganisationInTx(app, tx, input, { now, oneTimePassword: password, passwordHash }),
    );
  } catch (error) {
    // Two creations of one slug at once: the check above passed for both, the unique index stops the
    // second. Same answer as when the slug was already taken.
    const cause = (error as { cause?: { code?: string; constraint?: string; detail?: string } }).cause;
    if (cause?.code === '23505' && /slug/.test(`${cause.constraint ?? ''} ${cause.detail ?? ''}`)) {
      throw new InputInvalidError([
        { path: '/slug', message: `an organisation "${input.slug}" already exists; choose another slug` },
      ]);
    }
    throw error;
  }
}

/**
 * The organisation, its organisation.created event and, when the input names one, its administrator,
 * inside the caller's transaction (the demo bootstrap adds its units in the same one). A new
 * administrator account gets `oneTimePassword`, whose hash the caller made before the transaction.
 */
export async function createOrganisationInTx(
  app: App,
  tx: Db,
  input: z.output<typeof createOrganisationInput>,
  a: { now: Date; oneTimePassword: string; passwordHash: string; isDemo?: boolean },
): Promise<CreateOrganisationResult> {
  const { now } = a;
  const [taken] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.slug, input.slug));
  if (taken) {
    throw new InputInvalidError([
      { path: '/slug', message: `an organisation "${input.slug}" already exists; choose another slug` },
    ]);
  }
  const org = {
    id: newId(),
    slug: input.slug,
    name: input.name,
    timeZone: input.timeZone,
    fiscalYearStartMonth: input.fiscalYearStartMonth,
  };
  await tx.insert(organisations).values({ ...org, isDemo: a.isDemo === true, createdAt: now });
  await recordEvent(tx, {
    orgId: org.id,
    actor: 'system',
    kind: 'organisation.created',
    subject: `org:${org.id}`,
    payload: {
      slug: org.slug,
      name: org.name,
      timeZone: org.timeZone,
      fiscalYearStartMonth: org.fiscalYearStartMonth,
    },
    at: now,
  });
  if (input.adminUserId === undefined && input.adminEmail === undefined) return { org };
  const [existing] = await tx
    .select()
    .from(users)
    .where(
      input.adminUserId !== undefined
        ? eq(users.id, input.adminUserId)
        : sql`lower(${users.email}) = ${input.adminEmail}`,
    )
    .limit(1);
  let admin: NonNullable<CreateOrganisationResult['admin']>;
  if (existing) {
    admin = { userId: existing.id, email: existing.email, displayName: existing.displayName, created: false };
  } else if (input.adminEmail === undefined) {
    throw new InputInvalidError([{ path: '/adminUserId', message: 'is not an account' }]);
  } else {
    const email = input.adminEmail;
    const displayName = input.adminName ?? email.split('@')[0] ?? email;
    const userId = await insertAccountInTx(tx, {
      orgId: org.id,
      actor: 'system',
      email,
      displayName,
      passwordHash: a.passwordHash,
      now,
    });
    admin = { userId, email, displayName, created: true, oneTimePassword: a.oneTimePassword };
  }
  await grantRoleInTx(app, tx, {
    orgId: org.id,
    userId: admin.userId,
    role: 'org-admin',
    actor: 'system',
    now,
  });
  return { org, admin };
}

export const createOrganisationUseCase = defineUseCase({
  name: 'create an organisation',
  access: { kind: 'operator' },
  input: createOrganisationInput,
  async run({ app, input, now }) {
    return createOrganisation(app, input, now);
  },
});
