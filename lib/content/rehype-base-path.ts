import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Content links to site assets as `/figures/…`; when the site is hosted under a sub-path those
 * must become `/sub/path/figures/…`. Protocol-relative `//host` URLs are left alone.
 */
export function rehypeBasePath(options: { basePath: string }) {
  const base = options.basePath.replace(/\/$/, '');
  return (tree: Root) => {
    if (!base) return;
    visit(tree, 'element', (node) => {
      for (const attr of ['src', 'href'] as const) {
        const value = node.properties[attr];
        if (typeof value === 'string' && value.startsWith('/') && !value.startsWith('//')) {
          node.properties[attr] = base + value;
        }
      }
    });
  };
}
