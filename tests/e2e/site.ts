import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleMessage, Page } from '@playwright/test';

const contentRoot = path.join(process.cwd(), 'content');

/** Every language folder with a week07 directory, English first. */
export function languages(): string[] {
  return readdirSync(contentRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(contentRoot, d.name, 'week07')))
    .map((d) => d.name)
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** URL of every lecture page of a language, in reading order. */
export function lecturePaths(lang: string): string[] {
  return readdirSync(path.join(contentRoot, lang, 'week07'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((slug) => (slug === '07' ? `/${lang}/week07/` : `/${lang}/week07/${slug}/`));
}

export function allPaths(): string[] {
  return ['/', ...languages().flatMap((lang) => [`/${lang}/`, ...lecturePaths(lang)])];
}

/** Records console errors and uncaught exceptions; a page that logs one fails its test. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught: ${err.message}`));
  return problems;
}
