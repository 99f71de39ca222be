import { expect, test } from '@playwright/test';
import { lecturePaths, weekPaths } from './site';

const pages = lecturePaths('en');
const firstWeek = weekPaths('en')[0];

test('the sidebar lists the week in order, marks the current page and navigates by mouse', async ({ page }) => {
  await page.goto(pages[1]);
  const links = page.locator('.sidebar-column .sidebar > ol a');
  await expect(links).toHaveCount(firstWeek.length);
  const hrefs = await links.evaluateAll((els) => els.map((el) => new URL((el as HTMLAnchorElement).href).pathname));
  expect(hrefs).toEqual(firstWeek);
  await expect(page.locator('.sidebar-column a[aria-current="page"]')).toHaveAttribute('href', pages[1]);
  await links.nth(3).click();
  await expect(page).toHaveURL(new RegExp(`${pages[3]}$`));
  await expect(page.locator('.sidebar-column a[aria-current="page"]')).toHaveAttribute('href', pages[3]);
});

test('the skip link and the sidebar work from the keyboard', async ({ page }) => {
  await page.goto(pages[0]);
  await page.keyboard.press('Tab');
  const skip = page.locator('.skip-link');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  // Walk forward with Tab until a sidebar link to part A has focus, then follow it with Enter.
  await page.goto(pages[0]);
  let reached = false;
  for (let i = 0; i < 15 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((target) => {
      const el = document.activeElement as HTMLAnchorElement | null;
      return !!el && el.closest('.sidebar-column') !== null && new URL(el.href).pathname === target;
    }, pages[1]);
  }
  expect(reached).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${pages[1]}$`));
});

test('previous and next links walk through the course', async ({ page }) => {
  await page.goto(pages[0]);
  await expect(page.locator('.prev-next a[rel="prev"]')).toHaveCount(0);
  for (let i = 1; i < pages.length; i++) {
    await page.locator('.prev-next a[rel="next"]').click();
    await expect(page).toHaveURL(new RegExp(`${pages[i]}$`));
  }
  await expect(page.locator('.prev-next a[rel="next"]')).toHaveCount(0);
  const prev = page.locator('.prev-next a[rel="prev"]');
  await prev.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${pages[pages.length - 2]}$`));
});

test('the table of contents jumps to a section and highlights the one being read', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(pages[1]);
  const toc = page.locator('.toc');
  const entries = toc.locator('a');
  expect(await entries.count()).toBeGreaterThan(3);
  const last = entries.last();
  const target = (await last.getAttribute('href'))!;
  await last.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
  await expect(toc.locator('a[aria-current="location"]')).toHaveCount(1);
  const second = entries.nth(1);
  await second.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator((await second.getAttribute('href'))!)).toBeInViewport();
  await expect(second).toHaveAttribute('aria-current', 'location');
});

test('the edit link points at the page source', async ({ page }) => {
  await page.goto(pages[2]);
  const href = await page.locator('.edit-link').getAttribute('href');
  expect(href).toMatch(/\/edit\/main\/content\/en\/week07\/07-2\.md$/);
});
