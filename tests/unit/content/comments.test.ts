import { describe, expect, it } from 'vitest';
import { ContentError, ContentErrors } from '@/lib/content/errors';
import { renderMarkdown } from '@/lib/content/render';
import { isCommentOnly } from '@/lib/content/remark-content-checks';
import { toHtml } from './to-html';

const FILE = 'content/fr/week07/test.md';

function errorOf(body: string): string {
  try {
    renderMarkdown(body, { file: FILE });
  } catch (error) {
    if (error instanceof ContentError || error instanceof ContentErrors) return error.message;
    throw error;
  }
  throw new Error('expected the page to be rejected');
}

describe('HTML comments in Markdown', () => {
  it('are allowed and never reach the page, as a block or inline', () => {
    const body = 'Un paragraphe.\n\n<!--\nThe English paragraph, kept for the translator.\n\nIt may span blank lines.\n-->\n\nLa suite <!-- note --> du texte.\n';
    const html = toHtml(renderMarkdown(body, { file: FILE }).hast);
    expect(html).toContain('<p>Un paragraphe.</p>');
    expect(html).toContain('La suite  du texte.');
    expect(html).not.toContain('English paragraph');
    expect(html).not.toContain('note');
    expect(html).not.toContain('<!--');
  });

  it('do not hide raw HTML after them: that is still an error, with file and line', () => {
    expect(errorOf('Texte.\n\n<!-- ok --><script>alert(1)</script>\n')).toMatch(new RegExp(`^${FILE}:3: raw HTML: not allowed`));
    expect(errorOf('Texte.\n\nUn <b>gras</b> mot.\n')).toContain(`${FILE}:3: raw HTML`);
  });

  it('are recognised only when the node holds nothing but comments', () => {
    expect(isCommentOnly('<!-- a -->')).toBe(true);
    expect(isCommentOnly('<!-- a -->\n<!-- b -->')).toBe(true);
    expect(isCommentOnly('<!-- a --> <i>x</i>')).toBe(false);
    expect(isCommentOnly('<!-- unclosed')).toBe(false);
  });
});
