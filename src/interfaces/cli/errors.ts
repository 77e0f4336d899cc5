// Turning errors into what a person at a terminal reads: one line naming the code and what was wrong,
// then one line per invalid field. Expected errors (ProbityError) never show a stack trace.

import { InputInvalidError } from '../../app/errors.ts';
import { FactsInvalidError, ProbityError } from '../../kernel/index.ts';

export function formatError(error: unknown, opts: { debug?: boolean } = {}): string {
  if (error instanceof FactsInvalidError || error instanceof InputInvalidError) {
    const n = error.issues.length;
    const head =
      error instanceof FactsInvalidError
        ? `facts for case kind "${String(error.details?.caseKind ?? '')}" are invalid`
        : 'the input is invalid';
    const lines = error.issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`);
    return [`error ${error.code}: ${head} (${n} problem${n === 1 ? '' : 's'}):`, ...lines].join('\n');
  }
  if (error instanceof ProbityError) return `error ${error.code}: ${error.message}`;
  const message = error instanceof Error ? error.message : String(error);
  const stack = error instanceof Error && error.stack !== undefined ? error.stack : undefined;
  // Not an error Probity expects: a defect. Say so, and give the stack when asked for (LOG_LEVEL=debug).
  const lines = [`error PRB_INTERNAL: ${message}`];
  if (opts.debug && stack) lines.push(stack);
  else lines.push('  (this is a defect in Probity; run again with LOG_LEVEL=debug for the stack trace)');
  return lines.join('\n');
}

export function isDebug(env: Record<string, string | undefined>): boolean {
  return env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace';
}
