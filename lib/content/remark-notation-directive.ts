import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import { SKIP, visit } from 'unist-util-visit';
import type { Report } from './report';

/** Class of the collapsible box, for the stylesheet and the tests. */
export const NOTATION_CLASS = 'notation';

/**
 * Turns `:::notation[Label]` … `:::` (a container directive; its body lists the symbols a page
 * uses) into a closed `<details class="notation">` whose `<summary>` is the label, or
 * `summaryLabel` (the page language's word for "Notation") when the directive has none.
 * GFM has no collapsible block and raw HTML is rejected, hence a directive. The node is
 * replaced before the demo directive plugin runs, so that plugin never sees it.
 */
export function remarkNotationDirective(options: { report: Report; summaryLabel: string }) {
  const { report, summaryLabel } = options;
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if ((node.type !== 'containerDirective' && node.type !== 'leafDirective') || node.name !== 'notation') return undefined;
      const line = node.position?.start.line;
      if (node.type === 'leafDirective') {
        report(line, 'notation', 'write the notation box as a container, ":::notation" … ":::", with the symbols inside');
        return SKIP;
      }
      for (const key of Object.keys(node.attributes ?? {})) report(line, 'notation', `unknown attribute "${key}" (none is allowed)`);
      if (!parent || index === undefined) return SKIP;
      parent.children.splice(index, 1, toDetails(node, summaryLabel) as never);
      return [SKIP, index + 1];
    });
  };
}

function toDetails(node: ContainerDirective, summaryLabel: string): RootContent {
  const [first, ...rest] = node.children;
  const labelled = first?.type === 'paragraph' && first.data?.directiveLabel;
  const label: PhrasingContent[] = labelled ? first.children : [{ type: 'text', value: summaryLabel }];
  const body = labelled ? rest : node.children;
  const summary: Paragraph = { type: 'paragraph', children: label, data: { hName: 'summary' } };
  // A blockquote is the mdast container that turns into an element with block children; the
  // hName makes that element a <details>.
  return {
    type: 'blockquote',
    children: [summary, ...body],
    data: { hName: 'details', hProperties: { className: [NOTATION_CLASS] } },
    position: node.position,
  } as RootContent;
}
