// probity demo: create the demo organisation (once) and load the demo records of every installed pack.

import { loadConfig } from '../../../app/config.ts';
import { bootstrap } from '../../../app/use-cases/bootstrap.ts';
import { EXIT, type Io } from '../io.ts';
import { credentialsBlock, demoPacksLine } from '../output.ts';
import { withRuntime } from '../runtime.ts';

export async function demoCommand(io: Io): Promise<number> {
  const config = loadConfig(io.env);
  return withRuntime(io, 'probity demo', async (runtime) => {
    const result = await bootstrap(runtime.app);
    const block = credentialsBlock(
      result,
      `http://${config.host}:${config.port} (start it with \`probity serve\`)`,
    );
    if (block) io.out(block);
    else io.out(`The demo organisation "${result.org}" already exists.`);
    io.out(demoPacksLine(result.demoPacksLoaded));
    return EXIT.ok;
  });
}
