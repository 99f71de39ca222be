import type { Element, ElementContent, Root } from 'hast';

export interface TocEntry {
  id: string;
  depth: 2 | 3;
  text: string;
}

function isElement(node: ElementContent | Root): node is Element {
  return node.type === 'element';
}

/** Visible text of a heading; KaTeX's MathML copy is skipped so a formula is not read twice. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (!isElement(node)) return '';
  const className = node.properties.className;
  if (Array.isArray(className) && className.includes('katex-mathml')) return '';
  return node.children.map(textOf).join('');
}

export function tableOfContents(tree: Root): TocEntry[] {
  const entries: TocEntry[] = [];
  for (const node of tree.children) {
    if (node.type !== 'element' || (node.tagName !== 'h2' && node.tagName !== 'h3')) continue;
    const id = node.properties.id;
    if (typeof id !== 'string') continue;
    entries.push({ id, depth: node.tagName === 'h2' ? 2 : 3, text: textOf(node).replace(/[\u200b\s]+/g, ' ').trim() });
  }
  return entries;
}
