'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Messages } from '@/lib/i18n/dictionary';
import { postToWorker, registerServiceWorker, serviceWorkerBuilt } from './service-worker';

type State = 'starting' | 'installing' | 'ready' | 'update' | 'unavailable';

/**
 * Registers the site's service worker and tells the reader the two things they can act on:
 * a new version waits (reload to get it), or this browser refuses to keep the site (offline
 * use is unavailable; everything works online). `data-offline-state` exposes the state to tests.
 */
export function OfflineStatus({ messages }: { messages: Messages['platform'] }) {
  const [state, setState] = useState<State>('starting');
  const waiting = useRef<ServiceWorker | null>(null);

  useEffect(() => {
    if (!serviceWorkerBuilt) return;
    // Undefined where the browser offers no worker at all (some private modes, insecure origins).
    const container = navigator.serviceWorker as ServiceWorkerContainer | undefined;
    let registration: ServiceWorkerRegistration | null = null;
    const offerUpdate = (worker: ServiceWorker) => {
      waiting.current = worker;
      setState('update');
    };
    const watch = (worker: ServiceWorker) => {
      const onChange = () => {
        if (worker.state === 'installed' && container?.controller) offerUpdate(worker);
        else if (worker.state === 'activated' && !waiting.current) setState('ready');
        // A first install that fails (the cache was refused: quota, private mode) leaves no worker.
        else if (worker.state === 'redundant' && !registration?.active) setState('unavailable');
      };
      worker.addEventListener('statechange', onChange);
      onChange();
    };
    // A reader who keeps the notes open for hours hears of a deploy when they come back to the tab.
    const checkForUpdate = () => {
      if (document.visibilityState === 'visible') void registration?.update().catch(() => undefined);
    };
    (container ? registerServiceWorker() : Promise.reject(new Error('no service worker API')))
      .then((reg) => {
        registration = reg;
        if (reg.waiting && container?.controller) offerUpdate(reg.waiting);
        else if (reg.installing) {
          setState('installing');
          watch(reg.installing);
        } else if (reg.active) setState('ready');
        reg.addEventListener('updatefound', () => {
          if (reg.installing) watch(reg.installing);
        });
        document.addEventListener('visibilitychange', checkForUpdate);
      })
      .catch(() => setState('unavailable'));
    return () => document.removeEventListener('visibilitychange', checkForUpdate);
  }, []);

  const reload = useCallback(() => {
    const worker = waiting.current;
    if (!worker) return;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    postToWorker(worker, { type: 'skip-waiting' });
  }, []);

  return (
    <div className="offline-status" data-offline-state={state} role="status" aria-live="polite">
      {state === 'update' ? (
        <p>
          {messages.updateAvailable}{' '}
          <button type="button" className="offline-reload" onClick={reload}>
            {messages.reload}
          </button>
        </p>
      ) : state === 'unavailable' ? (
        <p>{messages.offlineUnavailable}</p>
      ) : null}
    </div>
  );
}
