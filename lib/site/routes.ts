import { INDEX_SLUG, WEEK } from '../content/pages';

/** Path of a lecture page below the language segment. */
export function weekPath(slug: string): string {
  return slug === INDEX_SLUG ? `/${WEEK}/` : `/${WEEK}/${slug}/`;
}

/** Site-relative URL (without base path; next/link adds it) of a lecture page. */
export function pageHref(lang: string, slug: string): string {
  return `/${lang}${weekPath(slug)}`;
}

export function languageHref(lang: string): string {
  return `/${lang}/`;
}

/**
 * Where "edit this page" points. Set NEXT_PUBLIC_REPOSITORY_URL to the repository's web address
 * (e.g. a GitHub repository); the branch defaults to main.
 */
export function editHref(file: string, env: Record<string, string | undefined> = process.env): string {
  return `${repository(env)}/edit/${branch(env)}/${file}`;
}

/** A file of the repository as a web page (e.g. the contributors' guide). */
export function repositoryHref(fileAndAnchor: string, env: Record<string, string | undefined> = process.env): string {
  return `${repository(env)}/blob/${branch(env)}/${fileAndAnchor}`;
}

function repository(env: Record<string, string | undefined>): string {
  return (env.NEXT_PUBLIC_REPOSITORY_URL ?? 'https://github.com/week07-notes/week07-notes').replace(/\/$/, '');
}

function branch(env: Record<string, string | undefined>): string {
  return env.NEXT_PUBLIC_REPOSITORY_BRANCH ?? 'main';
}
