import { ContentError } from './errors';

/**
 * The course's structure is its folders: `content/<lang>/weekNN/` is a week, `NN.md` its
 * overview and `NN-K.md` its pages. Nothing else names a week.
 */
const WEEK_FOLDER = /^week(\d+)$/;

export function isWeekFolder(name: string): boolean {
  return WEEK_FOLDER.test(name);
}

/** `week07` → `07`: the slug of the week's overview and the prefix of its pages' slugs. */
export function weekNumber(week: string): string {
  const match = WEEK_FOLDER.exec(week);
  if (!match) throw new Error(`"${week}" is not a week folder (weekNN)`);
  return match[1];
}

/** Week folders in course order (by number, so week10 follows week9). */
export function sortWeeks(weeks: readonly string[]): string[] {
  return [...weeks].filter(isWeekFolder).sort((a, b) => Number(weekNumber(a)) - Number(weekNumber(b)) || a.localeCompare(b));
}

/** Whether `name` (a file in `week`) is the overview `NN.md` or a page `NN-K.md`. */
export function isPageFileName(week: string, name: string): boolean {
  const number = weekNumber(week);
  return name === `${number}.md` || new RegExp(`^${number}-\\d+\\.md$`).test(name);
}

/** Reading order inside a week: the overview, then pages by number (07-2 before 07-10). */
export function compareSlugs(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export interface PageRef {
  week: string;
  slug: string;
}

export function isOverview(page: PageRef): boolean {
  return page.slug === weekNumber(page.week);
}

export interface Week<P extends PageRef> {
  /** The folder name, also the URL segment: `week07`. */
  id: string;
  /** The overview page (`NN.md`); its title is the week's title. */
  overview: P;
  /** Every page of the week in reading order, the overview first. */
  pages: P[];
}

/**
 * Groups pages (already in course order) by week. A week must have an overview: it gives the
 * week its title and its address, so a week without one is a content error.
 */
export function groupWeeks<P extends PageRef & { file: string }>(pages: readonly P[]): Week<P>[] {
  const byWeek = new Map<string, P[]>();
  for (const page of pages) {
    const list = byWeek.get(page.week) ?? [];
    list.push(page);
    byWeek.set(page.week, list);
  }
  return sortWeeks([...byWeek.keys()]).map((id) => {
    const weekPages = byWeek.get(id)!;
    const overview = weekPages.find(isOverview);
    if (!overview) {
      const folder = weekPages[0].file.slice(0, weekPages[0].file.lastIndexOf('/'));
      throw new ContentError(`${folder}/${weekNumber(id)}.md`, 1, 'file', `week ${id} has no overview page; create ${weekNumber(id)}.md (its title is the week's title)`);
    }
    return { id, overview, pages: weekPages };
  });
}
