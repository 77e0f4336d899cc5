// Text the CLI prints in more than one command.
import type { BootstrapResult } from '../../app/use-cases/bootstrap.ts';

/** Printed once, when the demo organisation is created: its administrator's one-time password. */
export function credentialsBlock(result: BootstrapResult, signInAt: string): string | undefined {
  if (!result.created || result.oneTimePassword === undefined) return undefined;
  const rule = '─'.repeat(72);
  return [
    rule,
    `  Demo organisation "${result.org}" created.`,
    `  Sign in at          ${signInAt}`,
    `  as                  ${result.adminEmail ?? '(unknown)'}`,
    `  One-time password:  ${result.oneTimePassword}`,
    '  This password is shown once and is not stored; you will be asked to change it',
    '  when you first sign in.',
    rule,
  ].join('\n');
}

export function demoPacksLine(loaded: readonly string[]): string {
  return loaded.length === 0
    ? 'Demo records: every installed pack was already loaded.'
    : `Demo records loaded for pack${loaded.length === 1 ? '' : 's'}: ${loaded.join(', ')}.`;
}
