import { expect, test } from '@playwright/test';
import { watchConsole } from './site';

// A 360 px phone with a touch screen and no keyboard or mouse.
test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

test('a phone drives the energy-inference demo by touch: full-width figure first, no keyboard hints, a tap read-out that goes away', async ({ page }) => {
  const problems = watchConsole(page);
  await page.goto('/en/week07/07-1/?energy-inference.speed=50');
  const figure = page.locator('figure[data-demo="energy-inference"]');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.demo-stage')).toHaveAttribute('data-demo-state', 'ready', { timeout: 60_000 });
  const plot = figure.getByRole('application');
  await plot.scrollIntoViewIfNeeded();

  // The figure spans the width the demo has, and comes before the demo's own controls.
  const stage = (await figure.locator('.demo-stage').boundingBox())!;
  const box = (await plot.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  expect(box.width).toBeGreaterThan(0.8 * stage.width);
  const controls = await figure.locator('.demo-controls').boundingBox();
  if (controls) expect(controls.y).toBeGreaterThanOrEqual(box.y + box.height - 1);

  // Keyboard hints mean nothing here.
  await expect(figure.locator('.demo-shortcuts')).toBeHidden();
  await expect(page.locator('.search-button kbd')).toBeHidden();

  // A tap starts inference from the tapped point: the path ends on the ellipse.
  const readout = plot.locator('[class*="readout"]').first();
  await plot.tap({ position: { x: box.width * 0.85, y: box.height * 0.15 } });
  await expect(readout).toBeVisible();
  await expect(figure.locator('[data-readout="status"]')).toHaveText('Finished', { timeout: 30_000 });
  await expect(figure.locator('.overlay-final').first()).toBeVisible();
  // The crosshair read-out of the tap does not stay on screen once the finger is gone.
  await expect(readout).toBeHidden({ timeout: 5_000 });

  // Buttons work by touch too.
  await figure.getByRole('button', { name: 'Clear starts' }).tap();
  await expect(figure.locator('.overlay-final')).toHaveCount(0);

  // A keyboard plugged in: the hints come back at the first key.
  await page.keyboard.press('Shift');
  await expect(figure.locator('.demo-shortcuts')).toBeVisible();
  expect(problems).toEqual([]);
});

test("the playlist's title takes the phone's width, with the previous and next buttons in a row under it (en, fr)", async ({ page }) => {
  const problems = watchConsole(page);
  for (const lang of ['en', 'fr']) {
    await page.goto(`/${lang}/week07/present/`);
    const heading = page.locator('.playlist-heading');
    await expect(page.locator('.playlist[data-hydrated]')).toBeVisible();
    const title = (await heading.locator('h1').boundingBox())!;
    const previous = (await page.locator('[data-action="previous-demo"]').boundingBox())!;
    const next = (await page.locator('[data-action="next-demo"]').boundingBox())!;
    // Squeezed between the buttons, the title ran a word per line (about a third of the width).
    expect(title.width).toBeGreaterThan(0.7 * 360);
    for (const button of [previous, next]) {
      expect(button.y).toBeGreaterThanOrEqual(title.y + title.height);
      expect(button.x + button.width).toBeLessThanOrEqual(360);
    }
    expect(Math.abs(previous.y - next.y)).toBeLessThan(1);
    expect(previous.x + previous.width).toBeLessThanOrEqual(next.x);
  }
  expect(problems).toEqual([]);
});
