#!/usr/bin/env node
// The `probity` command. Plain JavaScript so that an old Node.js gets one clear line, not a stack trace;
// the CLI itself is TypeScript that Node runs directly (type stripping).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import '../scripts/check-node.js';

if (!process.features.typescript) {
  // Node 22.12–22.17 strips types only behind a flag: run again with it.
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', fileURLToPath(import.meta.url), ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(result.status ?? 1);
}
await import('../src/interfaces/cli/main.ts');
