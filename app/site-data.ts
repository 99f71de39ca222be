import { contentLanguages, getPages, INDEX_SLUG, type Page } from '@/lib/content/pages';
import { messagesFor } from '@/lib/i18n/dictionary';

/** Build-time data shared by the routes. */
export function languages(): string[] {
  return contentLanguages();
}

export function lessonPages(lang: string): Page[] {
  return getPages(lang);
}

export function overviewPage(lang: string): Page | undefined {
  return getPages(lang).find((p) => p.slug === INDEX_SLUG);
}

export function findPage(lang: string, slug: string): Page | undefined {
  return getPages(lang).find((p) => p.slug === slug);
}

export { messagesFor };
