/** What a link to the lecture playlist asks for. */
export interface PlaylistLink<Id extends string> {
  /** The demos in the presenter's order (`?demos=a,b,c`), else every available demo in page order. */
  order: Id[];
  /** Where `#id` is in `order`, or -1 (no hash, or a demo not in `order`). */
  linked: number;
  /** The ids of `?demos=` that are not in this playlist (unknown, or from another week), each once. */
  skipped: string[];
  /** The demo the page opens on (`#id`, else the first of `order`); null when `order` is empty. */
  opening: Id | null;
  /** True when the link asks for the page as it was built: every demo in page order, opening on the first. */
  asBuilt: boolean;
}

/**
 * Reads a playlist link: `search` and `hash` as in `location`, `available` the week's demos in
 * page order. In `?demos=` unknown or unavailable ids are skipped (and reported), repeats dropped.
 *
 * It must stay self-contained (no import, no module-level helper): the playlist page also runs
 * its source text inline, before the first paint (lib/demos/playlist-opening.ts), so that a
 * link's demo is the first one shown, chosen by these very rules.
 */
export function playlistFromLink<Id extends string>(search: string, hash: string, available: readonly Id[]): PlaylistLink<Id> {
  const query = new URLSearchParams(search).get('demos');
  const order: Id[] = [];
  const skipped: string[] = [];
  if (query === null || query.trim() === '') {
    for (const id of available) order.push(id);
  } else {
    for (const raw of query.split(',')) {
      const id = raw.trim();
      const at = available.indexOf(id as Id);
      if (at >= 0) {
        if (order.indexOf(available[at]) < 0) order.push(available[at]);
      } else if (id !== '' && skipped.indexOf(id) < 0) skipped.push(id);
    }
  }
  const linked = order.indexOf(hash.slice(1) as Id);
  let asBuilt = skipped.length === 0 && linked <= 0 && order.length === available.length;
  for (let i = 0; asBuilt && i < order.length; i++) asBuilt = order[i] === available[i];
  return { order, linked, skipped, opening: order.length > 0 ? order[Math.max(0, linked)] : null, asBuilt };
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
