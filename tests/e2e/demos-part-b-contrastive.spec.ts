import { expect, test, type Locator } from '@playwright/test';
import { canvasDigest, expectAccessibleDemos, expectKeyboardShortcuts, expectNoTensorLeak, openDemo, runSteps, stepCount, train } from './demo-helpers';
import { watchConsole } from './site';

const PAGE = '/en/week07/07-2/';
const CD = 'contrastive-divergence';
const MT = 'masked-tokens';
const DEMOS = [CD, MT] as const;

// Cheap settings for the long runs: one Langevin step per update, a tiny character model.
const SMALL: Record<(typeof DEMOS)[number], string> = {
  [CD]: `${CD}.k=1`,
  [MT]: `${MT}.hidden=16&${MT}.batch=8`,
};

/** A number read-out as the page writes it in English (grouping commas, a minus sign). */
async function readout(figure: Locator, name: string): Promise<number> {
  const text = await figure.locator(`[data-readout="${name}"]`).innerText();
  return Number(text.replace(/,/g, '').replace('−', '-'));
}

for (const id of DEMOS) {
  test(`${id}: trains, redraws and resets by mouse and keyboard`, async ({ page }) => {
    const problems = watchConsole(page);
    // wasm: quick on this machine, and both models train correctly on it (for webgl, see below).
    await page.goto(`${PAGE}?backend=wasm&${SMALL[id]}`);
    const figure = await openDemo(page, id);
    const play = figure.locator('[data-action="play"]');
    await figure.locator('[data-action="step"]').click();
    await expect.poll(() => stepCount(figure)).toBe(1);
    const before = id === CD ? await canvasDigest(figure) : await figure.locator('[data-readout="loss"]').innerText();
    await play.click();
    await expect(figure.locator('[data-readout="status"]')).toHaveText('Running');
    await expect(play).toHaveAccessibleName(/pause/i);
    await expect.poll(() => stepCount(figure), { timeout: 30_000 }).toBeGreaterThan(10);
    if (id === CD) await expect.poll(() => canvasDigest(figure)).not.toBe(before);
    else await expect(figure.locator('[data-readout="loss"]')).not.toHaveText(before);
    await play.click();
    await expect(figure.locator('[data-readout="status"]')).toHaveText('Paused');
    await figure.locator('[data-action="reset"]').click();
    await expect.poll(() => stepCount(figure)).toBe(0);
    // Keyboard: the shortcuts work while focus is inside the demo.
    await expectKeyboardShortcuts(page, figure);
    expect(problems).toEqual([]);
  });

  test(`${id}: the tensor count is stable over 1000 steps and returns to its start after a reset`, async ({ page }) => {
    await page.goto(`${PAGE}?backend=wasm&${SMALL[id]}`);
    const figure = await openDemo(page, id);
    await page.waitForTimeout(300);
    await expectNoTensorLeak(page, figure, id, { loopCountsSteps: true });
  });
}

for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
  test(`both demos run on ?backend=${backend}`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(`${PAGE}?backend=${backend}&${SMALL[CD]}&${SMALL[MT]}`);
    for (const id of DEMOS) {
      const figure = await openDemo(page, id);
      await expect(figure.locator('[data-readout="backend"]')).toHaveText(backend);
      await train(page, figure, id, 20);
      expect(Number.isFinite(await readout(figure, 'loss'))).toBe(true);
    }
    expect(problems).toEqual([]);
  });
}

