import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '@/lib/content/render';
import { SECTION_CLASS, wrapSections } from '@/lib/content/sections';

const page = renderMarkdown(['Introduction with $x$.', '', '## One', '', 'First $y$.', '', '### Sub', '', 'Deeper.', '', '## Two', '', 'Second.'].join('\n'), {
  file: 'content/en/week07/t.md',
}).hast;

describe('wrapSections', () => {
  const html = toHtml(wrapSections(page));

  it('wraps each h2 with what follows it, up to the next h2, and leaves the introduction out', () => {
    const sections = html.split(`<section class="${SECTION_CLASS}">`);
    expect(sections).toHaveLength(3);
    expect(sections[0]).toContain('Introduction');
    expect(sections[0]).not.toContain('<h2');
    expect(sections[1]).toMatch(/^<h2 id="one">One<\/h2>[\s\S]*<h3 id="sub">Sub<\/h3>[\s\S]*Deeper\.<\/p>\s*<\/section>\s*$/);
    expect(sections[2]).toMatch(/^<h2 id="two">Two<\/h2>\s*<p>Second\.<\/p><\/section>$/);
  });

  it('keeps every node, in order, and leaves the input alone', () => {
    const unwrap = (s: string) => s.replace(/<\/?section[^>]*>/g, '');
    expect(unwrap(html)).toBe(toHtml(page));
    expect(toHtml(page)).not.toContain('<section');
  });

  it('leaves a page without h2 as it is', () => {
    const flat = renderMarkdown('Only a paragraph.', { file: 'content/en/week07/t.md' }).hast;
    expect(toHtml(wrapSections(flat))).toBe(toHtml(flat));
  });
});
