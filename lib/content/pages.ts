import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors, throwIfAny } from './errors';
import { parseFrontMatter, splitFrontMatter } from './front-matter';
import { renderMarkdown, type RenderedMarkdown } from './render';
import type { FrontMatter } from './schema';
import { compareSlugs, isPageFileName, isWeekFolder, sortWeeks, weekNumber } from './weeks';

export const SOURCE_LANG = 'en';

export interface Page {
  lang: string;
  /** The week folder the page belongs to (`week07`); with the slug, its address. */
  week: string;
  slug: string;
  /** Repository-relative path of the Markdown file. */
  file: string;
  frontMatter: FrontMatter;
  rendered: RenderedMarkdown;
  /** Hash of the file's text: a translation records the hash of the source it was made from. */
  hash: string;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\r\n/g, '\n')).digest('hex').slice(0, 16);
}

export interface ContentOptions {
  /** Folder holding one sub-folder per language. */
  root?: string;
  /** Prefix for the repository-relative paths used in messages and "edit" links. */
  repoRoot?: string;
  basePath?: string;
}

/** CONTENT_DIR points a build at another content tree (the translation-workflow fixtures). */
const defaultRoot = () => path.resolve(process.cwd(), process.env.CONTENT_DIR ?? 'content');

/** The week folders (`weekNN`) of one language, in course order. */
export function weekFolders(lang: string, options: ContentOptions = {}): string[] {
  const dir = path.join(options.root ?? defaultRoot(), lang);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && isWeekFolder(d.name));
  return sortWeeks(names.map((d) => d.name));
}

/** Every language folder that holds at least one week, the source language first. */
export function contentLanguages(options: ContentOptions = {}): string[] {
  const root = options.root ?? defaultRoot();
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && weekFolders(d.name, options).length > 0)
    .map((d) => d.name)
    .sort((a, b) => (a === SOURCE_LANG ? -1 : b === SOURCE_LANG ? 1 : a.localeCompare(b)));
}

function relativeFile(options: ContentOptions, lang: string, week: string, name: string): string {
  const root = options.root ?? defaultRoot();
  const repoRoot = options.repoRoot ?? process.cwd();
  return path.relative(repoRoot, path.join(root, lang, week, name)).split(path.sep).join('/');
}

/** Loads, validates and renders every page of one language, week by week, in reading order. */
export function loadPages(lang: string, options: ContentOptions = {}): Page[] {
  const pages: Page[] = [];
  const errors: ContentError[] = [];
  const seen = new Map<string, string>();
  for (const week of weekFolders(lang, options)) {
    const dir = path.join(options.root ?? defaultRoot(), lang, week);
    const names = readdirSync(dir)
      .filter((name) => name.endsWith('.md'))
      .sort((a, b) => compareSlugs(a.slice(0, -3), b.slice(0, -3)));
    for (const name of names) {
      const file = relativeFile(options, lang, week, name);
      if (!isPageFileName(week, name)) {
        const n = weekNumber(week);
        errors.push(new ContentError(file, 1, 'file name', `a page of ${week} is named ${n}.md (the overview) or ${n}-<number>.md`));
        continue;
      }
      loadPage(lang, week, name, { dir, file, options, seen, pages, errors });
    }
  }
  throwIfAny(errors);
  return pages;
}

interface LoadContext {
  dir: string;
  file: string;
  options: ContentOptions;
  seen: Map<string, string>;
  pages: Page[];
  errors: ContentError[];
}

function loadPage(lang: string, week: string, name: string, { dir, file, options, seen, pages, errors }: LoadContext): void {
  try {
    const text = readFileSync(path.join(dir, name), 'utf8');
    const { yaml, body } = splitFrontMatter(text);
    const frontMatter = parseFrontMatter(yaml, { file, lang, sourceLang: SOURCE_LANG });
    const previous = seen.get(frontMatter['lang-ref']);
    if (previous) {
      errors.push(new ContentError(file, lineOfKey(yaml ?? '', 'lang-ref'), 'lang-ref', `"${frontMatter['lang-ref']}" is already used by ${previous}`));
      return;
    }
    seen.set(frontMatter['lang-ref'], file);
    const rendered = renderMarkdown(body, { file, lang, basePath: options.basePath });
    pages.push({ lang, week, slug: name.replace(/\.md$/, ''), file, frontMatter, rendered, hash: contentHash(text) });
  } catch (error) {
    if (error instanceof ContentError) errors.push(error);
    else if (error instanceof ContentErrors) errors.push(...error.errors);
    else throw error;
  }
}

function lineOfKey(yaml: string, key: string): number {
  const index = yaml.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  // +2: the opening fence is line 1 and YAML lines are counted from 0 here.
  return index < 0 ? 1 : index + 2;
}

const cache = new Map<string, Page[]>();

/** Pages of a language, loaded once per build process. */
export function getPages(lang: string): Page[] {
  let pages = cache.get(lang);
  if (!pages) {
    pages = loadPages(lang, { basePath: process.env.NEXT_PUBLIC_BASE_PATH ?? '' });
    cache.set(lang, pages);
  }
  return pages;
}
