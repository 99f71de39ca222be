import { ContentError } from '../content/errors';
import type { Page } from '../content/pages';

/**
 * What a translation must keep from its source so that both editions teach the same thing:
 * a source page with the same lang-ref, the same week and slug, the same demos in the same order and
 * the same number of display equations. Each problem names the translation's file and line.
 */
export function checkTranslation(source: Page | undefined, translation: Page): ContentError[] {
  const file = translation.file;
  const ref = translation.frontMatter['lang-ref'];
  if (!source) return [new ContentError(file, 1, 'lang-ref', `"${ref}" has no source page with the same lang-ref`)];
  const errors: ContentError[] = [];
  if (source.slug !== translation.slug || source.week !== translation.week) {
    errors.push(new ContentError(file, 1, 'file name', `the source of "${ref}" is ${source.file}; name this file ${source.week}/${source.slug}.md`));
  }
  const a = source.rendered;
  const b = translation.rendered;
  const length = Math.max(a.demos.length, b.demos.length);
  for (let i = 0; i < length; i++) {
    if (a.demos[i] === b.demos[i]) continue;
    const line = b.demoLines[i] ?? b.demoLines[b.demoLines.length - 1] ?? 1;
    const expected = a.demos[i] ? `"${a.demos[i]}" (${source.file}:${a.demoLines[i]})` : 'no demo';
    const found = b.demos[i] ? `"${b.demos[i]}"` : 'no demo';
    errors.push(new ContentError(file, line, 'demo', `demo ${i + 1} is ${found} but the source has ${expected} here`));
    break;
  }
  if (a.displayMath !== b.displayMath) {
    // Point at the first equation whose LaTeX differs: usually where one was added or dropped.
    const norm = (tex: string) => tex.replace(/\s+/g, '');
    let k = 0;
    while (k < Math.min(a.equations.length, b.equations.length) && norm(a.equations[k].tex) === norm(b.equations[k].tex)) k++;
    const line = b.equations[k]?.line ?? b.equations[b.equations.length - 1]?.line ?? 1;
    const near = a.equations[k] ? ` (compare ${source.file}:${a.equations[k].line})` : '';
    errors.push(
      new ContentError(file, line, 'display math', `${b.displayMath} display equations but the source has ${a.displayMath}; the first difference is equation ${k + 1}${near}`),
    );
  }
  return errors;
}
