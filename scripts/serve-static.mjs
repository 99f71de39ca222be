// Serves the static export (out/) on loopback as a production static host would: compressed,
// hashed assets cached for a year, 404.html for unknown paths.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { serveStatic } from './static-host.mjs';

const root = path.resolve(process.argv[2] ?? 'out');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`No static site in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}

await serveStatic(root, { port, host });
console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at http://${host}:${port}/`);
