// Copies tfjs's wasm backend next to the site (public/tfjs/), so it loads from our own origin
// at run time instead of a CDN: the three binaries (plain, SIMD, threaded SIMD) and tfjs's own
// prebuilt script of the backend.
//
// Why the prebuilt script rather than the npm module through our bundler: the threaded binary
// starts its workers from the text of its glue function (`factory.toString()`). Bundled, that
// function refers to names outside itself (the bundler's `process` shim, the renamed
// `_scriptDir`), which do not exist inside a worker, so every worker throws. tfjs's own build
// keeps the glue self-contained.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
const from = path.join(dist, 'dist');
const to = path.join(process.cwd(), 'public', 'tfjs');
mkdirSync(to, { recursive: true });
const binaries = readdirSync(from).filter((f) => f.endsWith('.wasm'));
const expected = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];
const missing = expected.filter((f) => !binaries.includes(f));
if (missing.length > 0) {
  console.error(`Missing ${missing.join(', ')} in ${path.relative(process.cwd(), from)}: is @tensorflow/tfjs-backend-wasm installed?`);
  process.exit(1);
}
for (const file of binaries) copyFileSync(path.join(from, file), path.join(to, file));
// The UMD build (it registers itself on `globalThis.tf`); the name is fixed so the site can load it.
copyFileSync(path.join(from, 'tf-backend-wasm.es2017.min.js'), path.join(to, 'tf-backend-wasm.min.js'));
console.log(`Copied ${binaries.length} tfjs wasm binaries and the wasm backend script to public/tfjs/`);
