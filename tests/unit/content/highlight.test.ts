import { describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/content/errors';
import { renderMarkdown } from '@/lib/content/render';
import { toHtml } from './to-html';

const render = (body: string) => toHtml(renderMarkdown(body, { file: 'content/en/week07/t.md' }).hast);

describe('code highlighting at build time', () => {
  it('colours TypeScript tokens for both themes with light-dark()', () => {
    const html = render('```ts\nconst x: number = 1; // one\n```\n');
    expect(html).toMatch(/<pre class="shiki[^"]*"[^>]*tabindex="0"/);
    expect(html).toContain('class="language-ts"');
    // Each token carries its light and its dark colour; the page's color-scheme picks one.
    const colours = [...html.matchAll(/color:light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)/gi)];
    expect(colours.length).toBeGreaterThan(3);
    expect(colours.some(([, light, dark]) => light.toLowerCase() !== dark.toLowerCase())).toBe(true);
    expect(html.replace(/<[^>]+>/g, '')).toContain('const x: number = 1; // one');
  });

  it('highlights Python and keeps the declared source on the block', () => {
    const html = render('```python source=lib/a.ts#b\ndef f(x):\n    return x\n```\n');
    expect(html).toContain('data-source="lib/a.ts#b"');
    expect(html).toContain('class="language-python"');
  });

  it('leaves math to KaTeX and a fence without a language plain', () => {
    const html = render('$$\nx\n$$\n\n```\nplain text\n```\n');
    expect(html).toContain('katex-display');
    expect(html).toContain('<pre><code>plain text\n</code></pre>');
  });

  it('rejects an unknown language with file and line', () => {
    expect(() => render('Text.\n\n```cobol\nX\n```\n')).toThrow(ContentError);
    expect(() => render('Text.\n\n```cobol\nX\n```\n')).toThrow('content/en/week07/t.md:3: code: unknown language "cobol"');
  });
});
