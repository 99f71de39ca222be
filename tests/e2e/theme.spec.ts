import { expect, test } from '@playwright/test';

const background = (page: import('@playwright/test').Page) =>
  page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('the theme follows the system when nothing is chosen', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/en/week07/07-1/');
  expect(await background(page)).toBe('rgb(21, 23, 28)');
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background(page)).toBe('rgb(255, 255, 255)');
});

test('the toggle switches the theme, and the choice survives a reload and navigation', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/en/week07/07-1/');
  const toggle = page.getByRole('button', { name: 'Switch to dark theme' });
  await toggle.click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe('rgb(21, 23, 28)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await background(page)).toBe('rgb(21, 23, 28)');
  await page.goto('/en/week07/07-3/');
  expect(await background(page)).toBe('rgb(21, 23, 28)');
  // And back, by keyboard.
  await page.getByRole('button', { name: 'Switch to light theme' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background(page)).toBe('rgb(255, 255, 255)');
});

test('math stays legible in the dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/en/week07/07-1/');
  const colour = await page.locator('.katex-html').first().evaluate((el) => getComputedStyle(el).color);
  expect(colour).toBe('rgb(232, 234, 238)');
});
