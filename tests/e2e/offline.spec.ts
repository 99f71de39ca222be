import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { openDemo, runSteps, stepCount } from './demo-helpers';
import { startPlainServer } from './plain-server';
import { languages, lecturePaths, watchConsole } from './site';

// The service worker against `out/` served by a host that sends no special header: isolation
// after one reload, the whole week offline, the update prompt, a refused cache.
const port = Number(process.env.E2E_PORT ?? 4391) + 2;
const origin = `http://127.0.0.1:${port}`;
const out = path.resolve('out');
const nextBuild = path.resolve('test-results', 'offline-next-build');

let server: Awaited<ReturnType<typeof startPlainServer>>;

test.describe.configure({ mode: 'serial' });
test.setTimeout(240_000);

test.beforeAll(async () => {
  server = await startPlainServer(port, out);
});

test.afterAll(async () => {
  await server.close();
  rmSync(nextBuild, { recursive: true, force: true });
});

test.beforeEach(() => server.serve(out));

async function freshContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: origin, serviceWorkers: 'allow' });
}

/** Visits a page and waits until the worker has installed and controls it. */
async function installWorker(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('.offline-status')).toHaveAttribute('data-offline-state', 'ready', { timeout: 60_000 });
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
}

test('after the worker installs and one reload, the page is cross-origin isolated and wasm runs on several threads', async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const problems = watchConsole(page);
  await installWorker(page, '/en/week07/07-3/?backend=wasm');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.reload();
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const figure = await openDemo(page, 'autoencoder');
  await expect(figure.locator('[data-readout="backend"]')).toHaveText('wasm');
  const threads = await page.evaluate(() => window.__notesTf!.wasmThreads());
  expect(threads).toBeGreaterThan(1);
  await expect(figure.locator('[data-readout="threads"]')).toHaveText(`· ${threads} threads`);
  await runSteps(page, 'autoencoder', 5);
  await expect.poll(() => stepCount(figure)).toBeGreaterThanOrEqual(5);
  expect(problems).toEqual([]);
  await context.close();
});

test('before the reload, the read-out says why wasm runs on one thread', async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await installWorker(page, '/en/week07/07-3/?backend=wasm');
  // The worker has taken over this page already, but isolation applies from the next load.
  const figure = await openDemo(page, 'autoencoder');
  await expect(figure.locator('[data-readout="threads"]')).toHaveText('· 1 thread');
  await expect(figure.locator('[data-note="threads"]')).toContainText('Reload the page once');
  await context.close();
});

test('with the network cut, every page of the week in both languages loads, and the demos train', async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  await installWorker(page, '/en/week07/present/');
  // The instructor prepares ahead: the demos' heavy files, fetched with progress.
  await page.locator('.make-offline button').click();
  await expect(page.locator('.make-offline')).toHaveAttribute('data-offline-download', 'complete', { timeout: 120_000 });
  await expect(page.locator('.make-offline-status')).toHaveText('Everything is available offline: pages, demos and data.');

  await context.setOffline(true);
  const pages = ['/', ...languages().flatMap((lang) => [`/${lang}/`, ...lecturePaths(lang), `/${lang}/glossary/`, `/${lang}/week07/present/`])];
  for (const url of pages) {
    const response = await page.goto(url);
    expect(response?.ok(), url).toBe(true);
    expect(response?.fromServiceWorker(), url).toBe(true);
    await expect(page.locator('h1').first(), url).toBeVisible();
  }
  // Isolated offline too: the worker adds the headers to what it serves from its cache.
  await page.goto('/en/week07/07-3/?backend=wasm');
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const autoencoder = await openDemo(page, 'autoencoder');
  await runSteps(page, 'autoencoder', 5);
  await expect.poll(() => stepCount(autoencoder)).toBeGreaterThanOrEqual(5);
  await expect(autoencoder.locator('[data-readout="loss"]')).not.toHaveText('—');

  await page.goto('/fr/week07/07-2/?backend=wasm&contrastive-divergence.k=1');
  const contrastive = await openDemo(page, 'contrastive-divergence');
  await runSteps(page, 'contrastive-divergence', 5);
  await expect.poll(() => stepCount(contrastive)).toBeGreaterThanOrEqual(5);
  await context.close();
});

test('a new build deployed in place of the old one brings the update prompt, and reloading serves it whole', async ({ browser }) => {
  // A second build: one page changed, and the worker rebuilt over the folder as `npm run build` does.
  rmSync(nextBuild, { recursive: true, force: true });
  cpSync(out, nextBuild, { recursive: true });
  const changed = path.join(nextBuild, 'en', 'week07', 'index.html');
  writeFileSync(changed, readFileSync(changed, 'utf8').replace('</body>', '<p id="second-build">second build</p></body>'));
  execFileSync('npx', ['tsx', 'scripts/build-sw.ts', nextBuild], { stdio: 'pipe' });

  const context = await freshContext(browser);
  const page = await context.newPage();
  await installWorker(page, '/en/week07/');
  server.serve(nextBuild);
  // The old worker keeps serving the old build until the reader accepts the new one.
  await page.reload();
  const status = page.locator('.offline-status');
  await expect(status).toHaveAttribute('data-offline-state', 'update', { timeout: 60_000 });
  await expect(status).toContainText('A new version of the notes is available.');
  await expect(page.locator('#second-build')).toHaveCount(0);
  await status.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('#second-build')).toHaveText('second build', { timeout: 30_000 });
  await expect(status).toHaveAttribute('data-offline-state', 'ready');
  await context.close();
});

test('when the browser refuses to store anything, the site works online and says offline use is unavailable', async ({ browser }) => {
  const context = await freshContext(browser);
  const page = await context.newPage();
  const problems = watchConsole(page);
  // A one-byte quota: every cache write is refused, as in a private window or on a full disk.
  // (A quota of 0 would mean "no override".)
  const cdp = await context.newCDPSession(page);
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await page.goto('/en/week07/07-1/?backend=wasm');
  const status = page.locator('.offline-status');
  await expect(status).toHaveAttribute('data-offline-state', 'unavailable', { timeout: 60_000 });
  await expect(status).toContainText('Offline use is unavailable');
  const figure = await openDemo(page, 'energy-inference');
  await runSteps(page, 'energy-inference', 5);
  await expect.poll(() => stepCount(figure)).toBeGreaterThanOrEqual(5);
  await page.goto('/fr/week07/07-1/');
  await expect(page.locator('h1').first()).toBeVisible();
  expect(problems).toEqual([]);
  await context.close();
});
