// `npm run bench`: figures the issues ask for, measured in headless Chromium on the built site.
// Several runs per figure, medians, ratios against a baseline measured in the same run.
//   --runs N       runs per figure (default 3)
//   --seconds S    training time per run (default 10)
//   --skip-build   use the existing out/ and do not time a build
//   --only NAME    one section: site, part-a, part-b, mnist, threads
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launch, outDir, serve, table, fmt } from './bench/harness.mjs';
import { firstLoadJs, timeBuild } from './bench/site.mjs';
import { benchPartA } from './bench/part-a.mjs';
import { benchPartBSurfaces } from './bench/part-b-surfaces.mjs';
import { benchPartBContrastive } from './bench/part-b-contrastive.mjs';
import { benchMnist } from './bench/mnist.mjs';
import { benchThreads } from './bench/threads.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const runs = Number(args.runs);
const seconds = Number(args.seconds);
const wants = (name) => !args.only || args.only === name;

let buildSeconds = NaN;
if (!args['skip-build']) {
  console.log('Building the site (timed)…');
  buildSeconds = timeBuild();
} else if (!existsSync(outDir())) {
  console.error('No out/: run without --skip-build, or `npm run build` first.');
  process.exit(1);
}

if (wants('site')) {
  const js = firstLoadJs('en/week07/07-1');
  console.log('\n## Site');
  console.log(table([
    ['figure', 'value'],
    ['build time (next build, s)', fmt(buildSeconds)],
    ['first-load JS of /en/week07/07-1/ (files)', js.files],
    ['first-load JS of /en/week07/07-1/ (raw kB)', fmt(js.raw / 1024)],
    ['first-load JS of /en/week07/07-1/ (gzip kB)', fmt(js.gzip / 1024)],
    ['tfjs in first-load JS', js.tfjsInPage ? 'yes (bad)' : 'no'],
  ]));
}

const port = 4500 + Math.floor(Math.random() * 400);
const server = await serve(outDir(), port);
const base = `http://127.0.0.1:${port}`;
const browser = await launch();
// Only part A has a WebGPU row: the second browser is launched for it alone.
const webgpuBrowser = wants('part-a') ? await launch({ webgpu: true }) : null;
try {
  if (wants('part-a')) {
    console.log('\n## Part A demos');
    const { rows, note } = await benchPartA({ browser, webgpuBrowser, base, runs, seconds, backends: ['cpu', 'wasm', 'webgl', 'webgpu'] });
    console.log(note);
    console.log(table(rows));
  }
  if (wants('part-b')) {
    console.log('\n## Part B demos');
    const surfaces = await benchPartBSurfaces({ browser, base, runs, seconds, backends: ['cpu', 'wasm', 'webgl'] });
    console.log(surfaces.note);
    console.log(table(surfaces.rows));
    const contrastive = await benchPartBContrastive({ browser, base, runs, seconds });
    for (const t of contrastive.tables) {
      console.log(`\n${t.note}`);
      console.log(table(t.rows));
    }
  }
  if (wants('mnist')) {
    console.log('\n## Practicum: MNIST autoencoders');
    const mnist = await benchMnist({ browser, base, runs, seconds });
    console.log(mnist.note);
    console.log(table(mnist.rows));
    if (mnist.demoRows) console.log(`\n${table(mnist.demoRows)}`);
  }
  if (wants('threads')) {
    console.log('\n## Threads: wasm on every core');
    const threads = await benchThreads({ browser, root: outDir(), runs, seconds });
    console.log(threads.note);
    console.log(table(threads.rows));
  }
} finally {
  await browser.close();
  await webgpuBrowser?.close();
  server.close();
}
