// Lighthouse on every page of the built site, in both form factors, with Debian's Chromium
// driven by chrome-launcher; the site is served compressed by scripts/static-host.mjs.
import { readdirSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import lighthouse, { desktopConfig } from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumPath } from './harness.mjs';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** The targets of the issue: a failed one is printed as such. */
export const TARGETS = {
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
  performance: { desktop: 98, mobile: 95 },
  tbtMobileMs: 150,
};

/** Every page of the export (directories holding an index.html), as site paths, sorted. */
export function exportedPages(outDir) {
  const pages = [];
  const walk = (dir, prefix) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (!statSync(full).isDirectory() || entry.startsWith('_') || entry === 'pagefind' || entry === '404') continue;
      if (existsSync(path.join(full, 'index.html'))) pages.push(`${prefix}${entry}/`);
      walk(full, `${prefix}${entry}/`);
    }
  };
  walk(outDir, '/');
  return pages.sort();
}

async function audit(port, url, formFactor) {
  const flags = { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES };
  const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  if (runtimeError) throw new Error(`${url}: ${runtimeError.code} ${runtimeError.message}`);
  const score = (id) => Math.round((categories[id]?.score ?? NaN) * 100);
  const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && audits[ref.id].score !== null && audits[ref.id].score < 1)
      .map((ref) => `${c}: ${ref.id}`),
  );
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    'best-practices': score('best-practices'),
    seo: score('seo'),
    lcp: audits['largest-contentful-paint'].numericValue,
    tbt: audits['total-blocking-time'].numericValue,
    cls: audits['cumulative-layout-shift'].numericValue,
    failing,
  };
}

function holds(row, formFactor) {
  const misses = [];
  for (const c of ['accessibility', 'best-practices', 'seo']) if (row[c] < TARGETS[c]) misses.push(`${c} ${row[c]}`);
  if (row.performance < TARGETS.performance[formFactor]) misses.push(`perf ${row.performance}`);
  if (formFactor === 'mobile' && row.tbt > TARGETS.tbtMobileMs) misses.push(`TBT ${Math.round(row.tbt)} ms`);
  return misses;
}

/**
 * Runs Lighthouse on `pages` (site paths) of the site served at `base`, mobile then desktop.
 * Returns table rows and the list of missed targets (with the failing audits, to act on).
 */
export async function benchLighthouse({ base, pages, formFactors = ['mobile', 'desktop'] }) {
  const chrome = await chromeLauncher.launch({
    chromePath: chromiumPath(),
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    logLevel: 'silent',
  });
  const rows = [['page', 'form', 'perf', 'a11y', 'best', 'seo', 'LCP ms', 'TBT ms', 'CLS', 'targets']];
  const misses = [];
  try {
    for (const formFactor of formFactors) {
      for (const page of pages) {
        const r = await audit(chrome.port, `${base}${page}`, formFactor);
        const missed = holds(r, formFactor);
        if (missed.length || r.failing.length) misses.push(`${page} (${formFactor}): ${[...missed, ...r.failing].join(', ')}`);
        rows.push([page, formFactor, r.performance, r.accessibility, r['best-practices'], r.seo, Math.round(r.lcp), Math.round(r.tbt), r.cls.toFixed(3), missed.length ? 'MISSED' : 'hold']);
      }
    }
  } finally {
    chrome.kill();
  }
  return { rows, misses };
}
