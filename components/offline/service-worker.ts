'use client';

import type { OfflineProgress, OfflineRequest } from '@/lib/offline/messages';

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** The worker exists only in a built site (scripts/build-sw.ts); `next dev` has none. */
export const serviceWorkerBuilt = process.env.NODE_ENV === 'production';

function pageLoaded(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

/**
 * Registers the worker once the page has loaded: its first install downloads the whole site
 * for offline use, which must not compete with the page the reader is waiting for.
 */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration> {
  await pageLoaded();
  return navigator.serviceWorker.register(`${basePath}/sw.js`, { scope: `${basePath}/` });
}

export function postToWorker(worker: ServiceWorker, message: OfflineRequest, transfer: Transferable[] = []): void {
  worker.postMessage(message, transfer);
}

/**
 * Asks the active worker to fetch and keep every on-demand file (tfjs, wasm, data, the demos'
 * chunks); resolves with the last progress report. Rejects when no worker controls the page.
 */
export function cacheOnDemand(onProgress: (progress: OfflineProgress) => void): Promise<OfflineProgress> {
  return new Promise((resolve, reject) => {
    const worker = navigator.serviceWorker?.controller;
    if (!worker) {
      reject(new Error('no service worker controls this page'));
      return;
    }
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<OfflineProgress>) => {
      onProgress(event.data);
      if (event.data.final) {
        channel.port1.close();
        resolve(event.data);
      }
    };
    postToWorker(worker, { type: 'cache-on-demand' }, [channel.port2]);
  });
}
