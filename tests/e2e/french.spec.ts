import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { openDemo } from './demo-helpers';
import { lecturePaths, watchConsole } from './site';

const dictionary = (lang: string) => JSON.parse(readFileSync(path.join(process.cwd(), 'lib/i18n/messages', `${lang}.json`), 'utf8'));

function leaves(value: unknown, prefix = ''): [string, string][] {
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(value)]];
}

/**
 * English UI strings that must not appear on a French page: whole phrases (two words or more)
 * whose French text differs, with template slots cut out.
 */
function englishPhrases(): string[] {
  const fr = new Map(leaves(dictionary('fr')));
  const phrases = new Set<string>();
  for (const [key, text] of leaves(dictionary('en'))) {
    if (fr.get(key) === text) continue;
    for (const part of text.split(/\{\w+\}/)) {
      const phrase = part.trim().replace(/^[.,:;·—–-]+|[.,:;·—–-]+$/g, '').trim();
      if (phrase.split(/\s+/).length >= 2 && phrase.length >= 8) phrases.add(phrase);
    }
  }
  return [...phrases];
}

const frenchLectures = lecturePaths('fr');
const french = ['/fr/', ...frenchLectures, '/fr/glossary/', '/fr/translations/', '/fr/week07/present/'];
const phrases = englishPhrases();

for (const url of french) {
  test(`${url} shows no English UI string`, async ({ page }) => {
    const problems = watchConsole(page);
    await page.goto(url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
    // What a reader sees or hears: visible text plus accessible names and descriptions.
    const englishShown = async () => {
      const text = await page.evaluate(() => {
        const attrs = Array.from(document.querySelectorAll('[aria-label], [title], [alt], [aria-valuetext], [aria-roledescription]')).flatMap((el) =>
          ['aria-label', 'title', 'alt', 'aria-valuetext', 'aria-roledescription'].map((a) => el.getAttribute(a) ?? ''),
        );
        // Author names are names, not UI strings.
        const meta = Array.from(document.querySelectorAll('.doc-meta')).map((el) => (el as HTMLElement).innerText);
        let body = document.body.innerText;
        for (const m of meta) body = body.replace(m, '');
        return `${body}\n${attrs.join('\n')}`;
      });
      return phrases.filter((phrase) => text.includes(phrase));
    };
    if (url.endsWith('/present/')) {
      // The playlist waits for the presenter, then loads its demo.
      await expect(page.locator('.playlist .demo-stage')).toHaveAttribute('data-demo-state', 'waiting');
      expect(await englishShown()).toEqual([]);
      await page.locator('[data-action="start-demo"]').click();
      await expect(page.locator('.playlist .demo-stage')).toHaveAttribute('data-demo-state', 'ready', { timeout: 45_000 });
    }
    // Load every demo on the page so that their controls are checked too.
    const live = await page.locator('figure[data-demo]:has(.demo-stage)').evaluateAll((els) => els.map((e) => e.getAttribute('data-demo')!));
    for (const id of live) await openDemo(page, id);
    expect(await englishShown()).toEqual([]);
    expect(problems).toEqual([]);
  });
}

for (const [en, fr] of lecturePaths('en').map((p, i) => [p, frenchLectures[i]] as const)) {
  test(`the language switcher round-trips between ${en} and ${fr}, keeping the section`, async ({ page }) => {
    await page.goto(en);
    const headings = page.locator('.prose h2[id]');
    const index = Math.min(2, (await headings.count()) - 1);
    const id = await headings.nth(index).getAttribute('id');
    const toFrench = page.locator('.language-switcher').getByRole('link', { name: 'Français' });
    // The reader jumps to a section (as a table-of-contents link does), and the link then carries
    // the matching section of the other edition. A jump made while the page is still hydrating can
    // be undone by the router writing its initial URL back, so the reader jumps again, as one would.
    await expect(async () => {
      await page.evaluate((target) => {
        window.location.hash = `#${target}`;
      }, id!);
      await expect(toFrench).toHaveAttribute('href', /#./, { timeout: 2_000 });
    }).toPass({ timeout: 30_000 });
    await toFrench.click();
    await expect(page).toHaveURL(new RegExp(`${fr}#`));
    const frenchId = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator('.prose h2[id]').nth(index).getAttribute('id')).toBe(frenchId);
    const toEnglish = page.locator('.language-switcher').getByRole('link', { name: 'English' });
    await expect(toEnglish).toHaveAttribute('href', /#./);
    await toEnglish.click();
    await expect(page).toHaveURL(new RegExp(`${en}#${id}$`));
  });
}
