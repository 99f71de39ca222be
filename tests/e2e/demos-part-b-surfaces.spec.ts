import { expect, test, type Locator, type Page } from '@playwright/test';
import { canvasDigest, expectAccessibleDemos, expectKeyboardShortcuts, expectNoTensorLeak, openDemo, readoutNumber, stepCount, train } from './demo-helpers';
import { watchConsole } from './site';

const PAGE = '/en/week07/07-2/';
const DEMOS = ['kmeans-energy', 'dae-energy'] as const;
type Id = (typeof DEMOS)[number];

/**
 * Gradient steps never reach an exact fixed point, so K-means keeps running where a test needs
 * a demo that does not stop by itself; Lloyd's own stop is tested separately.
 */
const RUNNING: Record<Id, string> = { 'kmeans-energy': 'kmeans-energy.mode=gradient', 'dae-energy': '' };

async function loss(figure: Locator): Promise<number> {
  return readoutNumber(await figure.locator('[data-readout="loss"]').innerText());
}

async function readout(figure: Locator, name: string): Promise<number> {
  return readoutNumber(await figure.locator(`[data-readout="${name}"]`).innerText());
}

function points(figure: Locator): () => Promise<number> {
  return () => readout(figure, 'points');
}

/** Clicks the surface at a fraction of its width and height, from its top-left corner. */
async function clickPlot(page: Page, figure: Locator, fx: number, fy: number): Promise<void> {
  const plot = figure.getByRole('application');
  // Centred first: a click outside the viewport lands nowhere, and the page may have scrolled.
  await plot.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const box = (await plot.boundingBox())!;
  await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
}

for (const id of DEMOS) {
  test(`${id}: plays, steps and resets by mouse and keyboard, and redraws`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`${PAGE}?${RUNNING[id]}`);
    const figure = await openDemo(page, id);
    const play = figure.locator('[data-action="play"]');
    const status = figure.locator('[data-readout="status"]');
    await figure.locator('[data-action="step"]').click();
    await expect.poll(() => stepCount(figure)).toBe(1);
    const before = await canvasDigest(figure);
    await play.click();
    await expect(status).toHaveText('Running');
    await expect(play).toHaveAccessibleName(/pause/i);
    await expect.poll(() => stepCount(figure), { timeout: 20_000 }).toBeGreaterThan(20);
    await expect.poll(() => canvasDigest(figure)).not.toBe(before);
    await play.click();
    await expect(status).toHaveText('Paused');
    await expect(figure.locator('[data-live="announcements"]')).toHaveText(/paused/i);
    await figure.locator('[data-action="reset"]').click();
    await expect.poll(() => stepCount(figure)).toBe(0);
    // Keyboard: the shortcuts work while focus is inside the demo.
    await expectKeyboardShortcuts(page, figure);
    expect(problems).toEqual([]);
  });

  test(`${id}: the tensor count is the same after 100 and 1000 steps and returns to its start after a reset`, async ({ page }) => {
    await page.goto(`${PAGE}?${RUNNING[id]}`);
    const figure = await openDemo(page, id);
    await page.waitForTimeout(300);
    await expectNoTensorLeak(page, figure, id);
  });
}

test('kmeans-energy: training lowers the mean energy of the data', async ({ page }) => {
  // Prototypes that start uniformly over the plot are far from the data, so there is a lot to learn.
  await page.goto(`${PAGE}?kmeans-energy.start=box`);
  const figure = await openDemo(page, 'kmeans-energy');
  await figure.locator('[data-action="step"]').click();
  await expect.poll(() => stepCount(figure)).toBe(1);
  const first = await loss(figure);
  await figure.getByLabel('Training step').selectOption('gradient');
  await train(page, figure, 'kmeans-energy', 200);
  expect(await loss(figure)).toBeLessThan(first);
});

