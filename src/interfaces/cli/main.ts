// Entry point of the `probity` command (bin/probity.js imports this after checking the Node.js version).
import { processIo } from './io.ts';
import { runCli } from './program.ts';

const code = await runCli(process.argv.slice(2), processIo());
// Set, not process.exit(): let stdout drain. serve returns undefined and runs until a signal.
if (code !== undefined) process.exitCode = code;
