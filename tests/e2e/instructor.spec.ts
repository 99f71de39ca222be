import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openDemo, stepCount, watchTfjsDownloads } from './demo-helpers';
import { readFileSync } from 'node:fs';
import type { Messages } from '../../lib/i18n/dictionary';
import { siteConfig } from '../../lib/site/config';
import { watchConsole } from './site';

const PAGE = '/en/week07/07-1/';

async function expectFillsScreen(page: Page, stage: Locator) {
  const viewport = page.viewportSize()!;
  const box = (await stage.boundingBox())!;
  expect(Math.round(box.x)).toBe(0);
  expect(Math.round(box.y)).toBe(0);
  expect(Math.round(box.width)).toBe(viewport.width);
  expect(Math.round(box.height)).toBe(viewport.height);
  const overflow = await stage.evaluate((el) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight }));
  expect(overflow).toEqual({ x: 0, y: 0 });
  // The surface takes a large share of the screen, not a thumbnail in a corner.
  const canvas = (await stage.locator('canvas').first().boundingBox())!;
  expect(canvas.width * canvas.height).toBeGreaterThan(0.12 * viewport.width * viewport.height);
}

test('presentation mode by button, by the F key and leaving with Esc', async ({ page }) => {
  const problems = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(PAGE);
  const figure = await openDemo(page, 'latent-ellipse');
  const stage = figure.locator('.demo-stage');
  await figure.locator('[data-action="present"]').click();
  await expect(stage).toHaveAttribute('data-presenting', 'true');
  await expect(figure.locator('[data-action="present"]')).toHaveAttribute('aria-pressed', 'true');
  await expectFillsScreen(page, stage);
  await page.keyboard.press('Escape');
  await expect(stage).not.toHaveAttribute('data-presenting', 'true');
  await figure.locator('[data-action="reset"]').focus();
  await page.keyboard.press('f');
  await expect(stage).toHaveAttribute('data-presenting', 'true');
  await page.keyboard.press('Escape');
  await expect(stage).not.toHaveAttribute('data-presenting', 'true');
  expect(problems).toEqual([]);
});

