// Configuration comes from the environment (twelve-factor), validated once at start with a clear error
// naming the variable, what was wrong and what is allowed.
import { z } from 'zod';
import { AppError } from './errors.ts';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PROBITY_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  PROBITY_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Set to "true" behind HTTPS so session cookies carry the Secure attribute.
  PROBITY_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  // Sign-in attempts allowed per client address per minute.
  PROBITY_SIGN_IN_PER_MINUTE: z.coerce.number().int().min(1).max(1000).default(10),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  logLevel: (typeof LOG_LEVELS)[number];
  sessionHours: number;
  secureCookies: boolean;
  signInPerMinute: number;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new AppError('PRB_CONFIG_INVALID', `Invalid configuration in the environment: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: e.PROBITY_DATA_DIR,
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    logLevel: e.LOG_LEVEL,
    sessionHours: e.PROBITY_SESSION_HOURS,
    secureCookies: e.PROBITY_SECURE_COOKIES === 'true',
    signInPerMinute: e.PROBITY_SIGN_IN_PER_MINUTE,
  };
}
