'use client';

import { useState } from 'react';
import type { Messages } from '@/lib/i18n/dictionary';
import type { OfflineProgress } from '@/lib/offline/messages';
import { fill } from '@/lib/i18n/template';
import { cacheOnDemand } from './service-worker';

type Phase = { kind: 'idle' } | { kind: 'running'; progress: OfflineProgress | null } | { kind: 'done'; progress: OfflineProgress } | { kind: 'no-worker' };

/**
 * For instructors who prepare ahead: fetches, through the service worker, every file the demos
 * would fetch when they start (tfjs, its wasm binaries, the MNIST data, the demos' code), with
 * progress, so that the whole week then works without a network.
 */
export function MakeAvailableOffline({ messages }: { messages: Messages['platform'] }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });

  const start = () => {
    setPhase({ kind: 'running', progress: null });
    cacheOnDemand((progress) => setPhase(progress.final ? { kind: 'done', progress } : { kind: 'running', progress }))
      .then((progress) => setPhase({ kind: 'done', progress }))
      .catch(() => setPhase({ kind: 'no-worker' }));
  };

  const status =
    phase.kind === 'running'
      ? fill(messages.makingOffline, { done: phase.progress?.done ?? 0, total: phase.progress?.total ?? '…' })
      : phase.kind === 'done'
        ? phase.progress.failed > 0
          ? fill(messages.makeOfflineFailed, { failed: phase.progress.failed, total: phase.progress.total })
          : messages.madeOffline
        : phase.kind === 'no-worker'
          ? messages.makeOfflineNoWorker
          : messages.makeOfflineHint;

  return (
    <div className="make-offline" data-offline-download={phase.kind === 'done' && phase.progress.failed === 0 ? 'complete' : phase.kind}>
      <button type="button" className="demo-button" onClick={start} disabled={phase.kind === 'running'}>
        {messages.makeOffline}
      </button>
      {phase.kind === 'running' && phase.progress ? <progress max={phase.progress.total} value={phase.progress.done} /> : null}
      <p className="make-offline-status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}
