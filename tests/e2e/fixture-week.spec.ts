import { expect, test } from '@playwright/test';
import { fixturePort } from '../../playwright.config';

// A contributor's second week: tests/fixtures/i18n/content/<lang>/week08/ holds an overview and
// two pages in English, the overview and one page in the fixture language "xx", and reuses a
// week 7 demo. The fixtures build picks it up with no code change.
test.use({ baseURL: `http://127.0.0.1:${fixturePort}` });

const pathOf = (href: string | null) => new URL(href ?? '', 'http://x').pathname;

test('the course index lists every week, titled by its overview, with its pages', async ({ page }) => {
  await page.goto('/en/');
  const weeks = page.locator('[data-week]');
  await expect(weeks).toHaveCount(2);
  await expect(weeks.nth(0).getByRole('heading', { level: 2 })).toHaveText('Fixture week');
  await expect(weeks.nth(1).getByRole('heading', { level: 2 })).toHaveText('Fixture week eight');
  const hrefs = await weeks.nth(1).locator('.week-pages a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  expect(hrefs.map(pathOf)).toEqual(['/en/week08/', '/en/week08/08-1/', '/en/week08/08-2/']);
  // Only week 8 has a demo, so only week 8 has a playlist.
  await expect(weeks.nth(1).getByRole('link', { name: 'Lecture playlist' })).toHaveAttribute('href', '/en/week08/present/');
  await expect(weeks.nth(0).getByRole('link', { name: 'Lecture playlist' })).toHaveCount(0);
  await page.goto('/xx/');
  await expect(page.locator('[data-week="week08"] h2')).toHaveText('Xx week eight');
  await expect(page.locator('[data-week="week08"] .week-pages a').last()).toHaveText('Fixture week eight, lecture two');
});

test('the sidebar shows the current week and reaches the other one', async ({ page }) => {
  await page.goto('/en/week08/08-1/');
  const sidebar = page.locator('.sidebar-column .sidebar');
  const pages = await sidebar.locator('ol a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
  expect(pages.map(pathOf)).toEqual(['/en/week08/', '/en/week08/08-1/', '/en/week08/08-2/']);
  await expect(sidebar.locator('a[aria-current="page"]')).toHaveText(/Fixture week eight, lecture one/);
  const other = sidebar.locator('.sidebar-weeks a');
  await expect(other).toHaveCount(1);
  await expect(other).toHaveText('Fixture week');
  await other.click();
  await expect(page).toHaveURL(/\/en\/week07\/$/);
  await expect(page.locator('.sidebar-column .sidebar-weeks a')).toHaveText('Fixture week eight');
});

test('previous and next cross the boundary between weeks', async ({ page }) => {
  await page.goto('/en/week07/07-2/');
  const next = page.locator('.prev-next a[rel="next"]');
  await expect(next).toContainText('Fixture week eight');
  await next.click();
  await expect(page).toHaveURL(/\/en\/week08\/$/);
  await expect(page.locator('h1')).toHaveText('Fixture week eight');
  await page.locator('.prev-next a[rel="prev"]').click();
  await expect(page).toHaveURL(/\/en\/week07\/07-2\/$/);
  await page.goto('/en/week08/08-2/');
  await expect(page.locator('.prev-next a[rel="next"]')).toHaveCount(0);
});

test('the status page lists the new week, its missing page served with a notice', async ({ page }) => {
  await page.goto('/en/translations/');
  await expect(page.locator('tr[data-lang="xx"]')).toHaveCount(6);
  const row = (ref: string) => page.locator('tr[data-lang="xx"]', { has: page.locator('code', { hasText: new RegExp(`^${ref.replace('.', '\\.')}$`) }) });
  await expect(row('ch.08')).toHaveAttribute('data-state', 'translated');
  await expect(row('ch.08-1')).toHaveAttribute('data-state', 'translated');
  await expect(row('ch.08-2')).toHaveAttribute('data-state', 'missing');
  await row('ch.08-2').getByRole('link').click();
  await expect(page).toHaveURL(/\/xx\/week08\/08-2\/$/);
  await expect(page.locator('article')).toHaveAttribute('lang', 'en');
  await expect(page.locator('[data-notice="missing"]')).toBeVisible();
});

test('the language switcher and hreflang work in the new week, keeping the section', async ({ page }) => {
  await page.goto('/en/week08/08-1/#a-second-section');
  const alternates = await page.locator('link[rel="alternate"]').evaluateAll((els) => els.map((el) => `${el.getAttribute('hreflang')} ${el.getAttribute('href')}`));
  expect(alternates.sort()).toEqual(['en /en/week08/08-1/', 'x-default /en/week08/08-1/', 'xx /xx/week08/08-1/']);
  await page.locator('.language-switcher').getByRole('link', { name: 'Xx-lang' }).click();
  await expect(page).toHaveURL(/\/xx\/week08\/08-1\/#xx-second-section$/);
  await expect(page.locator('h1')).toHaveText('Xx week eight, lecture one');
  await page.locator('.language-switcher').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/week08\/08-1\/#a-second-section$/);
});

test('a week 7 demo reused in week 8 runs there and in the week 8 playlist', async ({ page }) => {
  await page.goto('/xx/week08/08-1/');
  const figure = page.locator('figure[data-demo="energy-inference"]');
  await expect(figure.locator('figcaption')).toHaveText('Xx inference by gradient descent');
  await figure.scrollIntoViewIfNeeded();
  await expect(figure.locator('.demo-stage')).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
  await page.goto('/en/week08/present/');
  await expect(page.locator('.playlist')).toHaveAttribute('data-current', 'energy-inference');
  await expect(page.locator('.playlist-position')).toHaveText('Demo 1 of 1');
  await expect(page.locator('.playlist-footer a')).toHaveAttribute('href', /\/en\/week08\/08-1\/#demo-energy-inference$/);
  const missing = await page.goto('/en/week07/present/');
  expect(missing?.status()).toBe(404);
});
