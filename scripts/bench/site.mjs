// First-load JavaScript of a lecture page (gzip), read from the built HTML, and build time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { execSync } from 'node:child_process';
import { outDir } from './harness.mjs';

export function firstLoadJs(route) {
  const html = readFileSync(path.join(outDir(), route, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)].map((m) => m[1]);
  const base = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(scripts)) {
    const file = path.join(outDir(), src.slice(base.length).split('?')[0]);
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  const tfjsInPage = scripts.some((src) => readFileSync(path.join(outDir(), src.slice(base.length).split('?')[0]), 'utf8').includes('tfjsflags'));
  return { files: new Set(scripts).size, raw, gzip, tfjsInPage };
}

export function timeBuild() {
  const start = process.hrtime.bigint();
  execSync('npm run build', { stdio: 'ignore' });
  return Number(process.hrtime.bigint() - start) / 1e9;
}
