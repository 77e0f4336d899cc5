// probity import: create records from a CSV file (vendors, past purchases, …) in one organisation, as
// the operator at the server. The same checks as the API: every row first, then all rows or none.
import { readFile } from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import { AppError, InputInvalidError } from '../../../app/errors.ts';
import type { Runtime } from '../../../app/runtime.ts';
import { systemScope } from '../../../app/use-cases/bootstrap.ts';
import { importRecordsAs } from '../../../app/use-cases/record-import.ts';
import { orgUnits } from '../../../store/schema.ts';
import { EXIT, type Io } from '../io.ts';
import { organisationBySlug, withRuntime } from '../runtime.ts';

export interface ImportArgs {
  org: string;
  pack: string;
  kind: string;
  file: string;
  unit?: string | undefined;
  state?: string | undefined;
  dryRun?: boolean;
  json?: boolean;
}

export async function importFile(runtime: Pick<Runtime, 'app'>, args: ImportArgs, io: Io): Promise<number> {
  let csv: string;
  try {
    csv = args.file === '-' ? await io.readStdin() : await readFile(args.file, 'utf8');
  } catch (error) {
    throw new AppError('PRB_INPUT_INVALID', `Cannot read ${args.file}: ${(error as Error).message}`);
  }
  const db = runtime.app.store.db;
  const org = await organisationBySlug(db, args.org);
  let unitId: string | undefined;
  if (args.unit !== undefined) {
    const units = await db.select().from(orgUnits).where(eq(orgUnits.orgId, org.id));
    unitId = units.find((u) => u.name === args.unit || u.id === args.unit)?.id;
    if (!unitId) {
      throw new AppError(
        'PRB_NOT_FOUND',
        `Organisation ${args.org} has no unit "${args.unit}"; units: ${units.map((u) => u.name).join(', ') || 'none'}.`,
      );
    }
  }
  try {
    const result = await importRecordsAs(
      runtime.app,
      systemScope(org),
      'system',
      {
        org: args.org,
        pack: args.pack,
        kind: args.kind,
        csv,
        dryRun: args.dryRun === true,
        ...(unitId === undefined ? {} : { unitId }),
        ...(args.state === undefined ? {} : { state: args.state }),
      },
      runtime.app.clock(),
    );
    if (args.json) io.out(JSON.stringify(result, null, 2));
    else if (result.dryRun)
      io.out(`${args.file}: all ${result.rows} rows are valid; nothing was written (--dry-run).`);
    else io.out(`${args.file}: ${result.created} ${args.kind} records created in ${args.org}.`);
    return EXIT.ok;
  } catch (error) {
    if (!(error instanceof InputInvalidError)) throw error;
    // Name each row as a spreadsheet user finds it: line N, column name.
    const lines = error.issues.map((i) => {
      const m = /^\/csv\/(\d+)\/(.+)$/.exec(i.path);
      return m ? `  line ${m[1]}, column ${m[2]}: ${i.message}` : `  ${i.path}: ${i.message}`;
    });
    io.err(`${args.file}: nothing was imported; ${error.issues.length} problem(s):\n${lines.join('\n')}`);
    return EXIT.failed;
  }
}

export function importCommand(args: ImportArgs, io: Io): Promise<number> {
  return withRuntime(io, 'probity import', (runtime) => importFile(runtime, args, io));
}
