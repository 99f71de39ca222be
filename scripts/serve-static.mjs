// Serves the static export (out/) on loopback, as a plain static host would: no special
// headers, 404.html for unknown paths.
import http from 'node:http';
import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import sirv from 'sirv';

const root = path.resolve(process.argv[2] ?? 'out');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`No static site in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}

const notFoundPage = path.join(root, '404.html');
const assets = sirv(root, { dev: false, etag: true, extensions: ['html'] });

const server = http.createServer((req, res) => {
  assets(req, res, () => {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(existsSync(notFoundPage) ? readFileSync(notFoundPage) : 'Not found');
  });
});

server.listen(port, host, () => {
  console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at http://${host}:${port}/`);
});
