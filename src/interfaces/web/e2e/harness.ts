// Browser tests: a real Probity server on a loopback port over a fresh store (demo organisation and
// records loaded), and Debian's Chromium driven by playwright-core with a fresh profile. Each test file
// gets its own server and browser (registerBrowserSession); `close()` stops both and removes the profile.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import type { App } from '../../../app/app.ts';
import { closeTestTemplate } from '../../../store/testing.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../../http/test-support.ts';
import { ensureWebBuild } from '../build.ts';

export const CHROMIUM = process.env.PROBITY_CHROMIUM ?? '/usr/bin/chromium';
export const RESULTS_DIR = new URL('../../../../test-results/', import.meta.url).pathname;
export { ADMIN_PASSWORD };

export interface BrowserSession {
  url: string;
  app: App;
  test: TestServer;
  context: BrowserContext;
  page: Page;
  adminEmail: string;
  /** A fresh page in the same browser (shares cookies). */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function startBrowserSession(
  opts: { viewport?: { width: number; height: number } } = {},
): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The browser tests drive Chromium at ${CHROMIUM}, which is not installed: run \`apt-get install -y chromium\` (Debian/Ubuntu) or set PROBITY_CHROMIUM to a Chromium or Chrome binary.`,
    );
  }
  await ensureWebBuild();
  const test = await startTestServer();
  await test.server.listen({ port: 0, host: '127.0.0.1' });
  const address = test.server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const profile = await mkdtemp(join(tmpdir(), 'probity-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: opts.viewport ?? { width: 1280, height: 860 },
    acceptDownloads: true,
    // axe-core is injected by the test; the app's own CSP stays on for everything else.
    bypassCSP: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return {
    url: `http://127.0.0.1:${port}`,
    app: test.app,
    test,
    context,
    page,
    adminEmail: 'admin@demo.example.org',
    async newPage() {
      const p = await context.newPage();
      p.setDefaultTimeout(15_000);
      return p;
    },
    async close() {
      await context.close().catch(() => {});
      await rm(profile, { recursive: true, force: true });
      await test.close();
      await closeTestTemplate();
      if (errors.length) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}

/**
 * The test file's browser session: started before its tests, then `setUp` (e.g. records made through
 * the API before the browser looks), then signed in as the demo administrator unless `signedIn: false`;
 * closed after the tests. One hook does all of it: node:test does not wait for one top-level `before`
 * to finish before starting the next, so setup must not live in a second one. Call the returned
 * function inside a test or hook.
 */
export function registerBrowserSession({
  signedIn = true,
  setUp,
}: {
  signedIn?: boolean;
  setUp?: (s: BrowserSession) => Promise<void>;
} = {}): () => BrowserSession {
  let session: BrowserSession | undefined;
  before(async () => {
    session = await startBrowserSession();
    if (setUp) await setUp(session);
    if (signedIn) await signIn(session);
  });
  after(async () => {
    await session?.close();
  });
  return () => {
    if (!session) throw new Error('The browser session starts in `before`: use it inside a test or a hook.');
    return session;
  };
}

/** Fills in the sign-in form already on `page` and submits it. */
export async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in through the sign-in form and waits for the dashboard. */
export async function signIn(
  s: BrowserSession,
  email = s.adminEmail,
  password = ADMIN_PASSWORD,
  page = s.page,
) {
  await page.goto(`${s.url}/sign-in`);
  await submitSignIn(page, email, password);
  await page.waitForURL((u) => u.pathname.startsWith('/o/'));
}

let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core on the page; returns serious and critical violations (an empty list passes). */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected at run time
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails with axe's description of each serious or critical violation on the page. */
export async function assertAccessible(page: Page) {
  const violations = await seriousA11yViolations(page);
  assert.deepEqual(violations, [], describeViolations(violations));
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')}  ${n.html}`).join('\n')}`,
    )
    .join('\n');
}

/** Saves a full-page screenshot under test-results/ (not committed). */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: join(RESULTS_DIR, `${name}.png`), fullPage: true });
}
