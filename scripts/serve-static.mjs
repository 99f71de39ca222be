// Serves the static export (out/) on loopback. By default it sends the two headers that make
// pages cross-origin isolated (so tfjs's wasm backend may run on several threads), as a host
// configured with public/_headers would. `--plain` sends no special header at all, as GitHub
// Pages does: there the service worker supplies isolation after its first install.
//   node scripts/serve-static.mjs [folder] [--plain]
import http from 'node:http';
import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import sirv from 'sirv';

const args = process.argv.slice(2);
const plain = args.includes('--plain');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'out');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`No static site in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}

/** The same pair as public/_headers: same-origin opener policy, require-corp embedder policy. */
const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const notFoundPage = path.join(root, '404.html');
const assets = sirv(root, {
  dev: false,
  etag: true,
  extensions: ['html'],
  setHeaders: plain ? undefined : (res) => {
    for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
  },
});

const server = http.createServer((req, res) => {
  assets(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    if (!plain) for (const [name, value] of Object.entries(isolationHeaders)) res.setHeader(name, value);
    res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
  });
});

server.listen(port, host, () => {
  const mode = plain ? 'no special headers' : 'cross-origin isolated';
  console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at http://${host}:${port}/ (${mode})`);
});
