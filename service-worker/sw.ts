/// <reference lib="webworker" />
// The site's service worker. Built by scripts/build-sw.ts after `next build` (esbuild bundles
// it, Serwist injects the precache manifest) into <out>/sw.js. It does three things:
// - sends every page with the cross-origin-isolation headers, so that the demos may run wasm
//   on several threads on hosts that cannot send headers (after one reload);
// - keeps the course available offline: pages precached on install, the demos' heavy files
//   (tfjs, wasm, data) cached on first use or on request ("make available offline");
// - waits, when a new build is deployed, until the reader accepts to reload, so that a page is
//   never served with the files of another build.
import { CacheFirst, NetworkFirst, Serwist, type PrecacheEntry, type SerwistPlugin } from 'serwist';
import { fingerprint, outdatedCaches, runtimeCacheNames, withIsolationHeaders } from '../lib/offline/assets';
import { isOfflineRequest, type OfflineProgress } from '../lib/offline/messages';

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] };
/** Replaced at build time: the demos' heavy files, relative to the site's root, with revisions. */
declare const __ON_DEMAND_ASSETS__: { url: string; revision: string }[];

const precacheEntries = self.__SW_MANIFEST;
const onDemand = __ON_DEMAND_ASSETS__;
const root = new URL('./', self.location.href);
const version = fingerprint(JSON.stringify([precacheEntries, onDemand]));
const caches_ = runtimeCacheNames(root.pathname, version);
const onDemandUrls = new Set(onDemand.map((a) => new URL(a.url, root).href));

/** Every response leaves the worker with COOP/COEP: documents become cross-origin isolated. */
const isolate: SerwistPlugin = {
  handlerWillRespond: async ({ response }) => withIsolationHeaders(response),
};

const serwist = new Serwist({
  precacheEntries,
  precacheOptions: {
    cleanupOutdatedCaches: true,
    plugins: [isolate],
    concurrency: 6,
    // A static export serves the same file whatever the query: demo links carry their settings
    // (`?backend=wasm&autoencoder.hidden=500`) in it.
    ignoreURLParametersMatching: [/.*/],
  },
  // The first install takes over at once (there is no older build to keep consistent with);
  // later ones wait for the reader's "reload" (see the message handler).
  skipWaiting: false,
  clientsClaim: true,
  disableDevLogs: true,
  runtimeCaching: [
    {
      // Heavy files and lazily loaded chunks: their names (or the build) fix their content.
      matcher: ({ url, sameOrigin }) => sameOrigin && (onDemandUrls.has(url.href) || url.pathname.startsWith(`${root.pathname}_next/static/`)),
      handler: new CacheFirst({ cacheName: caches_.onDemand, plugins: [isolate] }),
    },
    {
      // Anything else of ours (navigation payloads, pages not precached): the network when
      // there is one, this build's copy when there is none.
      matcher: ({ sameOrigin }) => sameOrigin,
      handler: new NetworkFirst({ cacheName: caches_.pages, plugins: [isolate], networkTimeoutSeconds: 10 }),
    },
  ],
});

self.addEventListener('install', () => {
  if (!self.registration.active) void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of outdatedCaches(await caches.keys(), caches_)) await caches.delete(name);
    })(),
  );
});

/** Fetches every on-demand file not cached yet, reporting progress on the given port. */
async function cacheOnDemand(port: MessagePort): Promise<void> {
  const cache = await caches.open(caches_.onDemand);
  const total = onDemand.length;
  let done = 0;
  let failed = 0;
  const report = (final: boolean) => port.postMessage({ done, total, failed, final } satisfies OfflineProgress);
  const queue = [...onDemand];
  const worker = async () => {
    for (let asset = queue.shift(); asset; asset = queue.shift()) {
      const url = new URL(asset.url, root).href;
      try {
        if (!(await cache.match(url))) await cache.add(url);
      } catch {
        failed++;
      }
      done++;
      report(false);
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  report(true);
}

self.addEventListener('message', (event) => {
  const message: unknown = event.data;
  if (!isOfflineRequest(message)) return;
  if (message.type === 'skip-waiting') {
    void self.skipWaiting();
  } else if (message.type === 'cache-on-demand' && event.ports[0]) {
    event.waitUntil(cacheOnDemand(event.ports[0]));
  }
});

serwist.addEventListeners();
