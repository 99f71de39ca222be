import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ContentError } from '../content/errors';

/** One term: its name in each language (`en`, `fr`, …) and a definition per language (`en_note`, …). */
const entrySchema = z.record(z.string().regex(/^[a-z]{2}(_note)?$/), z.string().trim().min(1));
const glossarySchema = z.array(entrySchema.refine((e) => typeof e.en === 'string', 'every entry needs its English term ("en")'));

export type GlossaryEntry = Record<string, string>;

export function loadGlossary(file = path.join(process.cwd(), process.env.CONTENT_DIR ?? 'content', 'glossary.json')): GlossaryEntry[] {
  if (!existsSync(file)) return [];
  const rel = path.relative(process.cwd(), file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ContentError(rel, 1, 'glossary', `not valid JSON: ${(error as Error).message}`);
  }
  const result = glossarySchema.safeParse(data);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContentError(rel, 1, `entry ${String(issue.path[0] ?? '')}`, issue.message);
  }
  return result.data;
}

/** Entries sorted by their term in `lang` (falling back to English), with the other languages' terms. */
export function glossaryFor(entries: GlossaryEntry[], lang: string, languages: string[]) {
  const collator = new Intl.Collator(lang);
  return entries
    .map((e) => ({
      term: e[lang] ?? e.en,
      note: e[`${lang}_note`] ?? e.en_note ?? '',
      others: languages.filter((l) => l !== lang).map((l) => ({ lang: l, term: e[l] ?? '' })),
    }))
    .sort((a, b) => collator.compare(a.term, b.term));
}
