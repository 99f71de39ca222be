import { expect, test } from '@playwright/test';
import { fixturePort } from '../../playwright.config';

// A second build of the site from tests/fixtures/i18n: a fixture language "xx" added with a
// content folder and a dictionary file only; one page translated, one outdated, one missing.
test.use({ baseURL: `http://127.0.0.1:${fixturePort}` });

test('a language added with a content folder and a dictionary is built, switchable and listed', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('a[hreflang="xx"]', { hasText: 'Xx-lang' })).toHaveCount(1);
  await page.goto('/xx/week07/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'xx');
  await expect(page.locator('h1')).toHaveText('Xx week');
  await expect(page.locator('.skip-link')).toHaveText('Xx Skip to content');
  await expect(page.locator('[data-notice]')).toHaveCount(0);
  await page.locator('.language-switcher').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/week07\/$/);
  await expect(page.locator('h1')).toHaveText('Fixture week');
  await page.goto('/en/translations/');
  // Week 7 of the fixtures (week 8 is checked in fixture-week.spec.ts).
  const row = (ref: string) => page.locator('tr[data-lang="xx"]', { has: page.locator('code', { hasText: new RegExp(`^${ref.replace('.', '\\.')}$`) }) });
  await expect(row('ch.07')).toHaveAttribute('data-state', 'translated');
  await expect(row('ch.07')).toContainText('Xx week');
  await expect(row('ch.07-1')).toHaveAttribute('data-state', 'outdated');
  await expect(row('ch.07-1')).toContainText('Xx lecture one');
  await expect(row('ch.07-2')).toHaveAttribute('data-state', 'missing');
  await expect(row('ch.07-2')).toContainText('Fixture lecture two');
});

test('an untranslated page is served in English with a notice in the reader language, not a 404', async ({ page }) => {
  const response = await page.goto('/xx/week07/07-2/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'xx');
  await expect(page.locator('article')).toHaveAttribute('lang', 'en');
  await expect(page.locator('h1')).toHaveText('Fixture lecture two');
  const notice = page.locator('[data-notice="missing"]');
  await expect(notice).toContainText('Xx This page has not been translated into Xx-lang yet');
  await expect(notice.getByRole('link')).toHaveAttribute('href', /CONTRIBUTING\.md#translating$/);
});

test('an outdated translation says so and links to its source', async ({ page }) => {
  await page.goto('/xx/week07/07-1/');
  await expect(page.locator('article')).toHaveAttribute('lang', 'xx');
  const notice = page.locator('[data-notice="outdated"]');
  await expect(notice).toContainText('may be out of date');
  await notice.getByRole('link').click();
  await expect(page).toHaveURL(/\/en\/week07\/07-1\/$/);
});

test('the switcher keeps the section when the editions have the same structure', async ({ page }) => {
  await page.goto('/en/week07/07-1/#second-section');
  await page.locator('.language-switcher').getByRole('link', { name: 'Xx-lang' }).click();
  await expect(page).toHaveURL(/\/xx\/week07\/07-1\/#xx-second-section$/);
  await page.locator('.language-switcher').getByRole('link', { name: 'English' }).click();
  await expect(page).toHaveURL(/\/en\/week07\/07-1\/#second-section$/);
});

test('every page lists its alternates with hreflang and x-default', async ({ page }) => {
  await page.goto('/xx/week07/07-1/');
  const alternates = await page.locator('link[rel="alternate"]').evaluateAll((els) =>
    els.map((el) => `${el.getAttribute('hreflang')} ${el.getAttribute('href')}`),
  );
  expect(alternates.sort()).toEqual(['en /en/week07/07-1/', 'x-default /en/week07/07-1/', 'xx /xx/week07/07-1/']);
});
