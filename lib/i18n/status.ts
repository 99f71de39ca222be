import type { Page } from '../content/pages';

export type TranslationState = 'translated' | 'outdated' | 'missing';

export interface StatusRow {
  lang: string;
  langRef: string;
  week: string;
  slug: string;
  title: string;
  state: TranslationState;
  /** The translation's file, or the source file when the translation is missing. */
  file: string;
  sourceFile: string;
}

/**
 * A translation is up to date when it records the hash of the source file as it is now; it is
 * outdated when the source changed since (or it records no hash); missing when there is none.
 */
export function translationState(source: Page, translation: Page | undefined): TranslationState {
  if (!translation) return 'missing';
  return translation.frontMatter['source-hash'] === source.hash ? 'translated' : 'outdated';
}

export function translationStatus(sourcePages: readonly Page[], translations: Record<string, readonly Page[]>): StatusRow[] {
  const rows: StatusRow[] = [];
  for (const [lang, pages] of Object.entries(translations)) {
    const byRef = new Map(pages.map((p) => [p.frontMatter['lang-ref'], p]));
    for (const source of sourcePages) {
      const translation = byRef.get(source.frontMatter['lang-ref']);
      rows.push({
        lang,
        langRef: source.frontMatter['lang-ref'],
        week: source.week,
        slug: source.slug,
        title: (translation ?? source).frontMatter.title,
        state: translationState(source, translation),
        file: translation?.file ?? source.file,
        sourceFile: source.file,
      });
    }
  }
  return rows;
}
