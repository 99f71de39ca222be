import type { Page } from '../content/pages';
import { translationState, type TranslationState } from './status';

export interface LocalizedPage extends Page {
  /** The language of the text shown; `lang` is the language the reader asked for. */
  contentLang: string;
  state: 'source' | TranslationState;
  /** The source-language page this one is (or stands in for). */
  source: Page;
}

/**
 * The course as a reader of `lang` sees it: every source page, in its translation where one
 * exists, else in the source language (marked missing), so no address of the site is a 404.
 */
export function localizePages(lang: string, sourcePages: readonly Page[], translated: readonly Page[]): LocalizedPage[] {
  const byRef = new Map(translated.map((p) => [p.frontMatter['lang-ref'], p]));
  return sourcePages.map((source) => {
    if (source.lang === lang) return { ...source, contentLang: lang, state: 'source', source };
    const translation = byRef.get(source.frontMatter['lang-ref']);
    const shown = translation ?? source;
    return { ...shown, lang, week: source.week, slug: source.slug, contentLang: shown.lang, state: translationState(source, translation), source };
  });
}
