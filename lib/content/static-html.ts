import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toHtml } from 'hast-util-to-html';

/** Property that marks an element whose children were replaced by an HTML string. */
export const STATIC_HTML_PROPERTY = 'dataStaticHtml';
/** The same property as the attribute React receives. */
export const STATIC_HTML_ATTRIBUTE = 'data-static-html';

export interface StaticSplit {
  /** The tree with every static subtree's children emptied and marked with its chunk index. */
  tree: Root;
  /** HTML of the children of each marked element, by index. */
  chunks: string[];
}

/**
 * Splits a page's tree into what React must render (elements for which `isLive` is true, and
 * their ancestors) and static subtrees, serialised once to HTML. Rendering a static subtree as
 * an element with `dangerouslySetInnerHTML` keeps the page's HTML identical, but the React
 * payload carries one string instead of thousands of elements (KaTeX's spans above all), and
 * hydration does not walk them. The input is not modified.
 */
export function splitStatic(tree: Root, isLive: (el: Element) => boolean): StaticSplit {
  const chunks: string[] = [];
  const containsLive = (node: RootContent | ElementContent): boolean =>
    node.type === 'element' && (isLive(node) || node.children.some(containsLive));

  const visitChildren = <T extends RootContent | ElementContent>(children: T[]): T[] =>
    children.map((child) => {
      if (child.type !== 'element') return child;
      if (containsLive(child)) return { ...child, children: visitChildren(child.children) } as T;
      if (child.children.length === 0) return child;
      const index = chunks.push(toHtml(child.children)) - 1;
      return { ...child, properties: { ...child.properties, [STATIC_HTML_PROPERTY]: index }, children: [] } as T;
    });

  return { tree: { ...tree, children: visitChildren(tree.children) }, chunks };
}

/** Intrinsic size of an image, when known. */
export type ImageSize = (src: string) => { width: number; height: number } | undefined;

/**
 * Build-time touches to the page's elements that the browser needs in the HTML: images get
 * their intrinsic size (no layout shift when they load), lazy loading and async decoding;
 * tables are wrapped in a region that scrolls sideways on a phone.
 */
export function prepareElements(tree: Root, sizeOf: ImageSize): Root {
  const visitChildren = <T extends RootContent | ElementContent>(children: T[]): T[] =>
    children.map((child) => {
      if (child.type !== 'element') return child;
      const el: Element = { ...child, children: visitChildren(child.children) };
      if (el.tagName === 'img') {
        const src = typeof el.properties.src === 'string' ? el.properties.src : '';
        const size = sizeOf(src);
        el.properties = { ...el.properties, alt: el.properties.alt ?? '', loading: 'lazy', decoding: 'async', ...(size ?? {}) };
      }
      if (el.tagName === 'table') {
        return { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [el] } as T;
      }
      return el as T;
    });
  return { ...tree, children: visitChildren(tree.children) };
}