test('kmeans-energy: Lloyd steps converge, then the demo stops; a new point sets it going again', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${PAGE}?kmeans-energy.dataset=blobs&kmeans-energy.k=5&kmeans-energy.start=box`);
  const figure = await openDemo(page, 'kmeans-energy');
  const status = figure.locator('[data-readout="status"]');
  await figure.locator('[data-action="play"]').click();
  await expect(status).toHaveText('Finished', { timeout: 20_000 });
  await expect(figure.locator('[data-readout="converged"]')).toContainText(/Converged at step \d+/);
  const stopped = await stepCount(figure);
  const picture = await canvasDigest(figure);
  await page.waitForTimeout(500);
  expect(await stepCount(figure)).toBe(stopped);
  expect(await canvasDigest(figure)).toBe(picture);
  // Five blobs, five prototypes: one well per blob, every prototype owns points.
  await expect(figure.locator('[data-readout="dead"]')).toHaveText('0');
  await clickPlot(page, figure, 0.95, 0.95);
  await expect.poll(points(figure)).toBe(201);
  await expect.poll(() => stepCount(figure)).toBeGreaterThan(stopped);
  await expect(status).toHaveText('Finished', { timeout: 20_000 });
  expect(problems).toEqual([]);
});

test('kmeans-energy: clicking or pressing Enter adds a point; points can be cleared and restored', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(PAGE);
  const figure = await openDemo(page, 'kmeans-energy');
  const count = points(figure);
  await expect.poll(count).toBe(300);
  await clickPlot(page, figure, 0.9, 0.1);
  await expect.poll(count).toBe(301);
  await expect(figure.locator('[data-layer="points"] circle')).toHaveCount(301);
  // Keyboard: the plot's crosshair, then Enter.
  await figure.getByRole('application').focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect.poll(count).toBe(302);
  await figure.locator('[data-action="clear-points"]').click();
  await expect.poll(count).toBe(0);
  await expect(figure.locator('.demo-hint')).toContainText('no data points');
  await clickPlot(page, figure, 0.3, 0.3);
  await expect.poll(count).toBe(1);
  await expect.poll(() => readout(figure, 'prototypes')).toBe(1);
  await expect(figure.locator('[data-layer="prototypes"] g')).toHaveCount(1);
  await clickPlot(page, figure, 0.7, 0.6);
  await expect.poll(count).toBe(2);

  // A link carries the clicked points and the cleared preset: a fresh page shows the same data.
  await expect(page).toHaveURL(/kmeans-energy\.cleared=1/);
  await expect(page).toHaveURL(/kmeans-energy\.points=[-\d.]+%2C[-\d.]+_[-\d.]+%2C[-\d.]+/);
  const where = (f: typeof figure) =>
    f.locator('[data-layer="points"] circle').evaluateAll((cs) => cs.map((c) => `${c.getAttribute('cx')},${c.getAttribute('cy')}`));
  const clicked = await where(figure);
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  const linked = await openDemo(fresh, 'kmeans-energy');
  await expect.poll(points(linked)).toBe(2);
  await expect.poll(() => where(linked)).toEqual(clicked);
  await fresh.close();

  await figure.locator('[data-action="restore-data"]').click();
  await expect.poll(count).toBe(300);
  await expect.poll(() => readout(figure, 'prototypes')).toBe(16);
  await expect(page).not.toHaveURL(/kmeans-energy\.(points|cleared)/);
  expect(problems).toEqual([]);
});

test('kmeans-energy: the soft free energy is drawn and described', async ({ page }) => {
  await page.goto(PAGE);
  const figure = await openDemo(page, 'kmeans-energy');
  const before = await canvasDigest(figure);
  await figure.getByLabel('Surface', { exact: true }).selectOption('soft');
  await expect.poll(() => canvasDigest(figure)).not.toBe(before);
  await expect(figure.locator('p[id$="-summary"]')).toContainText('soft free energy F_β with β = 1');
  await expect(figure.locator('p[id$="-summary"]')).toContainText('16 prototypes');
});

test('dae-energy: training lowers the loss and the energy of the data; the arrows and samples are drawn', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(PAGE);
  const figure = await openDemo(page, 'dae-energy');
  await figure.locator('[data-action="step"]').click();
  await expect.poll(() => stepCount(figure)).toBe(1);
  const firstLoss = await loss(figure);
  const firstOnData = await readout(figure, 'data-median');
  await train(page, figure, 'dae-energy', 300);
  expect(await loss(figure)).toBeLessThan(firstLoss);
  expect(await readout(figure, 'data-median')).toBeLessThan(firstOnData);
  expect(Number(await figure.locator('[data-layer="field"]').getAttribute('data-arrows'))).toBeGreaterThan(100);
  await expect(figure.locator('[data-layer="field"] path')).toHaveCount(2);
  await expect(figure.locator('[data-layer="samples"] circle')).toHaveCount(0);
  await figure.getByLabel(/Corrupted samples/).check();
  await expect(figure.locator('[data-layer="samples"] circle')).toHaveCount(40);
  // Each corrupted sample has an arrow to its reconstruction, unless the two coincide on screen.
  await expect.poll(async () => Number(await figure.locator('[data-layer="samples"]').getAttribute('data-arrows'))).toBeGreaterThan(20);
  await expect(figure.locator('p[id$="-summary"]')).toContainText('40 corrupted samples');
  await figure.getByLabel(/Arrows y/).uncheck();
  await expect(figure.locator('[data-layer="field"]')).toHaveAttribute('data-arrows', '0');
  await expect(figure.locator('[data-layer="field"] path')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test('the URL holds both configurations and a link restores them', async ({ page }) => {
  await page.goto(PAGE);
  const kmeans = await openDemo(page, 'kmeans-energy');
  await kmeans.getByLabel('Data', { exact: true }).selectOption('blobs');
  const k = kmeans.getByRole('slider', { name: /Number of prototypes K/ });
  await k.focus();
  for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowLeft');
  await kmeans.getByLabel('Surface', { exact: true }).selectOption('soft');
  await expect(page).toHaveURL(/kmeans-energy\.dataset=blobs/);
  await expect(page).toHaveURL(/kmeans-energy\.k=5/);
  await expect(page).toHaveURL(/kmeans-energy\.surface=soft/);
  const dae = await openDemo(page, 'dae-energy');
  await dae.getByLabel('Data', { exact: true }).selectOption('ring');
  const sigma = dae.getByRole('slider', { name: /Noise level/ });
  await sigma.focus();
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
  await dae.getByLabel(/Corrupted samples/).check();
  await expect(page).toHaveURL(/dae-energy\.dataset=ring/);
  await expect(page).toHaveURL(/dae-energy\.sigma=0\.3/);
  await expect(page).toHaveURL(/dae-energy\.samples=1/);
  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  const kmeans2 = await openDemo(fresh, 'kmeans-energy');
  await expect(kmeans2.getByLabel('Data', { exact: true })).toHaveValue('blobs');
  await expect(kmeans2.getByLabel('Surface', { exact: true })).toHaveValue('soft');
  await expect(kmeans2.locator('label', { hasText: 'Number of prototypes K' }).locator('output')).toHaveText('5');
  await expect.poll(() => readout(kmeans2, 'prototypes')).toBe(5);
  const dae2 = await openDemo(fresh, 'dae-energy');
  await expect(dae2.getByLabel('Data', { exact: true })).toHaveValue('ring');
  await expect(dae2.locator('label', { hasText: 'Noise level' }).locator('output')).toHaveText('0.3');
  await expect(dae2.getByLabel(/Corrupted samples/)).toBeChecked();
});

for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
  test(`both demos run on ?backend=${backend}`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`${PAGE}?backend=${backend}&${RUNNING['kmeans-energy']}`);
    for (const id of DEMOS) {
      const figure = await openDemo(page, id);
      await expect(figure.locator('[data-readout="backend"]')).toHaveText(backend);
      await train(page, figure, id, 20);
      expect(Number.isFinite(await loss(figure))).toBe(true);
      await expect(figure.locator('p[id$="-summary"]')).not.toHaveText('');
    }
    expect(problems).toEqual([]);
  });
}

test('axe reports no serious violation with both demos loaded', async ({ page }) => {
  await page.goto(PAGE);
  for (const id of DEMOS) {
    const figure = await openDemo(page, id);
    await expect.poll(() => figure.locator('canvas').count()).toBeGreaterThan(0);
  }
  await expectAccessibleDemos(page, DEMOS);
});
