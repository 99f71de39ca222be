import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { visit, SKIP } from 'unist-util-visit';
import { demoRegistry, isDemoId, type DemoId } from '../demos/registry';
import type { Report } from './report';

/** The hast element a demo directive becomes; the page maps it to the demo's React component. */
export const DEMO_ELEMENT = 'demo-figure';

/**
 * Turns `:::demo[caption]{id="…"}` (container: its body is the text fallback) or
 * `::demo[caption]{id="…"}` (leaf) into a `demo-figure` element. Any other block directive is
 * an error; an inline `:word` that remark-directive mistook for a directive is put back as text.
 */
export function remarkDemoDirective(options: { report: Report; source: string; demos: DemoId[]; demoLines?: number[] }) {
  const { report, source, demos, demoLines } = options;
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'textDirective') {
        if (parent && index !== undefined) {
          parent.children.splice(index, 1, { type: 'text', value: sourceOf(node, source) } as never);
          return [SKIP, index + 1];
        }
        return undefined;
      }
      if (node.type !== 'containerDirective' && node.type !== 'leafDirective') return undefined;
      const line = node.position?.start.line;
      if (node.name !== 'demo') {
        report(line, 'directive', `unknown directive "${node.name}" (known: "demo", "notation")`);
        return SKIP;
      }
      const attributes = node.attributes ?? {};
      for (const key of Object.keys(attributes)) {
        if (key !== 'id') report(line, 'demo', `unknown attribute "${key}" (only id is allowed)`);
      }
      const id = attributes.id ?? '';
      if (!isDemoId(id)) {
        report(line, 'demo id', id ? `unknown demo "${id}" (known: ${Object.keys(demoRegistry).join(', ')})` : 'missing id="…"');
        return SKIP;
      }
      demos.push(id);
      demoLines?.push(line ?? 1);
      transform(node, id);
      return SKIP;
    });
  };
}

function sourceOf(node: TextDirective, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start !== undefined && end !== undefined ? source.slice(start, end) : `:${node.name}`;
}

function transform(node: ContainerDirective | LeafDirective, id: DemoId): void {
  let caption: PhrasingContent[] = [];
  let fallback: RootContent[] = [];
  if (node.type === 'leafDirective') {
    caption = node.children;
  } else {
    const [first, ...rest] = node.children;
    if (first?.type === 'paragraph' && first.data?.directiveLabel) {
      caption = first.children;
      fallback = rest;
    } else {
      fallback = node.children;
    }
  }
  if (caption.length === 0) caption = [{ type: 'text', value: demoRegistry[id].title }];
  const captionNode: Paragraph = { type: 'paragraph', children: caption, data: { hName: 'figcaption' } };
  const fallbackNode = {
    type: 'blockquote',
    children: fallback,
    data: { hName: 'div', hProperties: { className: ['demo-fallback'] } },
  } as RootContent;
  node.data = { hName: DEMO_ELEMENT, hProperties: { dataDemo: id } };
  (node as { children: RootContent[] }).children = [fallbackNode, captionNode];
}
