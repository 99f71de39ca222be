import http from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sirv from 'sirv';

/**
 * A static host with no special header (like GitHub Pages), whose folder can be swapped while
 * it runs: a test serves one build, then "deploys" another in its place.
 */
export async function startPlainServer(port: number, root: string): Promise<{ serve(folder: string): void; close(): Promise<void> }> {
  let folder = root;
  // dev mode reads each file when asked, so a swapped or rewritten folder is served as it is now.
  let assets = sirv(folder, { dev: true, extensions: ['html'] });
  const server = http.createServer((req, res) => {
    assets(req, res, () => {
      const notFound = path.join(folder, '404.html');
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    serve(next: string) {
      folder = next;
      assets = sirv(folder, { dev: true, extensions: ['html'] });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
