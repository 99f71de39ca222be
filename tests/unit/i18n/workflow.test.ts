import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash, loadPages, type Page } from '@/lib/content/pages';
import { renderMarkdown } from '@/lib/content/render';
import { checkTranslation } from '@/lib/i18n/checks';
import { localizePages } from '@/lib/i18n/localize';
import { translationState, translationStatus } from '@/lib/i18n/status';

const fixtures = path.join(process.cwd(), 'tests/fixtures/i18n/content');

function page(lang: string, slug: string, ref: string, body: string, extra: Record<string, string> = {}): Page {
  const week = `week${slug.split('-')[0]}`;
  const file = `content/${lang}/${week}/${slug}.md`;
  return {
    lang,
    week,
    slug,
    file,
    hash: contentHash(body),
    frontMatter: { 'lang-ref': ref, title: `${lang} ${slug}`, authors: ['a'], date: '2020-03-09', description: 'd', ...extra },
    rendered: renderMarkdown(body, { file }),
  };
}

describe('translation status', () => {
  const en = loadPages('en', { root: fixtures });
  const xx = loadPages('xx', { root: fixtures });

  it('tells translated, outdated and missing pages apart', () => {
    const rows = translationStatus(en, { xx });
    expect(rows.map((r) => [r.langRef, r.state])).toEqual([
      ['ch.07', 'translated'],
      ['ch.07-1', 'outdated'],
      ['ch.07-2', 'missing'],
      ['ch.08', 'translated'],
      ['ch.08-1', 'translated'],
      ['ch.08-2', 'missing'],
    ]);
    expect(rows[2].file).toBe(en[2].file);
    expect(rows.map((r) => r.week)).toEqual(['week07', 'week07', 'week07', 'week08', 'week08', 'week08']);
  });

  it('marks a translation outdated as soon as its source text changes', () => {
    const source = page('en', '07', 'ch.07', 'Text $x$.');
    const translation = page('fr', '07', 'ch.07', 'Texte $x$.', { 'source-hash': source.hash });
    expect(translationState(source, translation)).toBe('translated');
    const edited = page('en', '07', 'ch.07', 'Text $x$, edited.');
    expect(translationState(edited, translation)).toBe('outdated');
    expect(translationState(source, undefined)).toBe('missing');
  });

  it('serves every source page in every language, falling back to the source text', () => {
    const pages = localizePages('xx', en, xx);
    expect(pages.map((p) => [p.week, p.slug, p.lang, p.contentLang, p.state])).toEqual([
      ['week07', '07', 'xx', 'xx', 'translated'],
      ['week07', '07-1', 'xx', 'xx', 'outdated'],
      ['week07', '07-2', 'xx', 'en', 'missing'],
      ['week08', '08', 'xx', 'xx', 'translated'],
      ['week08', '08-1', 'xx', 'xx', 'translated'],
      ['week08', '08-2', 'xx', 'en', 'missing'],
    ]);
  });
});

describe('translation checks', () => {
  const source = page('en', '07-1', 'ch.07-1', 'Intro.\n\n::demo{id="energy-inference"}\n\n$$\na\n$$\n\n::demo{id="latent-ellipse"}\n');

  it('accepts a translation with the same demos and equations', () => {
    const fr = page('fr', '07-1', 'ch.07-1', 'Intro FR.\n\n::demo{id="energy-inference"}\n\n$$\na\n$$\n\n::demo{id="latent-ellipse"}\n');
    expect(checkTranslation(source, fr)).toEqual([]);
  });

  it('names the line of demos out of order', () => {
    const fr = page('fr', '07-1', 'ch.07-1', 'Intro.\n\n::demo{id="latent-ellipse"}\n\n$$\na\n$$\n\n::demo{id="energy-inference"}\n');
    expect(checkTranslation(source, fr).map((e) => e.message)).toEqual([
      'content/fr/week07/07-1.md:3: demo: demo 1 is "latent-ellipse" but the source has "energy-inference" (content/en/week07/07-1.md:3) here',
    ]);
  });

  it('names a missing demo and a missing equation', () => {
    const fr = page('fr', '07-1', 'ch.07-1', 'Intro.\n\n::demo{id="energy-inference"}\n');
    const messages = checkTranslation(source, fr).map((e) => e.message);
    expect(messages[0]).toContain('demo: demo 2 is no demo but the source has "latent-ellipse" (content/en/week07/07-1.md:9)');
    expect(messages[1]).toBe('content/fr/week07/07-1.md:1: display math: 0 display equations but the source has 1; the first difference is equation 1 (compare content/en/week07/07-1.md:5)');
  });

  it('names the file a translation filed under another week must be moved to', () => {
    const misplaced = { ...page('fr', '07-1', 'ch.07-1', 'Intro.\n\n::demo{id="energy-inference"}\n\n$$\na\n$$\n\n::demo{id="latent-ellipse"}\n'), week: 'week08', file: 'content/fr/week08/07-1.md' };
    expect(checkTranslation(source, misplaced).map((e) => e.message)).toEqual([
      'content/fr/week08/07-1.md:1: file name: the source of "ch.07-1" is content/en/week07/07-1.md; name this file week07/07-1.md',
    ]);
  });

  it('rejects a translation without a source', () => {
    const orphan = page('fr', '07-9', 'ch.07-9', 'x');
    expect(checkTranslation(undefined, orphan)[0].message).toBe('content/fr/week07/07-9.md:1: lang-ref: "ch.07-9" has no source page with the same lang-ref');
  });
});

describe('dictionaries', () => {
  const dir = path.join(process.cwd(), 'lib/i18n/messages');
  const keys = (value: unknown, prefix = ''): string[] =>
    value && typeof value === 'object'
      ? Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
      : [prefix];
  const english = JSON.parse(readFileSync(path.join(dir, 'en.json'), 'utf8'));
  const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');

  const fixture = path.join(process.cwd(), 'tests/fixtures/i18n/messages/xx.json');
  it('the fixture dictionary uses only keys of en.json (missing ones fall back to English)', () => {
    const other = JSON.parse(readFileSync(fixture, 'utf8'));
    const known = new Set(keys(english));
    expect(keys(other).filter((k) => !known.has(k))).toEqual([]);
  });

  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'en.json')
    .map((f) => path.join(dir, f));
  it('there is at least one translated dictionary', () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    it(`${path.relative(process.cwd(), file)} has every key of en.json, the same placeholders, and nothing else`, () => {
      const other = JSON.parse(readFileSync(file, 'utf8'));
      expect(keys(other).sort()).toEqual(keys(english).sort());
      for (const key of keys(english)) {
        const get = (o: unknown) => key.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;
        expect(placeholders(get(other)), key).toBe(placeholders(get(english)));
      }
    });
  }
});
