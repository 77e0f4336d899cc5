// Passwords are hashed with argon2id (memory-hard; OWASP's minimum of 19 MiB, 2 passes). Session and
// API tokens are 256-bit random values: only their SHA-256 is stored, which is enough for secrets that
// cannot be guessed, and lets a token be found by its hash.
import { createHash, randomBytes } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm is a const enum, which erasable TypeScript cannot read: 2 is its Argon2id member.
const ARGON2 = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// Verifying against this when the e-mail is unknown keeps sign-in time the same either way, so timing
// does not reveal which addresses have accounts.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  return dummyHash;
}

export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function newId(): string {
  // Never starting with '-' or '_': such an id would read as a formula in a spreadsheet and as an option
  // on a command line. Redrawing costs about one draw in 32.
  for (;;) {
    const id = randomBytes(12).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

/** A one-time password people can type: 4 groups of 5 from an alphabet without look-alikes. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  let out = '';
  for (let i = 0; i < 20; i++) {
    if (i > 0 && i % 5 === 0) out += '-';
    out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  }
  return out;
}

export const MIN_PASSWORD_LENGTH = 12;

/** NIST SP 800-63B: length over composition rules; refuse the obvious. */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (password.length > 256) return 'must be at most 256 characters long';
  if (password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() ?? '\u0000')) {
    return 'must not contain your e-mail name';
  }
  if (/^(.)\1+$/.test(password)) return 'must not be one character repeated';
  return undefined;
}
