import { expect, test, type Page } from '@playwright/test';
import { languages, lecturePaths, watchConsole } from './site';

const COPIED: Record<string, string> = { en: 'Copied to the clipboard', fr: 'Copié dans le presse-papiers' };

/** Colour of the first token that differs between the themes, read once per colour scheme. */
async function tokenColours(page: Page): Promise<string[]> {
  return page.locator('.code-block pre.shiki span[style*="light-dark"]').evaluateAll((spans) => spans.slice(0, 40).map((s) => getComputedStyle(s).color));
}

for (const lang of ['en', 'fr']) {
  test.describe(`${lang}: the practicum page's code`, () => {
    test('is highlighted, with colours that follow the theme', async ({ page }) => {
      const problems = watchConsole(page);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`/${lang}/week07/07-3/`);
      const blocks = page.locator('.code-block');
      await expect(blocks).toHaveCount(4);
      await expect(page.locator('.code-block pre.shiki code.language-ts')).toHaveCount(3);
      await expect(page.locator('.code-block pre.shiki code.language-python')).toHaveCount(1);
      // The library excerpts name their source file.
      await expect(blocks.first().locator('.code-source')).toContainText('lib/ml/mnist/model-maths.ts');
      const light = await tokenColours(page);
      expect(new Set(light).size).toBeGreaterThan(2);
      await page.emulateMedia({ colorScheme: 'dark' });
      const dark = await tokenColours(page);
      expect(dark).not.toEqual(light);
      // The reader's explicit choice (data-theme) wins over the system, as for the rest of the page.
      await page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
      expect(await tokenColours(page)).toEqual(light);
      expect(problems).toEqual([]);
    });

    test('copies with a button that works from the keyboard and announces it', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(`/${lang}/week07/07-3/`);
      const block = page.locator('.code-block').nth(1);
      const button = block.getByRole('button');
      await expect(button).toHaveAccessibleName(lang === 'en' ? 'Copy code' : 'Copier le code');
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(block.getByRole('status')).toHaveText(COPIED[lang]);
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const shown = await block.locator('pre').innerText();
      expect(copied.trim()).toBe(shown.trim());
      expect(copied).toContain('function dropoutMultipliers');
    });

    test('ships no highlighter to the browser', async ({ page }) => {
      const scripts: string[] = [];
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scripts.push(response.url());
      });
      await page.goto(`/${lang}/week07/07-3/`);
      await page.waitForLoadState('networkidle');
      expect(scripts.length).toBeGreaterThan(0);
      for (const url of scripts) {
        const body = await (await page.request.get(url)).text();
        expect(body, url).not.toMatch(/shiki|vscode-textmate|createHighlighter/i);
      }
    });
  });
}

test.describe('the notation box', () => {
  for (const lang of languages()) {
    test(`opens every ${lang} page, closed, and opens and closes from the keyboard`, async ({ page }) => {
      for (const path of lecturePaths(lang)) {
        await page.goto(path);
        const box = page.locator('.prose details.notation');
        await expect(box, path).toHaveCount(1);
        // It comes before the first section.
        const before = await page.evaluate(() => {
          const details = document.querySelector('.prose details.notation');
          const heading = document.querySelector('.prose h2');
          return !!details && !!heading && !!(details.compareDocumentPosition(heading) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(before, path).toBe(true);
        await expect(box).not.toHaveAttribute('open');
        await expect(box.locator('ul')).toBeHidden();
      }
      const summary = page.locator('.prose details.notation > summary');
      await summary.focus();
      await page.keyboard.press('Enter');
      await expect(page.locator('.prose details.notation')).toHaveAttribute('open', '');
      await expect(page.locator('.prose details.notation ul')).toBeVisible();
      await expect(page.locator('.prose details.notation .katex').first()).toBeVisible();
      await page.keyboard.press('Space');
      await expect(page.locator('.prose details.notation')).not.toHaveAttribute('open');
    });
  }
});
