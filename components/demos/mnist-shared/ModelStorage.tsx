'use client';

import { useState } from 'react';
import type { Messages } from '@/lib/i18n/dictionary';

type Status = { kind: 'idle' } | { kind: 'busy'; text: string } | { kind: 'done'; text: string } | { kind: 'error'; text: string };

/**
 * "Save model" and "Restore model" for a demo; the demo does the work and returns the text to
 * announce. Failures (no IndexedDB, nothing saved, a damaged record) are shown, not thrown.
 */
export function ModelStorage({ t, onSave, onRestore }: { t: Messages['demos']['mnist']; onSave: () => Promise<string>; onRestore: () => Promise<string> }) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const act = async (busy: string, work: () => Promise<string>) => {
    setStatus({ kind: 'busy', text: busy });
    try {
      setStatus({ kind: 'done', text: await work() });
    } catch (error) {
      setStatus({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };
  const busy = status.kind === 'busy';
  return (
    <div className="mnist-storage" data-panel="storage">
      <div className="demo-toolbar">
        <button type="button" className="demo-button" data-action="save-model" disabled={busy} onClick={() => void act(t.saving, onSave)}>
          {t.save}
        </button>
        <button type="button" className="demo-button" data-action="restore-model" disabled={busy} onClick={() => void act(t.restoring, onRestore)}>
          {t.restore}
        </button>
      </div>
      <p className="demo-note" role="status" data-readout="storage">
        {status.kind === 'idle' ? t.storageHint : status.kind === 'error' ? `${t.storageFailed} ${status.text}` : status.text}
      </p>
    </div>
  );
}
