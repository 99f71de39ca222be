import type { Element, ElementContent, Root } from 'hast';
import { createHighlighterCoreSync, type HighlighterCore } from 'shiki/core';
import { createJavaScriptRegexEngine } from 'shiki/engine/javascript';
import bash from 'shiki/langs/bash.mjs';
import python from 'shiki/langs/python.mjs';
import typescript from 'shiki/langs/typescript.mjs';
import darkTheme from 'shiki/themes/github-dark-high-contrast.mjs';
import lightTheme from 'shiki/themes/github-light-high-contrast.mjs';
import { SKIP, visit } from 'unist-util-visit';
import type { Report } from './report';

/**
 * Build-time syntax highlighting of fenced code with Shiki. Every token gets both themes'
 * colours as `light-dark(…, …)`, the CSS function the site's own colours use, so the page's
 * `color-scheme` (the system's, or the reader's choice on <html data-theme>) picks the side and
 * no highlighting JavaScript ever reaches the browser.
 *
 * Shiki's synchronous core with the JavaScript regex engine keeps renderMarkdown synchronous
 * (no WebAssembly to await); only the languages the notes use are loaded.
 */
const THEMES = { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' } as const;

/** Languages a fence may name (with their aliases); a fence without a language stays plain. */
export const HIGHLIGHTED_LANGUAGES = ['ts', 'typescript', 'python', 'py', 'bash', 'sh', 'shell'] as const;

let highlighter: HighlighterCore | null = null;

function getHighlighter(): HighlighterCore {
  highlighter ??= createHighlighterCoreSync({
    themes: [lightTheme, darkTheme],
    langs: [typescript, python, bash],
    engine: createJavaScriptRegexEngine(),
  });
  return highlighter;
}

/** `source=path#region` from a fence's meta string, or null. */
export function sourceOfMeta(meta: string | null | undefined): string | null {
  const match = /(?:^|\s)source=(\S+)/.exec(meta ?? '');
  return match ? match[1] : null;
}

function languageOf(code: Element): string | null {
  const classes = code.properties.className;
  const list = Array.isArray(classes) ? classes : [];
  const entry = list.find((c): c is string => typeof c === 'string' && c.startsWith('language-'));
  return entry ? entry.slice('language-'.length) : null;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(textOf).join('');
  return '';
}

export function rehypeHighlightCode(options: { report: Report }) {
  const { report } = options;
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || !parent || index === undefined) return undefined;
      const code = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (!code) return undefined;
      const lang = languageOf(code);
      // Display math arrives as <pre><code class="language-math"> for rehype-katex, which runs next.
      if (lang === 'math') return SKIP;
      const source = sourceOfMeta((code.data as { meta?: string } | undefined)?.meta);
      const text = code.children.map(textOf).join('').replace(/\n$/, '');
      let pre: Element = node;
      if (lang !== null) {
        if (!(HIGHLIGHTED_LANGUAGES as readonly string[]).includes(lang)) {
          report(node.position?.start.line, 'code', `unknown language "${lang}" (known: ${HIGHLIGHTED_LANGUAGES.join(', ')})`);
          return SKIP;
        }
        const root = getHighlighter().codeToHast(text, { lang, themes: THEMES, defaultColor: 'light-dark()' });
        const highlighted = root.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');
        if (highlighted) pre = highlighted;
        // Keep the language on <code> for the stylesheet and for readers' tools.
        const inner = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
        if (inner) inner.properties.className = [`language-${lang}`];
        // A scrollable region must be reachable from the keyboard.
        pre.properties.tabIndex = 0;
      }
      if (source) pre.properties.dataSource = source;
      pre.position = node.position;
      parent.children.splice(index, 1, pre);
      return SKIP;
    });
  };
}
