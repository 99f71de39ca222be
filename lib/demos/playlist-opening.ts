import { playlistFromLink } from './playlist';

/**
 * The lecture playlist's first paint. The page is built once, opening on the week's first demo,
 * while instructors open it from links (`?demos=b,a`, `#id`) that ask for another one. A tiny
 * inline script, run before the playlist's markup is parsed, reads the link with the playlist's
 * own rules (`playlistFromLink`) and marks <html>; the page's style then shows the link's demo
 * among the titles and questions the build wrote for every demo, so the room never sees a wrong
 * one, and nothing moves when React takes over. The script is placed before the playlist's
 * markup; the style goes in <head>, where it also sets the page's lecture-hall type.
 *
 * Only <html> is touched before hydration (React does not own its attributes): the markup React
 * hydrates stays exactly the built one.
 */

/** On <html>: the demo a link opens on, or '' when no demo of the link is in the playlist. */
export const OPENING_ATTRIBUTE = 'data-playlist-opening';
/** On each span of a title or question written for one demo: that demo's id. */
export const OPENING_FOR_ATTRIBUTE = 'data-playlist-for';
/** On the playlist once React renders it from the link (from then on React shows the right demo). */
export const HYDRATED_ATTRIBUTE = 'data-hydrated';

/**
 * The inline script, placed before the playlist's markup. It fails silently: the page then opens
 * as built and follows the link once hydrated, as it would without the script.
 */
export function playlistOpeningScript(available: readonly string[]): string {
  return (
    `(function(){try{var h=document.documentElement,l=(${playlistFromLink.toString()})(location.search,location.hash,${JSON.stringify(available)});` +
    `if(!l.asBuilt)h.setAttribute(${JSON.stringify(OPENING_ATTRIBUTE)},l.opening===null?'':l.opening);}catch(e){}})();`
  );
}

/**
 * The playlist page's own style, meant for <head> so that the first paint has it, header
 * included. Lecture-hall type for the whole page (every size on the playlist is in rem, scaled
 * with the screen, as in presentation mode). Then what honours the mark until React renders: the
 * link's demo's title and question instead of the first demo's; the position, the previous/next
 * buttons and the notes link (which depend on the link's order) kept in their place but
 * invisible, so that nothing shifts when they appear; the whole playlist invisible when no demo
 * of the link is in it.
 */
export function playlistOpeningStyle(available: readonly string[]): string {
  const waiting = (opening?: string) =>
    `html[${OPENING_ATTRIBUTE}${opening === undefined ? '' : `=${JSON.stringify(opening)}`}] .playlist:not([${HYDRATED_ATTRIBUTE}])`;
  return [
    'html:root{font-size:var(--lecture-type)}',
    `${waiting()} [${OPENING_FOR_ATTRIBUTE}]{display:none}`,
    ...available.map((id) => `${waiting(id)} [${OPENING_FOR_ATTRIBUTE}=${JSON.stringify(id)}]{display:inline}`),
    `${waiting()} :is(.playlist-position,.playlist-bar>.demo-button,.playlist-footer a){visibility:hidden}`,
    `${waiting('')}{visibility:hidden}`,
  ].join('\n');
}