test('the URL holds both configurations and a link restores them', async ({ page }) => {
  await page.goto(PAGE);
  const cd = await openDemo(page, CD);
  await cd.getByLabel('Data', { exact: true }).selectOption('ring');
  await cd.getByLabel('Chains start from').selectOption('uniform');
  await cd.getByLabel('Push up the energy of the negatives').uncheck();
  const k = cd.getByRole('slider', { name: /Langevin steps k/ });
  await k.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/contrastive-divergence\.k=15/);
  const mt = await openDemo(page, MT);
  const input = mt.getByLabel(/Sentence to complete/);
  await input.fill('the do_ barks at the postman.');
  const context = mt.getByRole('slider', { name: /Characters of context/ });
  await context.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/contrastive-divergence\.dataset=ring/);
  await expect(page).toHaveURL(/contrastive-divergence\.start=uniform/);
  await expect(page).toHaveURL(/contrastive-divergence\.pushUp=0/);
  await expect(page).toHaveURL(/masked-tokens\.context=4/);
  await expect(page).toHaveURL(/masked-tokens\.text=the\+do_\+barks/);

  const fresh = await page.context().newPage();
  await fresh.goto(page.url());
  const cd2 = await openDemo(fresh, CD);
  await expect(cd2.getByLabel('Data', { exact: true })).toHaveValue('ring');
  await expect(cd2.getByLabel('Chains start from')).toHaveValue('uniform');
  await expect(cd2.getByLabel('Push up the energy of the negatives')).not.toBeChecked();
  await expect(cd2.locator('label', { hasText: 'Langevin steps k' }).locator('output')).toHaveText('15');
  const mt2 = await openDemo(fresh, MT);
  await expect(mt2.getByLabel(/Sentence to complete/)).toHaveValue('the do_ barks at the postman.');
  await expect(mt2.locator('label', { hasText: 'Characters of context' }).locator('output')).toHaveText('4');
});

test('contrastive-divergence: same seed, same backend, same numbers', async ({ page }) => {
  const url = `${PAGE}?backend=cpu&${SMALL[CD]}&contrastive-divergence.seed=7`;
  const read = async () => {
    await page.goto(url);
    const figure = await openDemo(page, CD);
    await train(page, figure, CD, 30);
    return `${await figure.locator('[data-readout="loss"]').innerText()} ${await figure.locator('[data-readout="gap"]').innerText()}`;
  };
  expect(await read()).toBe(await read());
});

