/**
 * Pagefind's search results (its browser API, loaded at run time from the built index) turned
 * into the options the search dialog lists: one per matching section, best first.
 */

/** The part of a Pagefind result's data this site reads. */
export interface PagefindResultData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results?: {
    url: string;
    title: string;
    excerpt: string;
    weighted_locations?: { balanced_score: number }[];
    locations?: number[];
  }[];
}

export interface SearchOption {
  /** Address to open: the section's anchor when the match is in a section. */
  url: string;
  page: string;
  /** Heading of the section, or undefined when the match is above the first heading. */
  section?: string;
  excerpt: string;
}

const SECTIONS_PER_PAGE = 3;

function score(sub: NonNullable<PagefindResultData['sub_results']>[number]): number {
  if (sub.weighted_locations?.length) return sub.weighted_locations.reduce((sum, l) => sum + l.balanced_score, 0);
  return sub.locations?.length ?? 0;
}

/** A word folded for comparison: no accents, lower case, no elided article (d', l'), no punctuation. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^.*['’]/, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Whether an excerpt's highlighted words answer the query. When a word has no match, Pagefind
 * falls back to ever shorter prefixes of it, down to one letter ("xylophone" highlights a lone
 * "x"); such a match shares too little with the word typed to count. A highlighted word counts
 * when it shares with a query word most of that word (stems and plurals differ in their end).
 */
export function answersQuery(excerpt: string, query: string): boolean {
  const terms = query.split(/\s+/).map(foldWord).filter(Boolean);
  const marked = [...excerpt.matchAll(/<mark>([^<]*)<\/mark>/g)].flatMap((m) => m[1].split(/\s+/)).map(foldWord).filter(Boolean);
  return marked.some((word) =>
    terms.some((term) => commonPrefix(word, term) >= Math.min(term.length, Math.max(3, Math.ceil(0.6 * term.length)))),
  );
}

/**
 * Options for the pages Pagefind found for `query` (already in its ranking order): each page's
 * best sections by the weight of their matches, then the next page. Sections whose matches do
 * not answer the query (see answersQuery) are left out, and so are pages left with none.
 */
export function searchOptions(pages: PagefindResultData[], query: string, sectionsPerPage = SECTIONS_PER_PAGE): SearchOption[] {
  return pages.flatMap((data) => {
    const page = data.meta.title ?? data.url;
    const subs = (data.sub_results ?? []).filter((sub) => score(sub) > 0 && answersQuery(sub.excerpt, query));
    if (subs.length === 0) return answersQuery(data.excerpt, query) && !data.sub_results?.length ? [{ url: data.url, page, excerpt: data.excerpt }] : [];
    return [...subs]
      .sort((a, b) => score(b) - score(a))
      .slice(0, sectionsPerPage)
      .map((sub) => ({
        url: sub.url,
        page,
        section: sub.url.includes('#') && sub.title !== page ? sub.title : undefined,
        excerpt: sub.excerpt,
      }));
  });
}

export interface ExcerptPart {
  text: string;
  match: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * An excerpt as Pagefind gives it (escaped text with the matches in `<mark>`) split into plain
 * text and matches, so the page renders it as text and never as HTML.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pieces = excerpt.split(/(<mark>|<\/mark>)/);
  let match = false;
  for (const piece of pieces) {
    if (piece === '<mark>') match = true;
    else if (piece === '</mark>') match = false;
    else if (piece) {
      const text = decodeEntities(piece.replace(/<[^>]*>/g, ''));
      const last = parts.at(-1);
      if (last && last.match === match) last.text += text;
      else parts.push({ text, match });
    }
  }
  return parts;
}

/** True when a key press should open the search: `/` outside a text field, or Ctrl/Cmd-K. */
export function isSearchShortcut(key: string, modifiers: { ctrl: boolean; meta: boolean; alt: boolean }, inTextField: boolean): boolean {
  if ((modifiers.ctrl || modifiers.meta) && !modifiers.alt && key.toLowerCase() === 'k') return true;
  return key === '/' && !modifiers.ctrl && !modifiers.meta && !modifiers.alt && !inTextField;
}
