import { defaultPlotStrings } from '@/lib/plot/strings';

/**
 * The literal English words of the default plot strings: each template cut at its `{slots}`, keeping
 * the pieces that contain a word of three letters or more (so that "(", ", " or " = " are skipped).
 */
export const englishFragments: string[] = [
  ...new Set(
    Object.values(defaultPlotStrings)
      .flatMap((template) => template.split(/\{\w+\}/))
      .map((piece) => piece.trim().replace(/^[(),.:;=\s]+|[(),.:;=\s]+$/g, ''))
      .filter((piece) => /[A-Za-z]{3}/.test(piece)),
  ),
];

/** English fragments found in `text`, matched as whole words. */
export function englishIn(text: string): string[] {
  return englishFragments.filter((fragment) => {
    const escaped = fragment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text);
  });
}

/** Text of server-rendered markup, with the entities React escapes turned back into characters. */
export function decodeMarkup(html: string): string {
  return html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
