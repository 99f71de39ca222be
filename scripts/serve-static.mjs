// Serves the static export (out/) on loopback as a production static host would: compressed,
// hashed assets cached for a year, 404.html for unknown paths. By default it also sends the two
// headers that make pages cross-origin isolated (so tfjs's wasm backend may run on several
// threads), as a host configured with public/_headers would. `--plain` sends no special header,
// as GitHub Pages does: there the service worker supplies isolation after its first install.
//   node scripts/serve-static.mjs [folder] [--plain]
import path from 'node:path';
import { existsSync } from 'node:fs';
import { isolationHeaders, serveStatic } from './static-host.mjs';

const args = process.argv.slice(2);
const plain = args.includes('--plain');
const root = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'out');
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? '127.0.0.1';

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`No static site in ${root}: run \`npm run build\` first.`);
  process.exit(1);
}

await serveStatic(root, { port, host, headers: plain ? {} : isolationHeaders });
const mode = plain ? 'no special headers' : 'cross-origin isolated';
console.log(`Serving ${path.relative(process.cwd(), root) || '.'} at http://${host}:${port}/ (${mode})`);
