import type { Root } from 'hast';
import { toHtml as hastToHtml } from 'hast-util-to-html';

/** Serialises hast for assertions; the site itself renders hast to React elements. */
export function toHtml(tree: Root): string {
  return hastToHtml(tree);
}
