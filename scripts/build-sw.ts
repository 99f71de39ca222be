// Builds the service worker into a static export: `tsx scripts/build-sw.ts [out]` (run by
// `npm run build` after `next build`, and by `npm run build:fixtures`). esbuild bundles
// service-worker/sw.ts with the list of on-demand files; Serwist's injectManifest then writes
// the precache manifest (every page, style, font and figure, with a content revision) into
// <out>/sw.js.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { injectManifest } from '@serwist/build';
import { PRECACHE_GLOBS, PRECACHE_IGNORES, onDemandAssets, referencedStaticAssets } from '../lib/offline/assets';

const outDir = path.resolve(process.argv[2] ?? process.env.NEXT_DIST_DIR ?? 'out');
const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

function revision(file: string): string {
  return createHash('md5').update(readFileSync(path.join(outDir, file))).digest('hex');
}

async function main(): Promise<void> {
  if (!statSync(path.join(outDir, 'index.html'), { throwIfNoEntry: false })) {
    throw new Error(`${outDir}/index.html: no static export here; run \`next build\` first`);
  }
  const files = readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
  const pages = files.filter((f) => f.endsWith('.html'));
  // What pages load up front is precached with them; the rest of the chunks are the demos'.
  const pageAssets = new Set(pages.flatMap((page) => referencedStaticAssets(readFileSync(path.join(outDir, page), 'utf8'), basePath)));
  const onDemand = onDemandAssets(files, pageAssets).map((url) => ({ url, revision: revision(url) }));

  const bundled = path.join(outDir, 'sw.src.js');
  await build({
    entryPoints: [path.resolve('service-worker/sw.ts')],
    outfile: bundled,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { __ON_DEMAND_ASSETS__: JSON.stringify(onDemand) },
    logLevel: 'warning',
  });

  try {
    const { count, size, warnings } = await injectManifest({
      swSrc: bundled,
      swDest: path.join(outDir, 'sw.js'),
      globDirectory: outDir,
      globPatterns: [...PRECACHE_GLOBS, ...pageAssets],
      globIgnores: [...PRECACHE_IGNORES, 'sw.src.js'],
      // Chunk and font names carry a content hash: no revision needed.
      dontCacheBustURLsMatching: /^_next\/static\//,
      // Pages with their math are a few hundred kB each; nothing precached comes near this.
      maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    });
    for (const warning of warnings) console.warn(`service worker: ${warning}`);
    const onDemandBytes = onDemand.reduce((sum, a) => sum + statSync(path.join(outDir, a.url)).size, 0);
    console.log(
      `Service worker: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB), ` +
        `${onDemand.length} on demand (${(onDemandBytes / 1024 / 1024).toFixed(1)} MB) → ${path.relative(process.cwd(), outDir)}/sw.js`,
    );
  } finally {
    rmSync(bundled, { force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
