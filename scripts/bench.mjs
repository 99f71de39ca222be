// `npm run bench`: figures the issues ask for, measured in headless Chromium on the built site.
// Several runs per figure, medians, ratios against a baseline measured in the same run.
//   --runs N       runs per figure (default 3)
//   --seconds S    training time per run (default 10)
//   --skip-build   use the existing out/ and do not time a build
//   --only NAME    one section: site, part-a, part-b, mnist, kernels, soak, threads, lighthouse
//   --minutes M    soak only: training time per demo (default 5)
//   --warmup-seconds S  soak only: when the warm-up sample is taken (default 60)
//   --every-seconds S   soak only: further samples every S seconds after the warm-up
//   --port P       serve the site on P and the bench pages on P+1, P+2 (default: random ports)
//   --pages LIST   Lighthouse only: comma-separated site paths (default: every page)
//   --form LIST    Lighthouse only: mobile,desktop (default both)
//   --dir DIR      the built site to measure (default out/)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launch, outDir, serve, table, fmt } from './bench/harness.mjs';
import { firstLoadJs, timeBuild } from './bench/site.mjs';
import { benchPartA } from './bench/part-a.mjs';
import { benchPartBSurfaces } from './bench/part-b-surfaces.mjs';
import { benchPartBContrastive } from './bench/part-b-contrastive.mjs';
import { benchMnist } from './bench/mnist.mjs';
import { benchLighthouse, exportedPages } from './bench/lighthouse.mjs';
import { htmlWeight } from './bench/html-weight.mjs';
import { serveStatic } from './static-host.mjs';
import { benchThreads } from './bench/threads.mjs';
import { benchKernels } from './bench/kernels.mjs';
import { benchSoak } from './bench/soak.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    'skip-build': { type: 'boolean', default: false },
    only: { type: 'string' },
    pages: { type: 'string' },
    form: { type: 'string' },
    dir: { type: 'string' },
    minutes: { type: 'string', default: '5' },
    'warmup-seconds': { type: 'string', default: '60' },
    'every-seconds': { type: 'string', default: '0' },
    port: { type: 'string' },
  },
});
const runs = Number(args.runs);
const seconds = Number(args.seconds);
const wants = (name) => !args.only || args.only === name;

const siteDir = args.dir ? path.resolve(args.dir) : outDir();
// Lighthouse's SEO audits want canonical and hreflang URLs that name the address it loads.
const lighthousePort = Number(process.env.LIGHTHOUSE_PORT ?? 4330);
const lighthouseOrigin = `http://127.0.0.1:${lighthousePort}`;
if (wants('lighthouse') && !args['skip-build'] && !args.dir && !process.env.NEXT_PUBLIC_SITE_URL) {
  console.log(`Building with NEXT_PUBLIC_SITE_URL=${lighthouseOrigin}, the address Lighthouse loads.`);
  process.env.NEXT_PUBLIC_SITE_URL = lighthouseOrigin;
}
let buildSeconds = NaN;
if (args.dir) {
  if (!existsSync(siteDir)) throw new Error(`No built site in ${args.dir}`);
} else if (!args['skip-build']) {
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
  const w = htmlWeight(readFileSync(path.join(siteDir, 'en/week07/07-1/index.html'), 'utf8'));
  const kb = (n) => fmt(n / 1024);
  console.log(table([
    ['HTML of /en/week07/07-1/', 'value'],
    ['raw (kB)', kb(w.raw)],
    ['gzip (kB)', kb(w.gzip)],
    ['elements', w.elements],
    ['React flight payload scripts (raw kB)', kb(w.flight)],
    ['KaTeX HTML / MathML (raw kB)', `${kb(w.katexHtml)} / ${kb(w.mathml)}`],
  ]));
}

const port = args.port ? Number(args.port) : 4500 + Math.floor(Math.random() * 400);
if (wants('lighthouse')) {
  // Served as a production static host serves it (compressed, long-lived caching of hashed files).
  const lhServer = await serveStatic(siteDir, { port: lighthousePort, basePath: process.env.NEXT_PUBLIC_BASE_PATH ?? '' });
  try {
    const pages = args.pages ? args.pages.split(',') : exportedPages(siteDir);
    const formFactors = args.form ? args.form.split(',') : ['mobile', 'desktop'];
    console.log(`\n## Lighthouse (${pages.length} pages × ${formFactors.join(', ')})`);
    const prefix = `${lighthouseOrigin}${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}`;
    const sample = readFileSync(path.join(siteDir, pages[0], 'index.html'), 'utf8');
    const declared = /<link rel="canonical" href="([^"]+)"/.exec(sample)?.[1];
    if (!declared || !declared.startsWith(lighthouseOrigin)) {
      console.log(`Note: the pages declare ${declared ? `canonical ${declared}` : 'no canonical URL'}, not ${lighthouseOrigin}: the SEO scores reflect that (build with NEXT_PUBLIC_SITE_URL=${lighthouseOrigin}).`);
    }
    const { rows, misses } = await benchLighthouse({ base: prefix, pages, formFactors });
    console.log(table(rows));
    console.log(misses.length ? `\nTargets missed or audits failing:\n- ${misses.join('\n- ')}` : '\nEvery target holds.');
  } finally {
    lhServer.close();
  }
  if (args.only === 'lighthouse') process.exit(0);
}
const server = await serve(siteDir, port);
const base = `http://127.0.0.1:${port}`;
const browser = await launch();
// Part A and the kernel census have WebGPU columns: the second browser is launched for them alone.
const webgpuBrowser = wants('part-a') || wants('kernels') ? await launch({ webgpu: true }) : null;
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
    const mnist = await benchMnist({ browser, base, runs, seconds, pagePort: args.port ? port + 1 : undefined });
    console.log(mnist.note);
    console.log(table(mnist.rows));
    if (mnist.demoRows) console.log(`\n${table(mnist.demoRows)}`);
  }
  if (wants('kernels')) {
    console.log('\n## Kernels of one step, per backend');
    const kernels = await benchKernels({ browser, webgpuBrowser, port: args.port ? port + 2 : 4900 + Math.floor(Math.random() * 90) });
    console.log(kernels.note);
    console.log(table(kernels.rows));
    console.log(`\n${kernels.checks.join('\n')}\n\n${kernels.detail.join('\n')}`);
  }
  if (wants('soak')) {
    console.log('\n## Soak');
    const soak = await benchSoak({ browser, base, minutes: Number(args.minutes), warmupSeconds: Number(args['warmup-seconds']), everySeconds: Number(args['every-seconds']) });
    console.log(soak.note);
    console.log(table(soak.rows));
    console.log(`\n${soak.checks.join('\n')}`);
  }
  if (wants('threads')) {
    console.log('\n## Threads: wasm on every core');
    const threads = await benchThreads({ browser, root: siteDir, runs, seconds });
    console.log(threads.note);
    console.log(table(threads.rows));
  }
} finally {
  await browser.close();
  await webgpuBrowser?.close();
  server.close();
}
