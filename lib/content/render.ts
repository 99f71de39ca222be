import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import type { DemoId } from '../demos/registry';
import { ContentError, throwIfAny } from './errors';
import { katexMacros } from './macros';
import { rehypeBasePath } from './rehype-base-path';
import { rehypeHighlightCode } from './rehype-highlight-code';
import { remarkContentChecks } from './remark-content-checks';
import { remarkDecimalComma } from './remark-decimal-comma';
import { remarkDemoDirective } from './remark-demo-directive';
import { remarkNotationDirective } from './remark-notation-directive';
import type { Report } from './report';
import { tableOfContents, type TocEntry } from './toc';

export interface RenderedMarkdown {
  hast: HastRoot;
  toc: TocEntry[];
  /** Demo ids in the order they appear. */
  demos: DemoId[];
  /** Line of each demo directive, parallel to `demos`. */
  demoLines: number[];
  /** Number of display equations, compared across translations. */
  displayMath: number;
  /** Line and LaTeX of each display equation. */
  equations: { line: number; tex: string }[];
}

export interface RenderOptions {
  /** Repository-relative path, used in error messages. */
  file: string;
  /** The page's language: selects language-specific checks (decimal commas in math). Default "en". */
  lang?: string;
  /** Summary of a notation box written without a label. Default "Notation". */
  notationLabel?: string;
  basePath?: string;
}

/**
 * Markdown body -> hast with math typeset, at build time. Pure: no file system, no React.
 * Every problem is collected and thrown together, each naming file, line and field.
 */
export function renderMarkdown(body: string, options: RenderOptions): RenderedMarkdown {
  const errors: ContentError[] = [];
  const report: Report = (line, field, problem) => errors.push(new ContentError(options.file, line, field, problem));
  const demos: DemoId[] = [];
  const demoLines: number[] = [];

  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkDirective)
    .use(remarkContentChecks, { report, source: body })
    .use(remarkDecimalComma, { report, lang: options.lang ?? 'en' })
    .use(remarkNotationDirective, { report, summaryLabel: options.notationLabel ?? 'Notation' })
    .use(remarkDemoDirective, { report, source: body, demos, demoLines })
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeHighlightCode, { report })
    // KaTeX mutates the macro table when a page defines its own, so each page gets a copy.
    .use(rehypeKatex, { macros: { ...katexMacros }, strict: 'error', trust: false, output: 'htmlAndMathml' })
    .use(rehypeBasePath, { basePath: options.basePath ?? '' });

  const file = new VFile({ path: options.file, value: body });
  const mdast = processor.parse(file) as MdastRoot;
  const equations: { line: number; tex: string }[] = [];
  visit(mdast, 'math', (node) => {
    equations.push({ line: node.position?.start.line ?? 1, tex: node.value });
  });
  const hast = processor.runSync(mdast, file) as HastRoot;

  for (const message of file.messages) {
    if (message.source !== 'rehype-katex') continue;
    const cause = message.cause instanceof Error ? message.cause.message : message.reason;
    report(message.line ?? undefined, 'math', `KaTeX cannot typeset this formula: ${cause}`);
  }
  throwIfAny(errors);
  return { hast, toc: tableOfContents(hast), demos, demoLines, displayMath: equations.length, equations };
}
