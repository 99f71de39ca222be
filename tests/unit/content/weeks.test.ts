import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/content/errors';
import { contentLanguages, loadPages } from '@/lib/content/pages';
import { groupWeeks, isOverview, isPageFileName, sortWeeks, weekNumber } from '@/lib/content/weeks';
import { pageHref, pagePath, playlistPath } from '@/lib/site/routes';

function frontMatter(ref: string, title = ref): string {
  return `---\nlang-ref: ${ref}\ntitle: ${title}\nauthors:\n  - A. Writer\ndate: 2020-03-09\ndescription: A page.\n---\n\n## Section\n`;
}

/** A content tree: { 'en/week07/07.md': text, … }. */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'weeks-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

describe('week folders', () => {
  it('reads the number of a week folder and rejects other names', () => {
    expect(weekNumber('week07')).toBe('07');
    expect(weekNumber('week12')).toBe('12');
    expect(() => weekNumber('weekly')).toThrow(/not a week folder/);
  });

  it('orders weeks by number, not as text, and drops other folders', () => {
    expect(sortWeeks(['week10', 'week9', 'images', 'week08'])).toEqual(['week08', 'week9', 'week10']);
  });

  it('accepts NN.md and NN-K.md of the same week only', () => {
    expect(isPageFileName('week08', '08.md')).toBe(true);
    expect(isPageFileName('week08', '08-12.md')).toBe(true);
    expect(isPageFileName('week08', '07-1.md')).toBe(false);
    expect(isPageFileName('week08', 'notes.md')).toBe(false);
  });

  it('knows the overview by its slug', () => {
    expect(isOverview({ week: 'week08', slug: '08' })).toBe(true);
    expect(isOverview({ week: 'week08', slug: '08-1' })).toBe(false);
  });
});

describe('loadPages over several weeks', () => {
  const root = tree({
    'en/week10/10.md': frontMatter('ch.10', 'Week 10'),
    'en/week08/08-2.md': frontMatter('ch.08-2'),
    'en/week08/08-10.md': frontMatter('ch.08-10'),
    'en/week08/08.md': frontMatter('ch.08', 'Week 8'),
    'en/week08/08-1.md': frontMatter('ch.08-1'),
    'fr/week08/08.md': frontMatter('ch.08', 'Semaine 8').replace('---\n\n', 'lang: fr\ntranslation-date: 2026-01-01\ntranslator: T\n---\n\n'),
    'de/notes.txt': 'not a week',
  });

  it('loads every week in course order, pages in reading order, each tagged with its week', () => {
    const pages = loadPages('en', { root, repoRoot: root });
    expect(pages.map((p) => `${p.week}/${p.slug}`)).toEqual(['week08/08', 'week08/08-1', 'week08/08-2', 'week08/08-10', 'week10/10']);
    expect(pages[0].file).toBe('en/week08/08.md');
  });

  it('counts as a language only a folder that holds a week', () => {
    expect(contentLanguages({ root })).toEqual(['en', 'fr']);
  });

  it('groups the pages into weeks titled by their overview', () => {
    const weeks = groupWeeks(loadPages('en', { root, repoRoot: root }));
    expect(weeks.map((w) => [w.id, w.overview.frontMatter.title, w.pages.length])).toEqual([
      ['week08', 'Week 8', 4],
      ['week10', 'Week 10', 1],
    ]);
  });

  it('names the file of a page whose name does not follow the week', () => {
    const bad = tree({ 'en/week08/08.md': frontMatter('ch.08'), 'en/week08/07-1.md': frontMatter('ch.07-1') });
    expect(() => loadPages('en', { root: bad, repoRoot: bad })).toThrow('en/week08/07-1.md:1: file name: a page of week08 is named 08.md (the overview) or 08-<number>.md');
  });

  it('rejects a week without an overview, naming the file to create', () => {
    const bad = tree({ 'en/week08/08-1.md': frontMatter('ch.08-1') });
    const pages = loadPages('en', { root: bad, repoRoot: bad });
    expect(() => groupWeeks(pages)).toThrow(ContentError);
    expect(() => groupWeeks(pages)).toThrow("en/week08/08.md:1: file: week week08 has no overview page; create 08.md (its title is the week's title)");
  });
});

describe('routes', () => {
  it('gives an overview the week address and a page its own, under the language', () => {
    expect(pagePath({ week: 'week08', slug: '08' })).toBe('/week08/');
    expect(pageHref('fr', { week: 'week08', slug: '08-2' })).toBe('/fr/week08/08-2/');
    expect(playlistPath('week08')).toBe('/week08/present/');
  });
});
