// npm run dev — the web application with hot reload: `probity serve` (the API, on PORT or 3000) in a
// child process, and Vite's dev server on 127.0.0.1:5173 in front of it, proxying /api. Open the Vite
// URL; edits under src/interfaces/web/app/ apply at once. Server code changes need a restart.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const port = process.env.PORT ?? '3000';
const apiUrl = `http://127.0.0.1:${port}`;
const bin = fileURLToPath(new URL('../bin/probity.js', import.meta.url));
const api = spawn(process.execPath, [bin, 'serve'], {
  stdio: 'inherit',
  // The dev server serves the app itself: no production build needed at start.
  env: { ...process.env, PORT: port, HOST: '127.0.0.1', PROBITY_SKIP_WEB_BUILD: '1' },
});

process.env.PROBITY_API_URL = apiUrl;
const { createServer } = await import('vite');
const vite = await createServer({
  configFile: fileURLToPath(new URL('../src/interfaces/web/vite.config.ts', import.meta.url)),
});
await vite.listen();
console.log(
  `Web app with hot reload: ${vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:5173/'} (API at ${apiUrl})`,
);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  api.kill('SIGTERM');
  await vite.close();
  process.exit(code);
}
api.on('exit', (code) => void stop(code ?? 1));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
