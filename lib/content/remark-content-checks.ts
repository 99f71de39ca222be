import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { Report } from './report';

const UNSAFE_URL = /^\s*(javascript|vbscript|data):/i;

/** One or more HTML comments and nothing else (a translator's note, the source paragraph kept beside its translation). */
const ONLY_COMMENTS = /^\s*(?:<!--[\s\S]*?-->\s*)+$/;

/** True when a raw-HTML node holds comments only: it is dropped instead of rejected. */
export function isCommentOnly(html: string): boolean {
  return ONLY_COMMENTS.test(html);
}

/**
 * Rejects what a contributor can write in Markdown but must not reach the page: raw HTML
 * (the only way to smuggle a <script> or an onclick=), script URLs, a second page title,
 * and `$$ … $$` on one line, which remark-math reads as inline math and so silently loses
 * the display style. HTML comments are the one kind of raw HTML allowed: they are removed from
 * the tree here, so they never reach the page.
 */
export function remarkContentChecks(options: { report: Report; source: string }) {
  const { report, source } = options;
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      const line = node.position?.start.line;
      switch (node.type) {
        case 'html':
          if (isCommentOnly(node.value) && parent && index !== undefined) {
            parent.children.splice(index, 1);
            return [SKIP, index];
          }
          report(line, 'raw HTML', `not allowed in content (found ${JSON.stringify(node.value.slice(0, 40))}); write Markdown instead`);
          break;
        case 'link':
        case 'image':
        case 'definition':
          if (UNSAFE_URL.test(node.url)) report(line, 'link', `unsafe URL ${JSON.stringify(node.url.slice(0, 40))}`);
          break;
        case 'heading':
          if (node.depth === 1) report(line, 'heading', 'a "# " heading is not allowed: the page title comes from front matter; start at "## "');
          break;
        case 'inlineMath': {
          const start = node.position?.start.offset;
          if (start !== undefined && source.startsWith('$$', start)) {
            report(line, 'math', 'display math written on one line ($$ … $$); put each $$ on a line of its own');
          }
          break;
        }
        default:
          break;
      }
      return undefined;
    });
  };
}
