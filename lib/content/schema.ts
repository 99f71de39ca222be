import { z } from 'zod';

const isoDate = z
  .string({ error: 'expected a date written YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date written YYYY-MM-DD');

const nonEmpty = (what: string) =>
  z.string({ error: `expected ${what} (text)` }).trim().min(1, `${what} must not be empty`);

/**
 * Front matter of a lecture page. `.strict()` makes a misspelt field an error instead of a
 * silently ignored one. Translation fields are optional here; `validateTranslationFields`
 * requires them outside the source language.
 */
export const frontMatterSchema = z
  .object({
    'lang-ref': z
      .string({ error: 'expected a page key such as ch.07-1' })
      .regex(/^ch\.\d{2}(-\d+)?$/, 'expected a page key such as ch.07 or ch.07-1'),
    title: nonEmpty('a title'),
    lecturer: nonEmpty('a lecturer name').optional(),
    authors: z
      .array(nonEmpty('an author name'), { error: 'expected a list of author names' })
      .min(1, 'list at least one author'),
    date: isoDate,
    description: nonEmpty('a one-sentence description').pipe(
      z.string().max(200, 'keep the description under 200 characters'),
    ),
    lang: z
      .string({ error: 'expected a language code such as fr' })
      .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'expected a language code such as fr'),
    'translation-date': isoDate,
    translator: z.union([nonEmpty('a translator name'), z.array(nonEmpty('a translator name')).min(1)]),
    /** Hash of the source-language file this translation was last checked against. */
    'source-hash': z.string().regex(/^[0-9a-f]{12,64}$/, 'expected the hex hash written by the translation tool'),
  })
  .partial({ lecturer: true, lang: true, 'translation-date': true, translator: true, 'source-hash': true })
  .strict();

export type FrontMatter = z.infer<typeof frontMatterSchema>;

export const translationFields = ['lang', 'translation-date', 'translator'] as const;