test('contrastive-divergence: without the push-up term the energy collapses, and the contrast returns with it', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${PAGE}?backend=wasm`);
  const figure = await openDemo(page, CD);
  await runSteps(page, CD, 300);
  // Measured on this machine: a gap of about 3.7 after 300 steps on the spiral (seed 1).
  const trained = await readout(figure, 'gap');
  expect(trained).toBeGreaterThan(1.5);
  await expect(figure.locator('[data-mark="negative"]')).toHaveCount(64);
  await expect(figure.locator('[data-mark="data"]')).toHaveCount(300);

  await figure.getByLabel('Push up the energy of the negatives').uncheck();
  await runSteps(page, CD, 100);
  // Everything sinks together: the data energy falls by about 1.6 a step and the uniform points
  // follow it down, so the gap that held the data apart all but vanishes. Measured: E(data)
  // about −158 and a gap of 0.003 (seed 1) to 0.04 (seed 2) after 100 steps.
  expect(await readout(figure, 'energy-data')).toBeLessThan(-50);
  expect(Math.abs(await readout(figure, 'gap'))).toBeLessThan(0.1);
  await expect(figure.locator('.demo-body li', { hasText: 'not used' })).toBeVisible();

  // Measured: back to a gap of 1.7 within 200 steps (seed 1). The deeper the collapse, the slower
  // the return, as saturated units learn slowly (seed 2 only reaches 0.3 in 300 steps).
  await figure.getByLabel('Push up the energy of the negatives').check();
  await runSteps(page, CD, 200);
  expect(await readout(figure, 'gap')).toBeGreaterThan(0.5);
});

test('contrastive-divergence: the fixed colour scale covers at least −6 to 6; the fitted one follows the surface', async ({ page }) => {
  await page.goto(`${PAGE}?backend=cpu&${SMALL[CD]}`);
  const figure = await openDemo(page, CD);
  const legend = figure.locator('svg[data-colour-min]');
  const range = async () => [Number(await legend.getAttribute('data-colour-min')), Number(await legend.getAttribute('data-colour-max'))];
  await expect.poll(async () => (await range())[0]).toBeLessThanOrEqual(-6);
  expect((await range())[1]).toBeGreaterThanOrEqual(6);
  await expect(legend).toHaveAttribute('aria-label', /−6|-6/);
  await figure.getByLabel('Colour scale').selectOption('fit');
  // An untrained network's energies span far less than 12.
  await expect.poll(async () => {
    const [min, max] = await range();
    return max - min;
  }).toBeLessThan(12);
  await expect(page).toHaveURL(/contrastive-divergence\.colours=fit/);
});

test('contrastive-divergence: slow motion names the phase of the next step', async ({ page }) => {
  await page.goto(`${PAGE}?backend=cpu&${SMALL[CD]}&contrastive-divergence.pace=slow`);
  const figure = await openDemo(page, CD);
  await figure.locator('[data-action="play"]').click();
  await expect(figure.locator('[data-readout="phase"]')).toContainText('push the data down and the negatives up', { timeout: 5_000 });
  await figure.getByLabel('Push up the energy of the negatives').uncheck();
  await expect(figure.locator('[data-readout="phase"]')).toContainText('nothing pushes up', { timeout: 5_000 });
  await figure.locator('[data-action="play"]').click();
});

test('masked-tokens: a sentence with underscores shows predictions, and typing triggers no shortcut', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto(`${PAGE}?backend=cpu`);
  const figure = await openDemo(page, MT);
  await expect(figure.getByText(/type _ for each masked character/)).toBeVisible();
  const input = figure.getByLabel(/Sentence to complete/);
  await input.fill('');
  await input.pressSequentially('f rss the boat sails down the riv_r on a _arm day.');
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Paused');
  expect(await stepCount(figure)).toBe(0);
  await expect(figure.locator('.demo-stage')).not.toHaveAttribute('data-presenting', 'true');
  await expect(figure.locator('table')).toHaveCount(2);
  const first = figure.locator('table').first();
  await expect(first.locator('caption')).toContainText('Gap 1 of 2');
  await expect(first.locator('tbody tr')).toHaveCount(5);
  await expect(first.locator('tbody tr').first()).toContainText('%');
  await expect(figure.locator('[data-readout="filled"]')).toHaveText(/^f rss the boat sails down the riv.r on a .arm day\.$/);

  await runSteps(page, MT, 300);
  await figure.locator('[data-action="step"]').click();
  // Measured after 300 steps: "e" at 83 % (seed 1) to 94 % (seed 2) in "riv_r".
  await expect(first.locator('tbody tr').first().locator('td').first()).toHaveText('e');
  await input.fill('no gap here');
  await expect(figure.getByText('Type _ somewhere in the sentence')).toBeVisible();
  await expect(figure.locator('table')).toHaveCount(0);
  expect(problems).toEqual([]);
});

for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
  test(`masked-tokens: beats the unigram baseline within a minute on ${backend}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto(`${PAGE}?backend=${backend}`);
    const figure = await openDemo(page, MT);
    await expect.poll(() => readout(figure, 'baseline')).toBeGreaterThan(0.1);
    const baseline = await readout(figure, 'baseline');
    const started = Date.now();
    await figure.locator('[data-action="play"]').click();
    // The unit tests measure 0.37 to 0.39 after 50 steps and 0.40 after 100: twice the baseline
    // is a clear, quick target.
    await expect.poll(() => readout(figure, 'accuracy'), { timeout: 60_000, intervals: [250] }).toBeGreaterThanOrEqual(2 * baseline);
    expect(Date.now() - started).toBeLessThan(60_000);
    await figure.locator('[data-action="play"]').click();
  });
}

test('masked-tokens: 150 steps on webgl keep a finite loss', async ({ page }) => {
  // On webgl a gradient product over an odd number of masked rows read NaN from texture
  // padding (seed 1 diverged at step 93); the model now pads each batch to an even size.
  test.setTimeout(120_000);
  await page.goto(`${PAGE}?backend=webgl`);
  const figure = await openDemo(page, MT);
  for (let i = 0; i < 3; i++) await runSteps(page, MT, 50);
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Paused');
  expect(Number.isFinite(await readout(figure, 'loss'))).toBe(true);
});

test('axe reports no serious violation with both demos loaded, light and dark', async ({ page }) => {
  await page.goto(`${PAGE}?backend=cpu`);
  for (const id of DEMOS) await openDemo(page, id);
  await runSteps(page, CD, 5);
  await runSteps(page, MT, 5);
  await expectAccessibleDemos(page, DEMOS);
});
