/**
 * Code excerpts in the notes that are copied from the library: a fence such as
 * ```` ```ts source=lib/ml/mnist/corruption.ts#dropout-mask ```` names a file and a region of it,
 * marked in the source with `// #region excerpt:<name>` … `// #endregion`. These functions find
 * both sides so that a test can fail when the library changes and the page does not.
 */
import type { Code, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { sourceOfMeta } from './rehype-highlight-code';

export interface CodeExcerpt {
  /** Line of the opening fence in the Markdown file. */
  line: number;
  lang: string | null;
  /** Repository-relative path of the source file. */
  file: string;
  region: string;
  code: string;
}

/** Every fenced block of a Markdown text that declares `source=file#region`. */
export function codeExcerpts(markdown: string): CodeExcerpt[] {
  const tree = unified().use(remarkParse).parse(markdown) as Root;
  const out: CodeExcerpt[] = [];
  visit(tree, 'code', (node: Code) => {
    const source = sourceOfMeta(node.meta);
    if (!source) return;
    const hash = source.indexOf('#');
    if (hash < 1 || hash === source.length - 1) throw new Error(`line ${node.position?.start.line}: source=${source} must be <file>#<region>`);
    out.push({ line: node.position?.start.line ?? 1, lang: node.lang ?? null, file: source.slice(0, hash), region: source.slice(hash + 1), code: node.value });
  });
  return out;
}

/** Removes the indentation common to every non-blank line. */
export function dedent(lines: string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut));
}

/**
 * The lines between `// #region excerpt:<name>` and the next `// #endregion`, dedented. Throws,
 * naming the region, when the marker is missing, repeated or unclosed.
 */
export function extractRegion(sourceText: string, name: string): string {
  const lines = sourceText.split('\n');
  const isStart = (l: string) => l.trim() === `// #region excerpt:${name}`;
  const starts = lines.flatMap((l, i) => (isStart(l) ? [i] : []));
  if (starts.length === 0) throw new Error(`no "// #region excerpt:${name}" marker`);
  if (starts.length > 1) throw new Error(`"// #region excerpt:${name}" appears ${starts.length} times`);
  const end = lines.findIndex((l, i) => i > starts[0] && l.trim() === '// #endregion');
  if (end < 0) throw new Error(`region excerpt:${name} has no "// #endregion"`);
  return dedent(lines.slice(starts[0] + 1, end)).join('\n');
}

/**
 * Null when the excerpt equals its region in `sourceText`, else what differs: the first line
 * that does not match (both versions), or why the region cannot be read.
 */
export function excerptMismatch(excerpt: CodeExcerpt, sourceText: string): string | null {
  let region: string;
  try {
    region = extractRegion(sourceText, excerpt.region);
  } catch (error) {
    return `${excerpt.file}: ${(error as Error).message}`;
  }
  if (region === excerpt.code) return null;
  const a = excerpt.code.split('\n');
  const b = region.split('\n');
  let k = 0;
  while (k < Math.min(a.length, b.length) && a[k] === b[k]) k++;
  return `line ${k + 1} of the excerpt differs from ${excerpt.file}#${excerpt.region}: the page has ${JSON.stringify(a[k] ?? '(nothing)')}, the source has ${JSON.stringify(b[k] ?? '(nothing)')}`;
}
