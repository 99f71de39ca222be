import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/content/errors';
import { renderMarkdown } from '@/lib/content/render';
import { remarkNotationDirective } from '@/lib/content/remark-notation-directive';
import { toHtml } from './to-html';

/** The plugin on its own, without the rest of the pipeline. */
function alone(markdown: string, summaryLabel = 'Notation') {
  const problems: string[] = [];
  const processor = unified()
    .use(remarkParse)
    .use(remarkDirective)
    .use(remarkNotationDirective, { report: (line, field, problem) => problems.push(`${line}: ${field}: ${problem}`), summaryLabel })
    .use(remarkRehype);
  const hast = processor.runSync(processor.parse(markdown) as Root);
  return { html: toHtml(hast as never), problems };
}

describe('the notation box', () => {
  it('becomes a closed <details> whose summary is the directive label', () => {
    const { html, problems } = alone(':::notation[Symbols]\n- *y*: an output\n:::\n');
    expect(problems).toEqual([]);
    expect(html).toMatch(/^<details class="notation">\s*<summary>Symbols<\/summary>\s*<ul>\s*<li><em>y<\/em>: an output<\/li>\s*<\/ul>\s*<\/details>$/);
    expect(html).not.toContain('open');
  });

  it('takes its summary from the language when the label is missing', () => {
    expect(alone(':::notation\n- a\n:::\n', 'Notations').html).toContain('<summary>Notations</summary>');
  });

  it('rejects a leaf form and attributes', () => {
    expect(alone('::notation[x]\n').problems[0]).toMatch(/^1: notation: write the notation box as a container/);
    expect(alone(':::notation{open}\n- a\n:::\n').problems[0]).toBe('1: notation: unknown attribute "open" (none is allowed)');
  });

  it('passes through the whole pipeline, math included, next to demos', () => {
    const { hast, demos } = renderMarkdown(':::notation[Notation]\n- $\\vycheck$: found by minimising the energy\n:::\n\n::demo{id="energy-inference"}\n', {
      file: 'content/en/week07/t.md',
      lang: 'en',
    });
    const html = toHtml(hast);
    expect(html).toMatch(/<details class="notation">\s*<summary>Notation<\/summary>/);
    expect(html).toContain('class="katex"');
    expect(demos).toEqual(['energy-inference']);
  });

  it('leaves other directive names to the demo plugin, which rejects unknown ones', () => {
    expect(() => renderMarkdown(':::notations\n- a\n:::\n', { file: 'f.md' })).toThrow(ContentError);
    expect(() => renderMarkdown(':::notations\n- a\n:::\n', { file: 'f.md' })).toThrow('unknown directive "notations" (known: "demo", "notation")');
  });
});
