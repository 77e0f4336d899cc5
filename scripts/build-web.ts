// npm run build:web — builds dist/web when missing or stale (`--force` rebuilds regardless).
import { rm } from 'node:fs/promises';
import { ensureWebBuild, WEB_DIST } from '../src/interfaces/web/build.ts';

if (process.argv.includes('--force')) await rm(WEB_DIST, { recursive: true, force: true });
const outcome = await ensureWebBuild((line) => console.log(line));
console.log(
  outcome === 'current'
    ? `dist/web is current.`
    : outcome === 'built'
      ? 'Built dist/web.'
      : 'No web sources.',
);
