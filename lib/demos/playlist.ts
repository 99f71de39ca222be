import { isDemoId, type DemoId } from './registry';

/**
 * The demos of a lecture playlist: the presenter's `?demos=a,b,c` order when given (unknown
 * or unavailable ids skipped, repeats dropped), else every available demo in page order.
 */
export function playlistOrder(query: string | null, available: readonly DemoId[]): DemoId[] {
  if (query === null || query.trim() === '') return [...available];
  const out: DemoId[] = [];
  for (const raw of query.split(',')) {
    const id = raw.trim();
    if (isDemoId(id) && available.includes(id) && !out.includes(id)) out.push(id);
  }
  return out;
}
