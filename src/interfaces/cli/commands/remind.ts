// probity remind: send (or, with --dry-run, list) the deadline reminders due today in every organisation
// or one, exactly as the server's reminder job does.
import type { Runtime } from '../../../app/runtime.ts';
import { execute, OPERATOR } from '../../../app/use-case.ts';
import { type ReminderRun, sendReminders, stageCounts } from '../../../app/use-cases/reminders.ts';
import type { CalendarDate } from '../../../kernel/index.ts';
import { EXIT, type Io } from '../io.ts';
import { withRuntime } from '../runtime.ts';

export interface RemindArgs {
  org?: string | undefined;
  asOf?: CalendarDate | undefined;
  dryRun?: boolean;
  json?: boolean;
}

export function remindText(runs: readonly ReminderRun[]): string {
  if (runs.length === 0) return 'No organisations in the store yet: no reminders to send.';
  const lines: string[] = [];
  for (const r of runs) {
    const verb = r.dryRun ? 'would be sent' : 'sent';
    const stages = stageCounts(r);
    lines.push(
      `${r.org} (as of ${r.today}): ${r.sent} reminder${r.sent === 1 ? '' : 's'} ${verb}${stages ? ` (${stages})` : ''}`,
    );
    for (const m of r.reminders) {
      const to =
        m.recipientNames.length > 0 ? m.recipientNames.join(', ') : 'nobody holds a role to act on it';
      lines.push(`  ${m.title} — ${m.words} (due ${m.dueOn}, stage ${m.stage}) → ${to}`);
    }
  }
  return lines.join('\n');
}

/** The command's work on an open runtime (tests call it with a test store). */
export async function remind(runtime: Pick<Runtime, 'app'>, args: RemindArgs, io: Io): Promise<number> {
  const result = await execute(runtime.app, sendReminders, OPERATOR, {
    org: args.org,
    asOf: args.asOf,
    dryRun: args.dryRun === true,
  });
  io.out(args.json ? JSON.stringify(result, null, 2) : remindText(result.organisations));
  return EXIT.ok;
}

export function remindCommand(args: RemindArgs, io: Io): Promise<number> {
  return withRuntime(io, 'probity remind', (runtime) => remind(runtime, args, io));
}
