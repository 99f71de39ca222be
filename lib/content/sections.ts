import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Class of the element that wraps one `h2` section of an article (see wrapSections). */
export const SECTION_CLASS = 'doc-section';

/**
 * Wraps each `h2` and what follows it, up to the next `h2`, in a `<section>`, so that the
 * stylesheet can let the browser skip the style, layout and paint of the sections that are off
 * screen (`content-visibility: auto`): a lecture page holds thousands of KaTeX elements, and a
 * phone otherwise lays them all out before the reader sees the first screen. What comes before
 * the first `h2` (the introduction, the notation box) stays as it is. The input is not modified.
 */
export function wrapSections(tree: Root): Root {
  const children: RootContent[] = [];
  let section: Element | null = null;
  for (const child of tree.children) {
    if (child.type === 'element' && child.tagName === 'h2') {
      section = { type: 'element', tagName: 'section', properties: { className: [SECTION_CLASS] }, children: [] };
      children.push(section);
    }
    if (section) section.children.push(child as ElementContent);
    else children.push(child);
  }
  return { ...tree, children };
}
