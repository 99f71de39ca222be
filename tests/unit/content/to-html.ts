import type { Root } from 'hast';
import { toHtml as hastToHtml } from 'hast-util-to-html';

/** Serialises hast for assertions. */
export function toHtml(tree: Root): string {
  return hastToHtml(tree);
}
