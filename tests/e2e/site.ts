import { readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ConsoleMessage, Page } from '@playwright/test';

const contentRoot = path.join(process.cwd(), 'content');

/** The week folders (weekNN) of a language, by number. */
function weeks(lang: string): string[] {
  const dir = path.join(contentRoot, lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^week\d+$/.test(d.name))
    .map((d) => d.name)
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
}

/** Every language folder with a week directory, English first. */
export function languages(): string[] {
  return readdirSync(contentRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && weeks(d.name).length > 0)
    .map((d) => d.name)
    .sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

/** URL of every page of each week of a language, week by week, in reading order. */
export function weekPaths(lang: string): string[][] {
  return weeks(lang).map((week) => {
    const number = week.slice(4);
    return readdirSync(path.join(contentRoot, lang, week))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .map((slug) => (slug === number ? `/${lang}/${week}/` : `/${lang}/${week}/${slug}/`));
  });
}

/** URL of every page of the course in a language, in reading order. */
export function lecturePaths(lang: string): string[] {
  return weekPaths(lang).flat();
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
