// Translation workflow on the command line (run with tsx):
//   status              per language and page: translated, outdated or missing
//   check               content checks: valid front matter, and every translation matches its
//                       source (lang-ref, demos in order, number of display equations)
//   mark FILE…          record in each translation the hash of its source as it is now
//                       (run it once a translation has been brought up to date)
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors } from '../lib/content/errors';
import { contentLanguages, loadPages, SOURCE_LANG, type Page } from '../lib/content/pages';
import { groupWeeks } from '../lib/content/weeks';
import { checkTranslation } from '../lib/i18n/checks';
import { translationStatus } from '../lib/i18n/status';

function loadAll(): { source: Page[]; translations: Record<string, Page[]> } {
  const langs = contentLanguages();
  const translations: Record<string, Page[]> = {};
  const errors: ContentError[] = [];
  let source: Page[] = [];
  for (const lang of langs) {
    try {
      const pages = loadPages(lang);
      // Every week of the source needs its overview (the week's title and address).
      if (lang === SOURCE_LANG) groupWeeks(pages);
      if (lang === SOURCE_LANG) source = pages;
      else translations[lang] = pages;
    } catch (error) {
      if (error instanceof ContentErrors) errors.push(...error.errors);
      else if (error instanceof ContentError) errors.push(error);
      else throw error;
    }
  }
  if (errors.length > 0) throw new ContentErrors(errors);
  return { source, translations };
}

function status(): void {
  const { source, translations } = loadAll();
  const rows = translationStatus(source, translations);
  if (rows.length === 0) {
    console.log('No translations yet: only the source language is present.');
    return;
  }
  const header = ['language', 'page', 'state', 'file'];
  const table = [header, ...rows.map((r) => [r.lang, `${r.langRef} ${r.title}`, r.state, r.file])];
  const widths = header.map((_, c) => Math.max(...table.map((r) => r[c].length)));
  for (const r of table) console.log(r.map((cell, c) => cell.padEnd(widths[c])).join('  '));
  const counts = rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.state]: (acc[r.state] ?? 0) + 1 }), {});
  console.log(`\n${Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', ')}`);
}

function check(): number {
  const { source, translations } = loadAll();
  const bySlugRef = new Map(source.map((p) => [p.frontMatter['lang-ref'], p]));
  const errors = Object.values(translations).flatMap((pages) =>
    pages.flatMap((p) => checkTranslation(bySlugRef.get(p.frontMatter['lang-ref']), p)),
  );
  for (const e of errors) console.error(e.message);
  const count = source.length + Object.values(translations).reduce((n, p) => n + p.length, 0);
  if (errors.length === 0) console.log(`Content checks passed: ${count} pages in ${1 + Object.keys(translations).length} languages.`);
  return errors.length === 0 ? 0 : 1;
}

function mark(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: npm run i18n:mark -- content/<lang>/weekNN/<page>.md …');
    return 2;
  }
  const { source, translations } = loadAll();
  const all = Object.values(translations).flat();
  for (const file of files) {
    const rel = path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
    const translation = all.find((p) => p.file === rel);
    if (!translation) {
      console.error(`${rel}: not a translated page (translations live in content/<lang>/weekNN/, not in ${SOURCE_LANG}/)`);
      return 1;
    }
    const src = source.find((p) => p.frontMatter['lang-ref'] === translation.frontMatter['lang-ref']);
    if (!src) {
      console.error(`${rel}: no source page has lang-ref ${translation.frontMatter['lang-ref']}`);
      return 1;
    }
    const text = readFileSync(rel, 'utf8');
    const lines = text.split('\n');
    const end = lines.indexOf('---', 1);
    const at = lines.findIndex((l, i) => i > 0 && i < end && l.startsWith('source-hash:'));
    if (at >= 0) lines[at] = `source-hash: ${src.hash}`;
    else lines.splice(end, 0, `source-hash: ${src.hash}`);
    writeFileSync(rel, lines.join('\n'));
    console.log(`${rel}: marked as translating ${src.file} (${src.hash})`);
  }
  return 0;
}

try {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'status') status();
  else if (command === 'check') process.exitCode = check();
  else if (command === 'mark') process.exitCode = mark(rest);
  else {
    console.error('usage: tsx scripts/i18n.ts status | check | mark FILE…');
    process.exitCode = 2;
  }
} catch (error) {
  if (error instanceof ContentErrors || error instanceof ContentError) {
    console.error(error.message);
    process.exitCode = 1;
  } else throw error;
}
