// The bench page of the MNIST figures: bundles entry.ts with esbuild and serves it with the
// data file and the tfjs wasm binaries from this bench's own loopback server.
import http from 'node:http';
import path from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

async function bundleBenchPage() {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'entry.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    // Class names stay readable in the kernel census's per-program detail.
    keepNames: true,
    write: false,
    logLevel: 'error',
    // tfjs-core reaches for Node modules behind runtime checks; the browser never takes them.
    external: ['node:*', 'fs', 'path', 'crypto', 'worker_threads', 'perf_hooks', 'os', 'util'],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0].text;
}

function wasmDir() {
  return path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
}

const HTML = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>MNIST bench</title></head><body><script type="module" src="/bench.js"></script></body></html>';

/** Serves the bench page on 127.0.0.1:port; resolves to the server. */
export async function serveBenchPage(port, dataFile = path.join(process.cwd(), 'public', 'data', 'mnist-10k.bin')) {
  if (!existsSync(dataFile)) throw new Error('public/data/mnist-10k.bin is missing: run `node scripts/data/build-mnist.mjs` first.');
  const js = await bundleBenchPage();
  const data = readFileSync(dataFile);
  const wasm = wasmDir();
  const server = http.createServer((req, res) => {
    const url = (req.url ?? '/').split('?')[0];
    const send = (type, body) => {
      res.setHeader('Content-Type', type);
      res.end(body);
    };
    if (url === '/') return send('text/html; charset=utf-8', HTML);
    if (url === '/bench.js') return send('text/javascript; charset=utf-8', js);
    if (url === '/data/mnist-10k.bin') return send('application/octet-stream', data);
    const wasmName = url.startsWith('/tfjs/') ? path.basename(url) : '';
    if (wasmName.endsWith('.wasm') && existsSync(path.join(wasm, wasmName))) return send('application/wasm', readFileSync(path.join(wasm, wasmName)));
    res.statusCode = 404;
    res.end();
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
