// probity migrate: bring the store's schema up to date and say what was done.
import { EXIT, type Io } from '../io.ts';
import { withRuntime } from '../runtime.ts';

export async function migrateCommand(io: Io): Promise<number> {
  return withRuntime(
    io,
    'probity migrate',
    async (runtime) => {
      io.out(`Store: ${runtime.store.describe}`);
      const started = Date.now();
      await runtime.store.migrate();
      io.out(`Migrations applied: the schema is up to date (${Date.now() - started} ms).`);
      return EXIT.ok;
    },
    { migrate: false },
  );
}
