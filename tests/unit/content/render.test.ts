import { describe, expect, it } from 'vitest';
import { ContentError, ContentErrors } from '@/lib/content/errors';
import { renderMarkdown } from '@/lib/content/render';
import { toHtml } from './to-html';

const FILE = 'content/en/week07/test.md';

function render(body: string) {
  return renderMarkdown(body, { file: FILE });
}

function errorOf(body: string): string {
  try {
    render(body);
  } catch (error) {
    if (error instanceof ContentError || error instanceof ContentErrors) return error.message;
    throw error;
  }
  throw new Error('expected the page to be rejected');
}

describe('math', () => {
  it('typesets inline and display math at build time', () => {
    const html = toHtml(render('Energy $F(x,y)$.\n\n$$\n\\check y = \\arg\\min_y F(x, y)\n$$\n').hast);
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<annotation encoding="application/x-tex">\\check y = \\arg\\min_y F(x, y)</annotation>');
  });

  it('expands the course macros', () => {
    const html = toHtml(render('$\\vy \\vycheck \\mW \\Enc \\R$').hast);
    expect(html).toContain('Enc');
    expect(html).toContain('mathbb');
    expect(html).not.toContain('katex-error');
    // \vy is bold y: KaTeX marks bold symbols with mathbf / boldsymbol classes.
    expect(html).toMatch(/boldsymbol|mathbf/);
  });

  it('counts display equations', () => {
    expect(render('$$\na\n$$\n\ntext $b$\n\n$$\nc\n$$\n').displayMath).toBe(2);
  });

  it('stops on a KaTeX parse error, naming file and line', () => {
    const message = errorOf('Intro.\n\nSecond line $\\frac{1}{$ here.\n');
    expect(message).toMatch(new RegExp(`^${FILE}:3: math: KaTeX cannot typeset this formula`));
  });

  it('stops on an unknown macro', () => {
    expect(errorOf('$\\notAMacro x$')).toContain(`${FILE}:1: math:`);
  });

  it('reports $$ … $$ written on one line', () => {
    expect(errorOf('para\n\n$$ x^2 $$\n')).toBe(`${FILE}:3: math: display math written on one line ($$ … $$); put each $$ on a line of its own`);
  });
});

describe('demo directive', () => {
  it('renders a figure placeholder with caption and text fallback', () => {
    const { hast, demos } = render(':::demo[Watch inference]{id="energy-inference"}\nFallback *words*.\n:::\n');
    const html = toHtml(hast);
    expect(demos).toEqual(['energy-inference']);
    expect(html).toContain('<demo-figure data-demo="energy-inference">');
    expect(html).toContain('<figcaption>Watch inference</figcaption>');
    expect(html).toMatch(/<div class="demo-fallback">\s*<p>Fallback <em>words<\/em>.<\/p>\s*<\/div>/);
  });

  it('uses the registry title when there is no caption (leaf form)', () => {
    const html = toHtml(render('::demo{id="latent-ellipse"}\n').hast);
    expect(html).toContain('<figcaption>A latent-variable energy: the ellipse model and its free energy</figcaption>');
  });

  it('stops on an unknown demo id', () => {
    expect(errorOf('text\n\n::demo{id="nope"}\n')).toMatch(new RegExp(`^${FILE}:3: demo id: unknown demo "nope"`));
  });

  it('stops on an unknown directive and an unknown attribute', () => {
    const message = errorOf('::video{src="x"}\n\n::demo{id="autoencoder" onclick="x"}\n');
    expect(message).toContain(`${FILE}:1: directive: unknown directive "video"`);
    expect(message).toContain(`${FILE}:3: demo: unknown attribute "onclick"`);
  });

  it('leaves ordinary colons in prose alone', () => {
    const html = toHtml(render('Ratio 3:1 and note:this stays text.').hast);
    expect(html).toContain('note:this stays text.');
  });
});

describe('sanitising', () => {
  it('rejects raw HTML such as a script', () => {
    expect(errorOf('Hello\n\n<script>alert(1)</script>\n')).toMatch(new RegExp(`^${FILE}:3: raw HTML: not allowed`));
  });

  it('rejects inline HTML with an event handler', () => {
    expect(errorOf('Click <span onclick="steal()">me</span>')).toContain(`${FILE}:1: raw HTML`);
  });

  it('rejects javascript: links', () => {
    expect(errorOf('[x](javascript:alert(1))')).toContain(`${FILE}:1: link: unsafe URL`);
  });

  it('rejects a level-one heading', () => {
    expect(errorOf('# Title\n')).toContain(`${FILE}:1: heading:`);
  });
});

describe('structure', () => {
  it('gives headings slug ids and builds the table of contents from h2 and h3', () => {
    const { toc, hast } = render('## Free energy\n\n### The soft-min $F_\\beta$\n\n#### Deeper\n');
    expect(toHtml(hast)).toContain('<h2 id="free-energy">');
    expect(toc.map((e) => [e.depth, e.id])).toEqual([
      [2, 'free-energy'],
      [3, 'the-soft-min-f_beta'],
    ]);
    expect(toc[1].text).toBe('The soft-min Fβ');
  });

  it('renders GFM tables', () => {
    expect(toHtml(render('| a | b |\n|---|---|\n| 1 | 2 |\n').hast)).toContain('<table>');
  });

  it('prefixes absolute asset URLs with the base path', () => {
    const { hast } = renderMarkdown('![fig](/figures/a.svg) [x](//cdn.example/x)', { file: FILE, basePath: '/notes' });
    const html = toHtml(hast);
    expect(html).toContain('src="/notes/figures/a.svg"');
    expect(html).toContain('href="//cdn.example/x"');
  });
});
