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

/**
 * Options for the pages Pagefind found (already in its ranking order): each page's best
 * sections by the weight of their matches, then the next page.
 */
export function searchOptions(pages: PagefindResultData[], sectionsPerPage = SECTIONS_PER_PAGE): SearchOption[] {
  return pages.flatMap((data) => {
    const page = data.meta.title ?? data.url;
    const subs = (data.sub_results ?? []).filter((sub) => score(sub) > 0);
    if (subs.length === 0) return [{ url: data.url, page, excerpt: data.excerpt }];
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