test('a link opens the page on a demo in presentation mode, and &autoplay starts training', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${PAGE}?present=latent-ellipse&autoplay`);
  const stage = page.locator('figure[data-demo="latent-ellipse"] .demo-stage');
  await expect(stage).toHaveAttribute('data-presenting', 'true', { timeout: 45_000 });
  await expect(stage.locator('[data-readout="status"]')).toHaveText('Running', { timeout: 45_000 });
  await expect(page.locator('figure[data-demo="energy-inference"] .demo-stage')).not.toHaveAttribute('data-presenting', 'true');
});

for (const [width, height] of [
  [1280, 720],
  [3840, 2160],
] as const) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`presentation fills a ${width}x${height} screen without overflow (${scheme})`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme: scheme });
      for (const id of ['energy-inference', 'latent-ellipse']) {
        await page.goto(`${PAGE}?present=${id}`);
        const stage = page.locator(`figure[data-demo="${id}"] .demo-stage`);
        await expect(stage).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
        await expect(stage.locator('canvas')).toBeVisible();
        await expectFillsScreen(page, stage);
      }
    });
  }
}

for (const scheme of ['light', 'dark'] as const) {
  test(`the presentation palette has at least 7:1 contrast (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${PAGE}?present=latent-ellipse`);
    const stage = page.locator('figure[data-demo="latent-ellipse"] .demo-stage');
    await expect(stage).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
    const results = await new AxeBuilder({ page })
      .include('figure[data-demo="latent-ellipse"] .demo-stage')
      .withRules(['color-contrast-enhanced', 'color-contrast'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}

test('slow motion runs one step a second, fast-forward many per frame', async ({ page }) => {
  await page.goto(`${PAGE}?latent-ellipse.pace=slow`);
  const figure = await openDemo(page, 'latent-ellipse');
  await expect(figure.getByLabel('Pace')).toHaveValue('slow');
  await figure.locator('[data-action="play"]').click();
  await page.waitForTimeout(3_300);
  const slow = await stepCount(figure);
  expect(slow).toBeGreaterThanOrEqual(2);
  expect(slow).toBeLessThanOrEqual(4);
  await figure.getByLabel('Pace').selectOption('fast');
  await expect.poll(() => stepCount(figure), { timeout: 15_000 }).toBeGreaterThan(slow + 200);
});

test('the lecture playlist loads nothing until the first key press, then steps through the demos by keyboard and follows ?demos=', async ({ page }) => {
  const problems = watchConsole(page);
  const downloads = watchTfjsDownloads(page);
  await page.goto('/en/week07/present/');
  const playlist = page.locator('.playlist');
  const stage = playlist.locator('.demo-stage');
  await expect(playlist).toHaveAttribute('data-current', 'energy-inference');
  await expect(page.locator('.playlist-position')).toHaveText(/^Demo 1 of \d+$/);
  await expect(page.locator('.playlist-prompt')).not.toBeEmpty();
  // Waiting for the presenter: a focused Start button that says what starts the demo, and no tfjs.
  const startButton = page.locator('[data-action="start-demo"]');
  await expect(startButton).toBeFocused();
  await expect(startButton).toHaveAccessibleDescription(/first key press/);
  await page.waitForLoadState('networkidle');
  await expect(stage).toHaveAttribute('data-demo-state', 'waiting');
  expect(downloads).toEqual([]);
  // The first key press (a clicker's Page Down) starts the demo on screen, with progress, and does not move on.
  await page.keyboard.press('PageDown');
  await expect(stage).not.toHaveAttribute('data-demo-state', 'waiting');
  await expect(playlist).toHaveAttribute('data-current', 'energy-inference');
  await expect(stage).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
  expect(downloads.length).toBeGreaterThan(0);
  // From then on the keys move, and the next demo starts at once.
  await page.keyboard.press('ArrowRight');
  await expect(playlist).toHaveAttribute('data-current', 'latent-ellipse');
  await expect(page).toHaveURL(/#latent-ellipse$/);
  await expect(stage).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
  await page.keyboard.press('PageUp');
  await expect(playlist).toHaveAttribute('data-current', 'energy-inference');
  await page.keyboard.press('PageDown');
  await expect(playlist).toHaveAttribute('data-current', 'latent-ellipse');
  // A presenter's own order, with unknown ids skipped; the buttons move without starting.
  await page.goto('/en/week07/present/?demos=latent-ellipse,no-such-demo,energy-inference');
  await expect(playlist).toHaveAttribute('data-current', 'latent-ellipse');
  await expect(page.locator('.playlist-position')).toHaveText('Demo 1 of 2');
  await page.locator('[data-action="next-demo"]').click();
  await expect(playlist).toHaveAttribute('data-current', 'energy-inference');
  await expect(page.locator('[data-action="next-demo"]')).toBeDisabled();
  await expect(stage).toHaveAttribute('data-demo-state', 'waiting');
  // A click on the stage starts it too; ?autoplay then trains at once.
  await page.goto('/en/week07/present/?demos=energy-inference&autoplay');
  await expect(stage).toHaveAttribute('data-demo-state', 'waiting');
  await stage.click({ position: { x: 10, y: 10 } });
  await expect(playlist.locator('[data-readout="status"]')).toHaveText(/Running|Finished/, { timeout: 45_000 });
  expect(problems).toEqual([]);
});

/** A language's interface strings (read from the file: the test runner imports no JSON module). */
const messagesFor = (lang: string): Messages => JSON.parse(readFileSync(`lib/i18n/messages/${lang}.json`, 'utf8'));

/** Records the page's layout shifts (those CLS counts: none right after an input) from its start, with what moved. */
async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
    const shifts: string[] = [];
    (window as unknown as { layoutShifts: string[] }).layoutShifts = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Shift[]) {
        if (entry.hadRecentInput) continue;
        const moved = entry.sources.map(({ node, previousRect: a, currentRect: b }) => `${node?.nodeName} "${node?.textContent?.slice(0, 40)}" (${a.x},${a.y} ${a.width}x${a.height}) → (${b.x},${b.y} ${b.width}x${b.height})`);
        shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { layoutShifts: string[] }).layoutShifts);
}

/** The title and question the playlist shows (hidden ones are not in innerText). */
const shownDemo = (page: Page) =>
  page.evaluate(() => ({
    title: (document.querySelector('.playlist h1') as HTMLElement).innerText,
    prompt: (document.querySelector('.playlist-prompt') as HTMLElement).innerText,
  }));

for (const lang of ['en', 'fr']) {
  const m = messagesFor(lang);
  const expected = (id: 'dae-energy' | 'autoencoder') => ({ title: m.demos[id].title, prompt: m.present.prompts[id] });
  for (const [link, id, position] of [
    ['?demos=dae-energy,autoencoder', 'dae-energy', [1, 2]],
    ['#autoencoder', 'autoencoder', [7, 9]],
  ] as const) {
    test(`a ${link} link paints its demo first, before the site’s scripts run, and nothing moves when they do (${lang})`, async ({ page }) => {
      await page.setViewportSize({ width: 1920, height: 1080 });
      const url = `/${lang}/week07/present/${link}`;
      // The page as the room first sees it: only the document's inline script has run.
      await page.route('**/*.js', (route) => route.abort());
      await page.goto(url);
      expect(await shownDemo(page)).toEqual(expected(id));
      await expect(page.locator('[data-action="start-demo"]')).toBeVisible();
      // What depends on the link's order waits, in its place, for the page to read the link.
      await expect(page.locator('.playlist-position')).toBeHidden();
      await expect(page.locator('[data-action="next-demo"]')).toBeHidden();
      const fontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
      const staticType = await fontSize();
      expect(staticType).not.toBe('16px'); // lecture-hall type on a 1920-pixel-wide screen
      const staticBox = await page.locator('.playlist h1').boundingBox();
      await page.unroute('**/*.js');

      // The same link with the site's scripts: the same demo throughout, no layout shift, no error.
      await page.goto('about:blank');
      const problems = watchConsole(page);
      const layoutShift = await watchLayoutShifts(page);
      await page.goto(url);
      await expect(page.locator('.playlist')).toHaveAttribute('data-hydrated', '');
      await expect(page.locator('.playlist')).toHaveAttribute('data-current', id);
      expect(await shownDemo(page)).toEqual(expected(id));
      await expect(page.locator('.playlist-position')).toHaveText(m.present.position.replace('{current}', String(position[0])).replace('{total}', String(position[1])));
      await expect(page.locator('[data-action="start-demo"]')).toBeFocused();
      expect(await page.locator('.playlist h1').boundingBox()).toEqual(staticBox);
      expect(await fontSize()).toBe(staticType);
      await page.waitForLoadState('networkidle');
      expect(await layoutShift()).toEqual([]);
      expect(problems).toEqual([]);
    });
  }
}

test('the playlist opened without a link does not move either when its scripts run', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  const layoutShift = await watchLayoutShifts(page);
  await page.goto('/en/week07/present/');
  await expect(page.locator('.playlist')).toHaveAttribute('data-hydrated', '');
  await expect(page.locator('[data-action="start-demo"]')).toBeFocused();
  await page.waitForLoadState('networkidle');
  expect(await layoutShift()).toEqual([]);
});

test('a link’s ids that are not in the playlist are named, and a link with none of its demos never shows another', async ({ page }) => {
  // Before the site's scripts run, a link with none of the playlist's demos shows no demo.
  await page.route('**/*.js', (route) => route.abort());
  await page.goto('/fr/week07/present/?demos=pas-une-demo');
  await expect(page.locator('.playlist')).toBeAttached();
  await expect(page.locator('.playlist')).toBeHidden();
  await page.unroute('**/*.js');
  await page.goto('about:blank');

  const problems = watchConsole(page);
  await page.goto('/en/week07/present/?demos=no-such-demo,latent-ellipse,autoencodr');
  await expect(page.locator('.playlist')).toHaveAttribute('data-current', 'latent-ellipse');
  await expect(page.locator('.playlist-position')).toHaveText('Demo 1 of 1');
  await expect(page.locator('.playlist-skipped')).toHaveText('This link names demos that are not in this playlist, left out: no-such-demo, autoencodr');
  await expect(page.locator('[data-action="start-demo"]')).toBeFocused();
  await page.goto('/fr/week07/present/?demos=pas-une-demo');
  await expect(page.locator('.playlist-empty')).toContainText(messagesFor('fr').present.empty);
  await expect(page.locator('.playlist-empty .playlist-skipped')).toHaveText('Ce lien nomme des démos absentes de cette liste, laissées de côté : pas-une-demo');
  expect(problems).toEqual([]);
});

test('the playlist’s Start button starts the demo by Enter, and Enter on another control is that control’s', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/en/week07/present/?demos=latent-ellipse,energy-inference');
  const stage = page.locator('.playlist .demo-stage');
  await expect(page.locator('[data-action="start-demo"]')).toBeFocused();
  // Enter on "Next demo" moves without starting.
  await page.locator('[data-action="next-demo"]').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.playlist')).toHaveAttribute('data-current', 'energy-inference');
  await expect(stage).toHaveAttribute('data-demo-state', 'waiting');
  await page.locator('[data-action="start-demo"]').focus();
  await page.keyboard.press('Enter');
  await expect(stage).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
  // The focus stays on the page, where the playlist's keys keep working.
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.playlist')).toHaveAttribute('data-current', 'latent-ellipse');
  expect(problems).toEqual([]);
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no violation on the playlist waiting for its presenter, opened plain or from a link naming an unknown id (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/en/week07/present/?demos=no-such-demo,autoencoder,dae-energy#dae-energy');
    await expect(page.locator('.playlist-skipped')).toBeVisible();
    await expect(page.locator('[data-action="start-demo"]')).toBeFocused();
    const linked = await new AxeBuilder({ page }).analyze();
    expect(linked.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    await page.goto('/en/week07/present/');
    await expect(page.locator('.playlist .demo-stage')).toHaveAttribute('data-demo-state', 'waiting');
    await expect(page.locator('[data-action="start-demo"]')).toBeFocused();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
}

test('after loading, a running demo keeps working offline and requests nothing', async ({ page, context }) => {
  const problems = watchConsole(page);
  await page.goto(PAGE);
  const figure = await openDemo(page, 'latent-ellipse');
  await page.waitForLoadState('networkidle');
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await context.setOffline(true);
  await figure.locator('[data-action="play"]').click();
  const before = await stepCount(figure);
  await expect.poll(() => stepCount(figure)).toBeGreaterThan(before + 50);
  await figure.getByLabel('Surface', { exact: true }).selectOption('gibbs');
  await figure.locator('[data-action="present"]').click();
  await page.keyboard.press('Escape');
  await context.setOffline(false);
  expect(requests).toEqual([]);
  expect(problems).toEqual([]);
});

test('a model saved by a build from before the site configuration is still offered, then moved', async ({ page }) => {
  await page.goto('/en/');
  // What that build wrote: its own database name and record format, one store, keyed by demo.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('week07-notes', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('models');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('models', 'readwrite');
          const config = { demo: 'autoencoder', hidden: 30, seed: 1, steps: 1234, batchSize: 64, learningRate: 0.001 };
          tx.objectStore('models').put({ format: 'week07-autoencoder', version: 1, savedAt: '2026-01-01T00:00:00.000Z', config, tensors: [] }, 'model:autoencoder');
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
        };
      }),
  );
  await page.goto('/en/week07/present/?demos=autoencoder');
  await expect(page.locator('[data-saved-model="autoencoder"]')).toContainText('1234');
  const names = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
  expect(names).not.toContain('week07-notes');
  expect(names).toContain(siteConfig.database);
});
