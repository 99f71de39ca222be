import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors, throwIfAny } from './errors';
import { parseFrontMatter, splitFrontMatter } from './front-matter';
import { renderMarkdown, type RenderedMarkdown } from './render';
import type { FrontMatter } from './schema';

export const SOURCE_LANG = 'en';
export const WEEK = 'week07';
/** The file of a week whose slug equals the week number is the week's overview page. */
export const INDEX_SLUG = '07';

export interface Page {
  lang: string;
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

export function contentLanguages(options: ContentOptions = {}): string[] {
  const root = options.root ?? defaultRoot();
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(root, d.name, WEEK)))
    .map((d) => d.name)
    .sort((a, b) => (a === SOURCE_LANG ? -1 : b === SOURCE_LANG ? 1 : a.localeCompare(b)));
}

function relativeFile(options: ContentOptions, lang: string, name: string): string {
  const root = options.root ?? defaultRoot();
  const repoRoot = options.repoRoot ?? process.cwd();
  return path.relative(repoRoot, path.join(root, lang, WEEK, name)).split(path.sep).join('/');
}

/** Loads, validates and renders every page of one language, in reading order. */
export function loadPages(lang: string, options: ContentOptions = {}): Page[] {
  const dir = path.join(options.root ?? defaultRoot(), lang, WEEK);
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort((a, b) => a.slice(0, -3).localeCompare(b.slice(0, -3), 'en', { numeric: true }));
  const pages: Page[] = [];
  const errors: ContentError[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = relativeFile(options, lang, name);
    try {
      const text = readFileSync(path.join(dir, name), 'utf8');
      const { yaml, body } = splitFrontMatter(text);
      const frontMatter = parseFrontMatter(yaml, { file, lang, sourceLang: SOURCE_LANG });
      const previous = seen.get(frontMatter['lang-ref']);
      if (previous) {
        errors.push(new ContentError(file, lineOfKey(yaml ?? '', 'lang-ref'), 'lang-ref', `"${frontMatter['lang-ref']}" is already used by ${previous}`));
        continue;
      }
      seen.set(frontMatter['lang-ref'], file);
      const rendered = renderMarkdown(body, { file, lang, basePath: options.basePath });
      pages.push({ lang, slug: name.replace(/\.md$/, ''), file, frontMatter, rendered, hash: contentHash(text) });
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else if (error instanceof ContentErrors) errors.push(...error.errors);
      else throw error;
    }
  }
  throwIfAny(errors);
  return pages;
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
