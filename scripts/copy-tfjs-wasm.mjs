// Copies the tfjs wasm binaries next to the site (public/tfjs/), so the wasm backend loads
// them from our own origin at run time instead of a CDN.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const from = path.join(dist, 'dist');
const to = path.join(process.cwd(), 'public', 'tfjs');
mkdirSync(to, { recursive: true });
const binaries = readdirSync(from).filter((f) => f.endsWith('.wasm'));
if (binaries.length === 0) {
  console.error(`No .wasm files in ${path.relative(process.cwd(), from)}: is @tensorflow/tfjs-backend-wasm installed?`);
  process.exit(1);
}
for (const file of binaries) copyFileSync(path.join(from, file), path.join(to, file));
console.log(`Copied ${binaries.length} tfjs wasm binaries to public/tfjs/`);
