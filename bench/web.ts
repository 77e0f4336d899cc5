// The web application's weight and speed: the JavaScript a first visit must download (the entry chunk
// and what it imports statically, gzipped as a server would send it), and how long the dashboard takes
// to become usable on loopback in Chromium with an empty cache (median of several cold loads).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startTestServer } from '../src/interfaces/http/test-support.ts';
import { ensureWebBuild, WEB_DIST } from '../src/interfaces/web/build.ts';
import { CHROMIUM } from '../src/interfaces/web/e2e/harness.ts';
import { closeTestTemplate } from '../src/store/testing.ts';

export const INITIAL_JS_TARGET_BYTES = 250 * 1024;
export const FIRST_LOAD_TARGET_MS = 1000;

export interface BundleFigures {
  initialJsGzip: number;
  initialJsRaw: number;
  cssGzip: number;
  /** Every screen's code too, which the app prefetches once the first screen's requests are under way. */
  allJsGzip: number;
  files: string[];
}

/** The scripts index.html loads before the app can run: the entry and its modulepreloads. */
export async function measureBundle(): Promise<BundleFigures> {
  await ensureWebBuild();
  const html = await readFile(join(WEB_DIST, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]+src="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\/([^"]+\.css)"/g)].map(
    (m) => m[1]!,
  );
  let initialJsGzip = 0;
  let initialJsRaw = 0;
  for (const file of scripts) {
    const bytes = await readFile(join(WEB_DIST, file));
    initialJsRaw += bytes.length;
    initialJsGzip += gzipSync(bytes, { level: 6 }).length;
  }
  let cssGzip = 0;
  for (const file of styles) cssGzip += gzipSync(await readFile(join(WEB_DIST, file)), { level: 6 }).length;
  // The build's own assets (a rebuild also carries the previous build's, for pages still open).
  const stamp = JSON.parse(await readFile(join(WEB_DIST, '.probity-build.json'), 'utf8')) as {
    assets: string[];
  };
  let allJsGzip = 0;
  for (const file of stamp.assets.filter((f) => f.endsWith('.js'))) {
    allJsGzip += gzipSync(await readFile(join(WEB_DIST, 'assets', file)), { level: 6 }).length;
  }
  return { initialJsGzip, initialJsRaw, cssGzip, allJsGzip, files: scripts };
}

/** Milliseconds from navigation start until the dashboard shows its data (no "Loading…" left). */
export async function measureFirstLoad(runs = 7): Promise<{ medianMs: number; samplesMs: number[] }> {
  await ensureWebBuild();
  const t = await startTestServer();
  await t.server.listen({ port: 0, host: '127.0.0.1' });
  const address = t.server.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const samplesMs: number[] = [];
  try {
    const [name, ...rest] = t.adminCookie.split('=');
    for (let i = 0; i < runs; i++) {
      // A new context each time: empty cache, as on a first visit.
      const context = await browser.newContext();
      await context.addCookies([{ name: name!, value: rest.join('='), url }]);
      const page = await context.newPage();
      await page.goto(`${url}/o/demo`);
      await page.waitForFunction(
        () =>
          document.querySelector('main h1')?.textContent === 'Dashboard' &&
          !document.querySelector('.loading'),
        undefined,
        { timeout: 15_000 },
      );
      samplesMs.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
  } finally {
    await browser.close();
    await t.close();
    await closeTestTemplate();
  }
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { medianMs: sorted[Math.floor(sorted.length / 2)]!, samplesMs };
}

export async function benchWeb() {
  const t0 = performance.now();
  const bundle = await measureBundle();
  const load = await measureFirstLoad();
  const ok = (pass: boolean) => (pass ? 'target met' : 'TARGET MISSED');
  const bundlePass = bundle.initialJsGzip < INITIAL_JS_TARGET_BYTES;
  const loadPass = load.medianMs < FIRST_LOAD_TARGET_MS;
  if (!bundlePass || !loadPass) process.exitCode = 1;
  const seconds = (performance.now() - t0) / 1000;
  return [
    {
      name: 'web: initial JavaScript, gzipped (KB)',
      ops: Math.round(bundle.initialJsGzip / 1024),
      seconds,
      note: `${ok(bundlePass)} (< ${INITIAL_JS_TARGET_BYTES / 1024} KB); ${Math.round(bundle.initialJsRaw / 1024)} KB raw in ${bundle.files.length} file(s); all screens ${Math.round(bundle.allJsGzip / 1024)} KB gz; CSS ${Math.round(bundle.cssGzip / 1024)} KB gz`,
    },
    {
      name: 'web: dashboard usable after a cold load (ms, median)',
      ops: Math.round(load.medianMs),
      seconds,
      note: `${ok(loadPass)} (< ${FIRST_LOAD_TARGET_MS} ms); samples ${load.samplesMs.map((x) => Math.round(x)).join(', ')} ms`,
    },
  ];
}
