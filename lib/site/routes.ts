import { isOverview, type PageRef } from '../content/weeks';
import { siteConfig } from './config';

/** Path of a page below the language segment: `/week07/` for an overview, else `/week07/07-1/`. */
export function pagePath(page: PageRef): string {
  return isOverview(page) ? `/${page.week}/` : `/${page.week}/${page.slug}/`;
}

/** Site-relative URL (without base path; next/link adds it) of a page. */
export function pageHref(lang: string, page: PageRef): string {
  return `/${lang}${pagePath(page)}`;
}

/** Path of a week's lecture playlist below the language segment. */
export function playlistPath(week: string): string {
  return `/${week}/present/`;
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
  return (env.NEXT_PUBLIC_REPOSITORY_URL ?? siteConfig.repository).replace(/\/$/, '');
}

function branch(env: Record<string, string | undefined>): string {
  return env.NEXT_PUBLIC_REPOSITORY_BRANCH ?? 'main';
}
