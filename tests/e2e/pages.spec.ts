import { expect, test } from '@playwright/test';
import { allPaths, languages, lecturePaths, watchConsole } from './site';

for (const url of allPaths()) {
  test(`${url} loads with a title, a description and no console error`, async ({ page }) => {
    const problems = watchConsole(page);
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page).toHaveTitle(/\S/);
    const description = await page.locator('meta[name="description"]').getAttribute('content');
    expect(description?.length ?? 0).toBeGreaterThan(20);
    await page.waitForLoadState('networkidle');
    expect(problems).toEqual([]);
  });
}

for (const lang of languages()) {
  for (const url of lecturePaths(lang)) {
    test(`${url} has typeset math, no KaTeX error and no math JavaScript`, async ({ page }) => {
      await page.goto(url);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      expect(await page.locator('.katex').count()).toBeGreaterThan(0);
      await expect(page.locator('.katex-error')).toHaveCount(0);
      // KaTeX's stylesheet is loaded: the MathML copy is visually hidden, not shown twice.
      const mathml = page.locator('.katex-mathml').first();
      expect(await mathml.evaluate((el) => getComputedStyle(el).position)).toBe('absolute');
      const scripts = await page.locator('script[src]').evaluateAll((els) => els.map((el) => el.getAttribute('src') ?? ''));
      expect(scripts.filter((src) => /katex|mathjax/i.test(src))).toEqual([]);
    });
  }
}

test('the part B page typesets the K-means energy, the free energy F_beta and contrastive divergence', async ({ page }) => {
  await page.goto('/en/week07/07-2/');
  const tex = await page.locator('annotation[encoding="application/x-tex"]').allTextContents();
  const all = tex.join('\n');
  expect(all).toMatch(/\\min_\{?k\}?/);
  expect(all).toMatch(/w\}?_\{?k/);
  expect(all).toMatch(/F_\\beta/);
  expect(all).toMatch(/\\log\s*\\int/);
  await expect(page.getByRole('heading', { name: /contrastive divergence/i }).first()).toBeVisible();
});

test('an unknown address shows the 404 page', async ({ page }) => {
  const response = await page.goto('/en/week07/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/not found/i);
  await page.getByRole('link', { name: /home page/i }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('the landing page links to every language', async ({ page }) => {
  await page.goto('/');
  for (const lang of languages()) {
    await expect(page.locator(`a[href$="/${lang}/"][hreflang="${lang}"]`)).toHaveCount(1);
  }
});
