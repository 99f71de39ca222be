import { expect, test } from '@playwright/test';
import { allPaths } from './site';

test.describe('on a 360 px wide phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  for (const url of allPaths()) {
    test(`${url} does not scroll sideways`, async ({ page }) => {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('the week navigation folds into a menu that opens', async ({ page }) => {
    await page.goto('/en/week07/07-1/');
    await expect(page.locator('.sidebar-column')).toBeHidden();
    const menu = page.locator('.sidebar-mobile summary');
    await expect(menu).toBeVisible();
    await menu.click();
    await page.locator('.sidebar-mobile a').nth(2).click();
    await expect(page).toHaveURL(/\/en\/week07\/07-2\/$/);
  });
});

test('the print stylesheet keeps the article and figures and drops navigation', async ({ page }) => {
  await page.goto('/en/week07/07-1/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.sidebar-column')).toBeHidden();
  await expect(page.locator('.toc-column')).toBeHidden();
  await expect(page.locator('.prose h1')).toBeVisible();
  await expect(page.locator('.prose img').first()).toBeVisible();
  await expect(page.locator('.demo-fallback').first()).toBeVisible();
});
