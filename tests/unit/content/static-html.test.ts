import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/content/render';
import { DEMO_ELEMENT } from '@/lib/content/remark-demo-directive';
import { prepareElements, splitStatic, STATIC_HTML_PROPERTY } from '@/lib/content/static-html';
import { parseSvgSize } from '@/lib/content/svg-size';

const page = renderMarkdown(
  [
    '## Energy',
    '',
    'Inline $F(x, y)$ and a [link](#energy).',
    '',
    ':::demo[Caption]{id="energy-inference"}',
    'Fallback with $y$.',
    ':::',
    '',
    '| a | b |',
    '|---|---|',
    '| 1 | 2 |',
    '',
    '![A figure](/figures/week07/f.svg)',
  ].join('\n'),
  { file: 'content/en/week07/t.md' },
).hast;

/** Puts each chunk back where it was taken from: must give the original HTML. */
function reassemble(tree: Root, chunks: string[]): string {
  return toHtml(tree).replace(/<([a-z][\w-]*)([^>]*?) data-static-html="(\d+)"([^>]*)><\/\1>/g, (_m, tag, before, index, after) => `<${tag}${before}${after}>${chunks[Number(index)]}</${tag}>`);
}

describe('splitStatic', () => {
  const isDemo = (el: Element) => el.tagName === DEMO_ELEMENT;
  const split = splitStatic(page, isDemo);

  it('keeps the HTML identical once the chunks are put back', () => {
    expect(reassemble(split.tree, split.chunks)).toBe(toHtml(page));
  });

  it('keeps the demo element and its path as elements, the rest as strings', () => {
    const top = split.tree.children.filter((n): n is Element => n.type === 'element');
    const demo = top.find((el) => el.tagName === DEMO_ELEMENT);
    expect(demo).toBeDefined();
    expect(demo?.properties[STATIC_HTML_PROPERTY]).toBeUndefined();
    // The heading, the paragraph with math: one marked element each, no child elements left.
    const heading = top.find((el) => el.tagName === 'h2');
    expect(heading?.children).toEqual([]);
    expect(typeof heading?.properties[STATIC_HTML_PROPERTY]).toBe('number');
    expect(split.chunks.some((c) => c.includes('class="katex"'))).toBe(true);
  });

  it('leaves the input tree alone', () => {
    expect(toHtml(page)).toContain('class="katex"');
    expect(JSON.stringify(page)).not.toContain(STATIC_HTML_PROPERTY);
  });
});

describe('prepareElements', () => {
  const html = toHtml(prepareElements(page, (src) => (src === '/figures/week07/f.svg' ? { width: 600, height: 400 } : undefined)));

  it('gives images their intrinsic size and lazy loading', () => {
    expect(html).toMatch(/<img src="\/figures\/week07\/f.svg" alt="A figure" loading="lazy" decoding="async" width="600" height="400">/);
  });

  it('wraps tables in a sideways-scrolling region', () => {
    expect(html).toMatch(/<div class="table-scroll"><table>/);
  });
});

describe('parseSvgSize', () => {
  it('reads width and height, else the viewBox', () => {
    expect(parseSvgSize('<?xml version="1.0"?><svg xmlns="x" width="600" height="330" viewBox="0 0 1 1">')).toEqual({ width: 600, height: 330 });
    expect(parseSvgSize('<svg viewBox="0 0 320 200" width="100%">')).toEqual({ width: 320, height: 200 });
    expect(parseSvgSize('<svg>')).toBeUndefined();
  });
});
