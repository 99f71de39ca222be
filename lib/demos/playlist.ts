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

/** What a key press does on the lecture playlist. */
export type PlaylistKeyAction = 'start' | 'next' | 'previous' | null;

const NEXT_KEYS = new Set(['ArrowRight', 'PageDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'PageUp']);
/** Enter and Space start the demo too, unless a control has the focus (they are its keys). */
const START_ONLY_KEYS = new Set(['Enter', ' ']);

/**
 * The playlist downloads nothing heavy until the presenter asks: before the demo has started,
 * the first press of a key the playlist handles (→ ← Page Up Page Down, a clicker's keys; or
 * Enter and Space) starts the demo on screen instead of moving, so that a clicker's first click
 * never skips a demo. Once started, the arrows and Page keys move between demos. Keys with a
 * modifier are the browser's; arrows on a slider, field or plot are that control's.
 */
export function playlistKeyAction(
  key: string,
  { started, modifier, arrowsTaken, onControl }: { started: boolean; modifier: boolean; arrowsTaken: boolean; onControl: boolean },
): PlaylistKeyAction {
  if (modifier) return null;
  const next = NEXT_KEYS.has(key);
  const previous = PREVIOUS_KEYS.has(key);
  if ((key === 'ArrowRight' || key === 'ArrowLeft') && arrowsTaken) return null;
  if (!started) return next || previous || (START_ONLY_KEYS.has(key) && !onControl) ? 'start' : null;
  return next ? 'next' : previous ? 'previous' : null;
}
