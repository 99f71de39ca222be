// Builds the full-text search index of the exported site with Pagefind, after `next build`:
// one index per <html lang>, written to <out>/pagefind/ (served with the site, cacheable, and
// precached by the offline worker). Only elements marked data-pagefind-body are indexed (the
// lecture articles, the glossary); math is skipped here (KaTeX markup is not searchable prose).
import path from 'node:path';
import { existsSync } from 'node:fs';
import * as pagefind from 'pagefind';

const outDir = path.resolve(process.env.NEXT_DIST_DIR ?? 'out');
if (!existsSync(path.join(outDir, 'index.html'))) {
  console.error(`No static site in ${outDir}: run next build first.`);
  process.exit(1);
}

// Math is indexed neither as its MathML nor as its KaTeX glyph spans; the search dialog's own
// text is not content either.
const excludeSelectors = ['.katex', '.katex-display', '[data-pagefind-ignore]'];

const { index, errors } = await pagefind.createIndex({ excludeSelectors });
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: outDir });
if (added.errors.length) throw new Error(`Pagefind could not index ${outDir}: ${added.errors.join('; ')}`);
const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
await pagefind.close();
console.log(`Search index: ${added.page_count} pages of ${path.relative(process.cwd(), outDir)}/ indexed into ${path.relative(process.cwd(), written.outputPath)}/`);
