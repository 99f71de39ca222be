import { describe, expect, it } from 'vitest';
import { answersQuery, excerptParts, foldWord, isSearchShortcut, searchOptions, type PagefindResultData } from '@/lib/search/results';

const page: PagefindResultData = {
  url: '/en/week07/07-2/',
  meta: { title: 'Self-supervised learning' },
  excerpt: 'page excerpt',
  sub_results: [
    { url: '/en/week07/07-2/', title: 'Self-supervised learning', excerpt: 'an <mark>energy</mark>', weighted_locations: [{ balanced_score: 1 }] },
    { url: '/en/week07/07-2/#methods', title: 'Methods', excerpt: 'few <mark>energies</mark>', weighted_locations: [{ balanced_score: 2 }] },
    { url: '/en/week07/07-2/#cd', title: 'Contrastive divergence', excerpt: 'many <mark>Energy.</mark>', weighted_locations: [{ balanced_score: 5 }, { balanced_score: 4 }] },
    { url: '/en/week07/07-2/#x', title: 'Prefix fallback', excerpt: 'an <mark>E</mark> matrix', weighted_locations: [{ balanced_score: 9 }] },
    { url: '/en/week07/07-2/#none', title: 'No match', excerpt: '', weighted_locations: [] },
  ],
};

describe('searchOptions', () => {
  it('lists a page’s sections with matches, the best first, with the section heading', () => {
    const options = searchOptions([page], 'energy');
    expect(options.map((o) => o.url)).toEqual(['/en/week07/07-2/#cd', '/en/week07/07-2/#methods', '/en/week07/07-2/']);
    expect(options[0]).toMatchObject({ page: 'Self-supervised learning', section: 'Contrastive divergence', excerpt: 'many <mark>Energy.</mark>' });
    // A match above the first heading belongs to the page, not to a section.
    expect(options[2].section).toBeUndefined();
  });

  it('keeps Pagefind’s order of pages and limits the sections per page', () => {
    const other = { ...page, url: '/en/week07/07-1/', meta: { title: 'EBMs' }, excerpt: 'free <mark>energy</mark>', sub_results: [] };
    const options = searchOptions([other, page], 'energy', 1);
    expect(options.map((o) => o.url)).toEqual(['/en/week07/07-1/', '/en/week07/07-2/#cd']);
  });
});

describe('answersQuery', () => {
  it('accepts matches that share most of a query word, whatever the accents, case or elision', () => {
    expect(answersQuery('à base <mark>d’énergie.</mark>', 'ENERGIE libre')).toBe(true);
    expect(answersQuery('the <mark>energies</mark>', 'energy')).toBe(true);
    expect(answersQuery('<mark>Contrastive</mark> <mark>divergence</mark>', 'contrastive divergence')).toBe(true);
  });

  it('rejects Pagefind’s one-letter fallbacks for words that are not in the notes', () => {
    expect(answersQuery('an <mark>x</mark> axis', 'xylophone')).toBe(false);
    expect(answersQuery('E(y, <mark>z)</mark>', 'zxqvbnmwk')).toBe(false);
    expect(answersQuery('no highlight', 'energy')).toBe(false);
  });

  it('folds words for comparison', () => {
    expect(foldWord('L’Énergie,')).toBe('energie');
  });
});

describe('excerptParts', () => {
  it('splits the highlighted matches out and decodes the escaped text', () => {
    expect(excerptParts('the <mark>énergie</mark> &amp; <mark>libre</mark> &lt;x&gt; &#39;a&#x27;')).toEqual([
      { text: 'the ', match: false },
      { text: 'énergie', match: true },
      { text: ' & ', match: false },
      { text: 'libre', match: true },
      { text: " <x> 'a'", match: false },
    ]);
  });

  it('never lets other markup through', () => {
    expect(excerptParts('<img src=x onerror=alert(1)>text').map((p) => p.text).join('')).toBe('text');
  });
});

describe('isSearchShortcut', () => {
  const none = { ctrl: false, meta: false, alt: false };
  it('opens on / outside text fields and on Ctrl-K or Cmd-K anywhere', () => {
    expect(isSearchShortcut('/', none, false)).toBe(true);
    expect(isSearchShortcut('/', none, true)).toBe(false);
    expect(isSearchShortcut('k', { ...none, ctrl: true }, true)).toBe(true);
    expect(isSearchShortcut('K', { ...none, meta: true }, false)).toBe(true);
    expect(isSearchShortcut('k', none, false)).toBe(false);
  });
});
