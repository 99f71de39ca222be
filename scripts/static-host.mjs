// A static host for the exported site, as a production host would serve it: text compressed
// (brotli when the client accepts it, else gzip), hashed assets cached for a year, HTML and the
// search index revalidated. Shared by `npm run serve` and the benchmarks.
import http from 'node:http';
import path from 'node:path';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
/** The same pair as public/_headers: same-origin opener policy, require-corp embedder policy. */
export const isolationHeaders = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.txt', '.xml', '.svg', '.wasm']);

/** The Cache-Control a host should send for a file of the export (see README, "Caching"). */
export function cacheControl(urlPath) {
  // Next's build output and the tfjs binaries carry a content hash or a version in their path.
  if (urlPath.includes('/_next/static/')) return 'public, max-age=31536000, immutable';
  // Pagefind's fragments and index chunks are content-hashed; its entry files are not.
  if (/\/pagefind\/(fragment|index)\//.test(urlPath) || /\/pagefind\/[^/]+\.pf_meta$/.test(urlPath)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=0, must-revalidate';
}

function resolveFile(root, urlPath) {
  const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = path.join(root, clean);
  if (!base.startsWith(root)) return null;
  for (const candidate of [base, path.join(base, 'index.html'), `${base}.html`]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/**
 * Serves `root` on `port` (loopback unless `host` says otherwise). `basePath` is stripped from
 * request paths, as a host mounted at that sub-path would; `headers` are sent with every
 * response. Resolves with the http.Server.
 */
export function serveStatic(root, { port, host = '127.0.0.1', basePath = '', headers: extra = {} } = {}) {
  const absRoot = path.resolve(root);
  const cache = new Map();
  const notFound = path.join(absRoot, '404.html');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let urlPath = url.pathname;
    if (basePath && urlPath.startsWith(basePath)) urlPath = urlPath.slice(basePath.length) || '/';
    const file = resolveFile(absRoot, urlPath);
    const status = file ? 200 : 404;
    const target = file ?? (existsSync(notFound) ? notFound : null);
    if (!target) {
      res.writeHead(404, { ...extra, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    const ext = path.extname(target);
    const headers = { ...extra, 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': cacheControl(url.pathname), Vary: 'Accept-Encoding' };
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = !COMPRESSIBLE.has(ext) ? null : /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const key = `${target}:${encoding}`;
    let body = cache.get(key);
    if (!body) {
      const raw = readFileSync(target);
      body = encoding === 'br' ? brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } }) : encoding === 'gzip' ? gzipSync(raw, { level: 9 }) : raw;
      cache.set(key, body);
    }
    if (encoding) headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
