import type { Element, ElementContent, Root, RootContent } from 'hast';

/** Class of the element that wraps one `h2` section of an article (see wrapSections). */
export const SECTION_CLASS = 'doc-section';

/**
 * Wraps each `h2` and what follows it, up to the next `h2`, in a `<section>`. A section without
 * a demo or a code block is then one static element (lib/content/static-html.ts): the page
 * hydrates a handful of sections instead of every paragraph. What comes before the first `h2`
 * (the introduction, the notation box) stays as it is. The input is not modified.
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
