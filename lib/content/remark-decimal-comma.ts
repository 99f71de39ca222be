import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Report } from './report';

/**
 * A number with a decimal point: digits, a dot, digits. Not preceded by a letter or a backslash
 * (so `\ldots2` or a command name cannot start a match) and not part of a longer dotted run
 * such as a version number `1.2.3`.
 */
const DOTTED_DECIMAL = /(?<![\\A-Za-z\d.])\d+\.\d+(?![\d.])/g;

/** True when the language writes 0,5 rather than 0.5 (asked of Intl, so no language list to keep). */
export function usesDecimalComma(lang: string): boolean {
  const parts = new Intl.NumberFormat(lang).formatToParts(0.5);
  return parts.find((p) => p.type === 'decimal')?.value === ',';
}

/** The comma-decimal spelling of a dotted number inside TeX: `0.5` → `0{,}5` (braces keep TeX from adding a space). */
export function commaDecimal(dotted: string): string {
  return dotted.replace('.', '{,}');
}

/**
 * In a language that writes decimal commas, rejects a dotted decimal inside inline or display
 * math, naming the line of the number itself; the French UI already formats numbers with the
 * locale, and the notes' formulas must agree with it.
 */
export function remarkDecimalComma(options: { report: Report; lang: string }) {
  const { report, lang } = options;
  if (!usesDecimalComma(lang)) return () => undefined;
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type !== 'math' && node.type !== 'inlineMath') return;
      const start = node.position?.start.line;
      if (start === undefined) return;
      // Display math starts on the line after its opening $$.
      const first = node.type === 'math' ? start + 1 : start;
      for (const match of node.value.matchAll(DOTTED_DECIMAL)) {
        const line = first + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
        report(line, 'math', `decimal point in "${match[0]}": this language writes a decimal comma, ${commaDecimal(match[0])}`);
      }
    });
  };
}
