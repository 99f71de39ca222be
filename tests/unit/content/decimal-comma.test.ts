import { describe, expect, it } from 'vitest';
import { ContentError, ContentErrors } from '@/lib/content/errors';
import { renderMarkdown } from '@/lib/content/render';
import { commaDecimal, usesDecimalComma } from '@/lib/content/remark-decimal-comma';

function errorOf(body: string, lang: string, file = `content/${lang}/week07/test.md`): string | null {
  try {
    renderMarkdown(body, { file, lang });
  } catch (error) {
    if (error instanceof ContentError || error instanceof ContentErrors) return error.message;
    throw error;
  }
  return null;
}

describe('decimal commas in French math', () => {
  it('rejects a dotted decimal in inline math, naming file, line and the fix', () => {
    expect(errorOf('Texte.\n\nAvec $\\beta = 0.5$ ici.\n', 'fr')).toBe(
      'content/fr/week07/test.md:3: math: decimal point in "0.5": this language writes a decimal comma, 0{,}5',
    );
  });

  it('names the line of the number inside display math', () => {
    const message = errorOf('Texte.\n\n$$\na = 1\n\\\\ b = 2.25\n$$\n', 'fr');
    expect(message).toBe('content/fr/week07/test.md:5: math: decimal point in "2.25": this language writes a decimal comma, 2{,}25');
  });

  it('accepts the comma spelling, integers and dots that are not decimals', () => {
    expect(errorOf('$0{,}5$, $10^{-3}$, $x_1, \\dots, x_n$ et $F.$ fin.\n\n$$\n1{,}5x + 2(1-x)\n$$\n', 'fr')).toBeNull();
  });

  it('leaves English pages alone', () => {
    expect(errorOf('With $\\beta = 0.5$.\n', 'en')).toBeNull();
  });

  it('asks Intl which languages write a decimal comma', () => {
    expect(usesDecimalComma('fr')).toBe(true);
    expect(usesDecimalComma('de')).toBe(true);
    expect(usesDecimalComma('en')).toBe(false);
    expect(commaDecimal('0.069')).toBe('0{,}069');
  });
});
