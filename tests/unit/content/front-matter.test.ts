import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentError, ContentErrors } from '@/lib/content/errors';
import { parseFrontMatter, splitFrontMatter } from '@/lib/content/front-matter';
import { loadPages } from '@/lib/content/pages';

const FILE = 'content/en/week07/07-1.md';
const ctx = { file: FILE, lang: 'en', sourceLang: 'en' };

const valid = `lang-ref: ch.07-1
title: Energy-based models
lecturer: Yann LeCun
authors:
  - A. Writer
date: 2020-03-09
description: What an energy is and how inference minimises it.`;

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContentError || error instanceof ContentErrors) return error.message;
    throw error;
  }
  throw new Error('expected an error');
}

describe('splitFrontMatter', () => {
  it('separates the YAML and keeps body line numbers', () => {
    const { yaml, body } = splitFrontMatter(`---\n${valid}\n---\n## Hello\n`);
    expect(yaml).toBe(valid);
    expect(body.split('\n').indexOf('## Hello')).toBe(9);
  });

  it('returns null YAML without a fence', () => {
    expect(splitFrontMatter('## Hi').yaml).toBeNull();
  });
});

describe('parseFrontMatter', () => {
  it('accepts a valid page and keeps the date as written', () => {
    const fm = parseFrontMatter(valid, ctx);
    expect(fm['lang-ref']).toBe('ch.07-1');
    expect(fm.date).toBe('2020-03-09');
    expect(fm.authors).toEqual(['A. Writer']);
  });

  it('names a missing field', () => {
    expect(messageOf(() => parseFrontMatter(valid.replace(/^title:.*\n/m, ''), ctx))).toBe(
      `${FILE}:1: title: required field is missing`,
    );
  });

  it('names an ill-typed field and its line', () => {
    const message = messageOf(() => parseFrontMatter(valid.replace('date: 2020-03-09', 'date: 9 March'), ctx));
    expect(message).toBe(`${FILE}:7: date: expected a date written YYYY-MM-DD`);
  });

  it('names an author list given as a string', () => {
    const yaml = valid.replace('authors:\n  - A. Writer', 'authors: A. Writer');
    expect(messageOf(() => parseFrontMatter(yaml, ctx))).toBe(`${FILE}:5: authors: expected a list of author names`);
  });

  it('rejects an unknown (misspelt) field on its line', () => {
    expect(messageOf(() => parseFrontMatter(`${valid}\nlecturrer: Someone`, ctx))).toBe(
      `${FILE}:9: lecturrer: unknown field (check its spelling)`,
    );
  });

  it('reports malformed YAML with its line', () => {
    expect(messageOf(() => parseFrontMatter(`${valid}\ntitle: [unclosed`, ctx))).toMatch(new RegExp(`^${FILE}:\\d+: front matter:`));
  });

  it('requires the front matter itself', () => {
    expect(messageOf(() => parseFrontMatter(null, ctx))).toContain(`${FILE}:1: front matter: missing`);
  });

  it('requires translation fields outside the source language', () => {
    const message = messageOf(() => parseFrontMatter(valid, { ...ctx, file: 'content/fr/week07/07-1.md', lang: 'fr' }));
    expect(message).toContain('content/fr/week07/07-1.md:1: lang: required field is missing');
    expect(message).toContain('translator: required field is missing');
  });

  it('rejects a lang field that disagrees with the folder', () => {
    expect(messageOf(() => parseFrontMatter(`${valid}\nlang: fr`, ctx))).toBe(`${FILE}:9: lang: is "fr" but the file is in the "en" folder`);
  });
});

describe('loadPages', () => {
  function site(files: Record<string, string>): string {
    const root = mkdtempSync(path.join(tmpdir(), 'content-'));
    mkdirSync(path.join(root, 'en', 'week07'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(root, 'en', 'week07', name), text);
    return root;
  }

  it('loads pages in reading order', () => {
    const root = site({
      '07-2.md': `---\n${valid.replace('ch.07-1', 'ch.07-2')}\n---\n## B\n`,
      '07.md': `---\n${valid.replace('ch.07-1', 'ch.07')}\n---\n## Overview\n`,
      '07-1.md': `---\n${valid}\n---\n## A\n`,
    });
    const pages = loadPages('en', { root, repoRoot: path.dirname(root) });
    expect(pages.map((p) => p.slug)).toEqual(['07', '07-1', '07-2']);
    expect(pages[0].file).toBe(`${path.basename(root)}/en/week07/07.md`);
  });

  it('rejects a duplicate lang-ref in one language, naming both files', () => {
    const root = site({ '07-1.md': `---\n${valid}\n---\n`, '07-9.md': `---\n${valid}\n---\n` });
    const message = messageOf(() => loadPages('en', { root, repoRoot: root }));
    expect(message).toBe('en/week07/07-9.md:2: lang-ref: "ch.07-1" is already used by en/week07/07-1.md');
  });

  it('collects the errors of several files at once', () => {
    const root = site({
      '07-1.md': `---\n${valid}\n---\n\n::demo{id="unknown-demo"}\n`,
      '07-2.md': `---\n${valid.replace('ch.07-1', 'ch.07-2')}\n---\n\n$\\frac{$\n`,
    });
    const message = messageOf(() => loadPages('en', { root, repoRoot: root }));
    expect(message).toContain('en/week07/07-1.md:11: demo id: unknown demo "unknown-demo"');
    expect(message).toContain('en/week07/07-2.md:11: math: KaTeX cannot typeset this formula');
  });
});
