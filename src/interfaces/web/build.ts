// Keeps dist/web current: `probity serve` and the browser tests call ensureWebBuild(), which builds the
// browser application with Vite when the build is missing or older than its sources. Staleness is
// decided by a fingerprint of the sources' contents (not timestamps, which a fresh clone resets), and
// a build is written to a temporary folder and renamed into place, so a reader never sees half of one.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_DIR = fileURLToPath(new URL('../../../', import.meta.url));
export const WEB_DIST = join(REPO_DIR, 'dist', 'web');
const STAMP = '.probity-build.json';

/** The files whose contents decide the build: the app, its HTML and config, and the locked dependencies. */
async function sourceFiles(): Promise<string[]> {
  const files = [join(WEB_DIR, 'index.html'), join(WEB_DIR, 'vite.config.ts')];
  const lock = join(REPO_DIR, 'package-lock.json');
  if (existsSync(lock)) files.push(lock);
  const walk = async (dir: string) => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (!entry.name.endsWith('.test.ts')) files.push(path);
    }
  };
  await walk(join(WEB_DIR, 'app'));
  return files.sort();
}

export async function webFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  for (const file of await sourceFiles()) {
    hash.update(relative(REPO_DIR, file));
    hash.update('\0');
    hash.update(await readFile(file));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The assets the current build itself produced (not those it carried over). */
async function previousAssets(): Promise<string[]> {
  try {
    const stamp = JSON.parse(await readFile(join(WEB_DIST, STAMP), 'utf8')) as { assets?: unknown };
    return Array.isArray(stamp.assets) ? stamp.assets.filter((a): a is string => typeof a === 'string') : [];
  } catch {
    return [];
  }
}

async function builtFingerprint(): Promise<string | undefined> {
  try {
    const stamp = JSON.parse(await readFile(join(WEB_DIST, STAMP), 'utf8')) as { fingerprint?: string };
    return stamp.fingerprint;
  } catch {
    return undefined;
  }
}

export type WebBuildOutcome = 'current' | 'built' | 'unavailable';

const LOCK = join(REPO_DIR, 'dist', '.web-build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One build at a time across processes (a server starting while the tests build, say). */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  await mkdir(join(REPO_DIR, 'dist'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(await readFile(join(LOCK, 'pid'), 'utf8').catch(() => ''), 10);
      if (Number.isInteger(holder) && !alive(holder)) {
        await rm(LOCK, { recursive: true, force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    await writeFile(join(LOCK, 'pid'), String(process.pid));
    return await fn();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds dist/web when it is missing or stale. Returns 'unavailable' (and leaves any existing build
 * alone) when the sources are not present, as in an installation that ships only dist/.
 */
export async function ensureWebBuild(log: (line: string) => void = () => {}): Promise<WebBuildOutcome> {
  if (!existsSync(join(WEB_DIR, 'app', 'main.tsx'))) return 'unavailable';
  const fingerprint = await webFingerprint();
  if ((await builtFingerprint()) === fingerprint) return 'current';
  return withBuildLock(async () => {
    // Another process may have built it while this one waited.
    if ((await builtFingerprint()) === fingerprint) return 'current';
    await build(fingerprint, log);
    return 'built';
  });
}

async function build(fingerprint: string, log: (line: string) => void): Promise<void> {
  log('Building the web application (dist/web is missing or older than its sources)…');
  const tmp = `${WEB_DIST}.tmp-${process.pid}`;
  const vite = await import('vite');
  try {
    await vite.build({
      configFile: join(WEB_DIR, 'vite.config.ts'),
      logLevel: 'warn',
      build: { outDir: tmp, emptyOutDir: true },
    });
    // A page loaded from the previous build may still ask for its lazily loaded screens: keep that
    // build's assets (hashed names never collide) for one more build, so it does not break mid-visit.
    const assets = await readdir(join(tmp, 'assets')).catch(() => [] as string[]);
    for (const file of await previousAssets()) {
      if (!assets.includes(file)) {
        await copyFile(join(WEB_DIST, 'assets', file), join(tmp, 'assets', file)).catch(() => {});
      }
    }
    await writeFile(
      join(tmp, STAMP),
      `${JSON.stringify({ fingerprint, builtAt: new Date().toISOString(), assets })}\n`,
    );
    await mkdir(join(REPO_DIR, 'dist'), { recursive: true });
    const old = `${WEB_DIST}.old-${process.pid}`;
    if (existsSync(WEB_DIST)) await rename(WEB_DIST, old);
    await rename(tmp, WEB_DIST);
    await rm(old, { recursive: true, force: true });
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}
