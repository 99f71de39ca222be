// After `next build`: marks the JavaScript that every page runs at load with V8's explicit
// compile hint, `//# allFunctionsCalledOnLoad` (Chrome and Edge 136+; other engines read a
// comment). Without it V8 compiles each function lazily, on the main thread, the first time it
// runs, and the first call of every module factory (React DOM, the router, our components)
// falls in the one task that evaluates the bundle: on a page of the notes that compile was most
// of that task (27 of its 43 ms on a page here; Lighthouse's phone, four times slower, counted
// 120 ms of blocking time).
// With the hint V8 compiles those files whole while it streams them, on a background thread.
// Only the scripts a page loads at start are marked: chunks fetched later (the demos, tfjs,
// the search dialog) keep lazy compilation, since most of their functions may never run.
// Next.js has no option for it, so the comment is added to the exported files; their names
// keep their hash, which stays unique to their content (every build adds the same line).
import path from 'node:path';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The build's own scripts that an exported page loads at start (`<script src async>` under
 * `_next/static/`), as paths inside the export. Scripts for old browsers (`noModule`) and
 * scripts from elsewhere are left out.
 */
export function startupScripts(html, basePath = '') {
  const prefix = `${basePath.replace(/\/$/, '')}/_next/static/`;
  const found = new Set();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\ssrc="([^"]+)"/i.exec(tag)?.[1];
    if (!src || !/\sasync(?:[\s=>]|$)/i.test(tag) || /\snomodule(?:[\s=>]|$)/i.test(tag)) continue;
    const pathname = src.split(/[?#]/)[0];
    if (pathname.startsWith(prefix) && pathname.endsWith('.js')) found.add(`_next/static/${pathname.slice(prefix.length)}`);
  }
  return [...found];
}

/** The script with the hint as its first line (V8 reads it only there); unchanged if present. */
export function withCompileHint(source) {
  return source.startsWith(`${COMPILE_HINT}\n`) ? source : `${COMPILE_HINT}\n${source}`;
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return entry === '_next' || entry === 'pagefind' ? [] : htmlFiles(full);
    return entry.endsWith('.html') ? [full] : [];
  });
}

function main() {
  const outDir = path.resolve(process.env.NEXT_DIST_DIR ?? 'out');
  const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
  if (!existsSync(path.join(outDir, '_next'))) {
    console.error(`No static site in ${outDir}: run next build first.`);
    process.exit(1);
  }
  const pages = htmlFiles(outDir);
  const scripts = new Set(pages.flatMap((file) => startupScripts(readFileSync(file, 'utf8'), basePath)));
  for (const script of scripts) {
    const file = path.join(outDir, script);
    if (!existsSync(file)) throw new Error(`${script}: named by a page of ${outDir} but not in the export`);
    const source = readFileSync(file, 'utf8');
    const hinted = withCompileHint(source);
    if (hinted !== source) writeFileSync(file, hinted);
  }
  console.log(`Compile hints: ${scripts.size} start-up scripts of ${pages.length} pages marked in ${path.relative(process.cwd(), outDir)}/`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
