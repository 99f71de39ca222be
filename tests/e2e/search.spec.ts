import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './site';

const searchBox = (page: Page) => page.getByRole('combobox');

/** Opens a page and waits until the search shortcuts work (the header has hydrated). */
async function visit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.search-button[data-ready]').waitFor();
}
const options = (page: Page) => page.getByRole('listbox').getByRole('option');

/** Moves the active option down with the arrow key until it is the first whose URL matches. */
async function arrowTo(page: Page, url: RegExp): Promise<string> {
  const urls = await options(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-url') ?? ''));
  const index = urls.findIndex((u) => url.test(u));
  expect(index, `no result matches ${url}: ${urls.join(', ')}`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  const active = options(page).nth(index);
  await expect(active).toHaveAttribute('aria-selected', 'true');
  await expect(searchBox(page)).toHaveAttribute('aria-activedescendant', (await active.getAttribute('id')) ?? '');
  return urls[index];
}

test('nothing of the search loads before it is opened', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(r.url()));
  await visit(page, '/en/week07/07-1/');
  await page.waitForLoadState('networkidle');
  expect(fetched.filter((u) => u.includes('/pagefind/'))).toEqual([]);
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('energy');
  await expect(options(page).first()).toBeVisible();
  expect(fetched.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
  // One index per language: an English page reads the English index only.
  expect(fetched.filter((u) => /\/pagefind\/.*\.fr_/.test(u))).toEqual([]);
});

test('"contrastive divergence" on an English page lists 07-2 and opens it at the section, by keyboard only', async ({ page }) => {
  const problems = watchConsole(page);
  await visit(page, '/en/week07/07-1/');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Search the notes' })).toBeVisible();
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('contrastive divergence');
  await expect(page.getByRole('dialog').getByRole('status').filter({ hasText: /results?$/ })).toBeVisible();
  await expect(options(page).filter({ hasText: 'Self-supervised learning and training EBMs' }).first()).toBeVisible();
  // The excerpt highlights the match.
  await expect(options(page).locator('mark').first()).toHaveText(/contrastive|divergence/i);
  const url = await arrowTo(page, /\/en\/week07\/07-2\/#/);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  const anchor = decodeURIComponent(new URL(page.url()).hash.slice(1));
  const heading = page.locator(`[id="${anchor}"]`);
  await expect(heading).toBeInViewport();
  expect(problems).toEqual([]);
});

test('"énergie libre" on a French page lists the French 07-1; accents and case do not matter', async ({ page }) => {
  await visit(page, '/fr/week07/07-2/');
  await page.keyboard.press('/');
  await expect(page.getByRole('dialog', { name: 'Rechercher dans les notes' })).toBeVisible();
  await page.keyboard.type('énergie libre');
  await expect(options(page).first()).toBeVisible();
  const accented = await options(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-url') ?? ''));
  expect(accented.some((u) => u.startsWith('/fr/week07/07-1/'))).toBe(true);
  expect(accented.every((u) => u.startsWith('/fr/'))).toBe(true);

  await searchBox(page).fill('ENERGIE LIBRE');
  await expect.poll(() => options(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-url') ?? ''))).toEqual(accented);
  await expect(options(page).locator('mark').first()).toHaveText(/énergie|libre/i);

  await arrowTo(page, /^\/fr\/week07\/07-1\//);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/fr\/week07\/07-1\//);
});

test('Esc closes the search and gives focus back; a query with no result offers the glossary', async ({ page }) => {
  await visit(page, '/en/week07/');
  const button = page.getByRole('button', { name: 'Search' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.type('zxqvbnmwk');
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('Nothing in the notes matches “zxqvbnmwk”.');
  await expect(options(page)).toHaveCount(0);
  await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'false');
  const glossary = page.getByRole('dialog').getByRole('link', { name: 'Glossary' });
  await expect(glossary).toHaveAttribute('href', '/en/glossary/');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(button).toBeFocused();
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing serious with the results open (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await visit(page, '/en/week07/07-2/');
    await page.keyboard.press('/');
    await page.keyboard.type('energy');
    await expect(options(page).first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(serious).toEqual([]);
  });
}

test('on a 360 px phone the search fits the screen and a tap opens a result', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await visit(page, '/en/week07/07-1/');
  await page.getByRole('button', { name: 'Search' }).tap();
  await searchBox(page).fill('autoencoder');
  await expect(options(page).first()).toBeVisible();
  const box = await page.getByRole('dialog').boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 360).toBe(true);
  const url = await options(page).first().getAttribute('data-url');
  await options(page).first().tap();
  await expect(page).toHaveURL(new RegExp(`${(url ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await context.close();
});
