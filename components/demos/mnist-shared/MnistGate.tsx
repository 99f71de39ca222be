'use client';

import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import type { Messages } from '@/lib/i18n/dictionary';
import { formatNumber } from '@/lib/i18n/format';
import { fill } from '@/lib/i18n/template';
import type { TfRuntime } from '../runtime/tf-runtime';
import type { DemoProps } from '../runtime/types';
import { acquireTensors, loadMnist, type MnistSet, type Progress } from './data';
import styles from './mnist.module.css';


type State = { phase: 'loading'; progress: Progress } | { phase: 'ready'; set: MnistSet } | { phase: 'failed'; reason: string };

/**
 * Loads the digits (shared with the other MNIST demos on the page) with a visible progress
 * bar, then renders the demo with the tensors; a damaged or missing file gives a clear message
 * and a retry button.
 */
export function MnistGate({ id, runtime, messages, lang, children }: { id: string; runtime: TfRuntime; messages: Messages; lang: string; children: (set: MnistSet) => ReactNode }) {
  const t = messages.demos.mnist;
  const [state, setState] = useState<State>({ phase: 'loading', progress: { loaded: 0, total: 0 } });
  const [attempt, setAttempt] = useState(0);
  const { tf } = runtime;

  useEffect(() => {
    let cancelled = false;
    let release: (() => void) | null = null;
    const { promise, unsubscribe } = loadMnist((progress) => {
      if (!cancelled) queueMicrotask(() => !cancelled && setState((s) => (s.phase === 'loading' ? { phase: 'loading', progress } : s)));
    });
    promise.then(
      (data) => {
        if (cancelled) return;
        try {
          const acquired = acquireTensors(tf, data);
          release = acquired.release;
          setState({ phase: 'ready', set: acquired.set });
        } catch (error) {
          setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
        }
      },
      (error: unknown) => {
        if (!cancelled) setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
      unsubscribe();
      release?.();
    };
  }, [tf, runtime.backend, attempt]);

  if (state.phase === 'ready') return <>{children(state.set)}</>;
  if (state.phase === 'failed') {
    return (
      <div className="demo-error" role="alert" data-mnist="failed">
        <p>{fill(t.loadFailed, { reason: state.reason })}</p>
        <button
          type="button"
          className="demo-button"
          onClick={() => {
            setState({ phase: 'loading', progress: { loaded: 0, total: 0 } });
            setAttempt((a) => a + 1);
          }}
        >
          {t.retry}
        </button>
      </div>
    );
  }
  const { loaded, total } = state.progress;
  const mb = (bytes: number) => formatNumber(lang, bytes / 1e6, 2);
  const text = total > 0 ? fill(t.loadingProgress, { loaded: mb(loaded), total: mb(total) }) : t.loadingData;
  return (
    <div className={styles.loading} data-mnist="loading">
      <p id={`${id}-data-progress`}>{text}</p>
      <progress aria-labelledby={`${id}-data-progress`} max={total > 0 ? total : undefined} value={total > 0 ? loaded : undefined} />
    </div>
  );
}

/** A demo component that needs the digits, wrapped so that it renders once they are loaded. */
export function withMnistData(Inner: ComponentType<DemoProps & { data: MnistSet }>): ComponentType<DemoProps> {
  function MnistDemo(props: DemoProps) {
    return (
      <MnistGate id={props.id} runtime={props.runtime} messages={props.messages} lang={props.lang}>
        {(data) => <Inner {...props} data={data} />}
      </MnistGate>
    );
  }
  return MnistDemo;
}
