import { contentLanguages, getPages, SOURCE_LANG } from '@/lib/content/pages';
import { groupWeeks, type Week } from '@/lib/content/weeks';
import type { DemoId } from '@/lib/demos/registry';
import { messagesFor } from '@/lib/i18n/dictionary';
import { localizePages, type LocalizedPage } from '@/lib/i18n/localize';
import { pagePath } from '@/lib/site/routes';

/** Build-time data shared by the routes. */
export function languages(): string[] {
  return contentLanguages();
}

/** Every page of the course as a reader of `lang` sees it, week by week, in reading order. */
export function lessonPages(lang: string): LocalizedPage[] {
  return localizePages(lang, getPages(SOURCE_LANG), lang === SOURCE_LANG ? [] : getPages(lang));
}

export function courseWeeks(lang: string): Week<LocalizedPage>[] {
  return groupWeeks(lessonPages(lang));
}

export function findWeek(lang: string, week: string): Week<LocalizedPage> | undefined {
  return courseWeeks(lang).find((w) => w.id === week);
}

export function findPage(lang: string, week: string, slug: string): LocalizedPage | undefined {
  return findWeek(lang, week)?.pages.find((p) => p.slug === slug);
}

/** The demos of a week in page order (a demo shown twice is listed once), each with its page. */
export function weekDemos(week: Week<LocalizedPage>): { id: DemoId; page: LocalizedPage }[] {
  const out: { id: DemoId; page: LocalizedPage }[] = [];
  for (const page of week.pages) {
    for (const id of page.rendered.demos) if (!out.some((d) => d.id === id)) out.push({ id, page });
  }
  return out;
}

/**
 * Heading ids of every page in every language, keyed by the page's path below the language
 * segment, for the language switcher to keep the section.
 */
export function headingIds(): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const lang of languages()) {
    for (const page of lessonPages(lang)) {
      (out[pagePath(page)] ??= {})[lang] = page.rendered.toc.map((e) => e.id);
    }
  }
  return out;
}

export { messagesFor };
