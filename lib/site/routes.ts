import { INDEX_SLUG, WEEK } from '../content/pages';

/** Site-relative URL (without base path; next/link adds it) of a lecture page. */
export function pageHref(lang: string, slug: string): string {
  return slug === INDEX_SLUG ? `/${lang}/${WEEK}/` : `/${lang}/${WEEK}/${slug}/`;
}

export function languageHref(lang: string): string {
  return `/${lang}/`;
}

/**
 * Where "edit this page" points. Set NEXT_PUBLIC_REPOSITORY_URL to the repository's web address
 * (e.g. a GitHub repository); the branch defaults to main.
 */
export function editHref(file: string, env: Record<string, string | undefined> = process.env): string {
  const repo = (env.NEXT_PUBLIC_REPOSITORY_URL ?? 'https://github.com/week07-notes/week07-notes').replace(/\/$/, '');
  const branch = env.NEXT_PUBLIC_REPOSITORY_BRANCH ?? 'main';
  return `${repo}/edit/${branch}/${file}`;
}
