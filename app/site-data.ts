import { contentLanguages, getPages, INDEX_SLUG, SOURCE_LANG } from '@/lib/content/pages';
import { messagesFor } from '@/lib/i18n/dictionary';
import { localizePages, type LocalizedPage } from '@/lib/i18n/localize';

/** Build-time data shared by the routes. */
export function languages(): string[] {
  return contentLanguages();
}

export function lessonPages(lang: string): LocalizedPage[] {
  return localizePages(lang, getPages(SOURCE_LANG), lang === SOURCE_LANG ? [] : getPages(lang));
}

export function overviewPage(lang: string): LocalizedPage | undefined {
  return lessonPages(lang).find((p) => p.slug === INDEX_SLUG);
}

export function findPage(lang: string, slug: string): LocalizedPage | undefined {
  return lessonPages(lang).find((p) => p.slug === slug);
}

/** Heading ids of every page in every language, for the language switcher to keep the section. */
export function headingIds(): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const lang of languages()) {
    for (const page of lessonPages(lang)) {
      (out[page.slug] ??= {})[lang] = page.rendered.toc.map((e) => e.id);
    }
  }
  return out;
}

export { messagesFor };
