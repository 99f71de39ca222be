/**
 * Site-level names, in one place: an instructor who reuses the site for another course edits
 * this file and the Markdown under content/, nothing else. The course's weeks, pages and
 * languages come from the content folders, not from here.
 */
export const siteConfig = {
  /** The site's name in each language; a language missing here shows the source language's. */
  title: { en: 'Week 7 notes', fr: 'Notes de la semaine 7' } as Record<string, string>,
  /** Prefix of every key this site writes to the reader's browser storage (theme, models). */
  storagePrefix: 'course-notes',
  /** The IndexedDB database holding saved models. */
  database: 'course-notes',
  /** The repository's web address when NEXT_PUBLIC_REPOSITORY_URL is not set at build time. */
  repository: 'https://github.com/course-notes/course-notes',
} as const;

/** The site's title in a language, else in the source language. */
export function siteTitle(lang: string): string {
  return siteConfig.title[lang] ?? siteConfig.title.en;
}

/** A localStorage key of this site. */
export function storageKey(name: string): string {
  return `${siteConfig.storagePrefix}-${name}`;
}
