'use client';

import { useEffect, useRef, useState, type ComponentType } from 'react';
import type { DemoId } from '@/lib/demos/registry';
import type { Messages } from '@/lib/i18n/dictionary';
import { fill } from '@/lib/i18n/template';
import { demoLoaders } from './loaders';
import { loadTf, subscribeRuntime, type LoadStage, type TfRuntime } from './runtime/tf-runtime';
import type { DemoProps } from './runtime/types';

type State =
  | { phase: 'idle' }
  | { phase: 'loading'; stage: LoadStage | 'code' }
  | { phase: 'ready'; Demo: ComponentType<DemoProps>; runtime: TfRuntime }
  | { phase: 'failed'; reason: string };

const STAGE_PROGRESS: Record<LoadStage | 'code', number> = { code: 0.2, library: 0.5, backend: 0.8 };

/**
 * Loads a demo when its figure comes within a screen of the viewport: a page whose demos are
 * off-screen downloads no TensorFlow.js at all.
 */
export function DemoMount({ id, lang, messages }: { id: DemoId; lang: string; messages: Messages }) {
  const root = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [near, setNear] = useState(false);
  const m = messages.demo;
  const loader = demoLoaders[id];

  useEffect(() => {
    const el = root.current;
    if (!el || !loader) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '100% 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [loader]);

  useEffect(() => {
    if (!near || !loader) return;
    let cancelled = false;
    const requested = new URLSearchParams(window.location.search).get('backend');
    (async () => {
      try {
        setState({ phase: 'loading', stage: 'code' });
        const [mod, runtime] = await Promise.all([
          loader(),
          loadTf(requested, (stage) => !cancelled && setState({ phase: 'loading', stage })),
        ]);
        if (!cancelled) setState({ phase: 'ready', Demo: mod.default, runtime });
      } catch (error) {
        if (!cancelled) setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    })();
    const unsubscribe = subscribeRuntime((runtime) => {
      setState((s) => (s.phase === 'ready' ? { ...s, runtime } : s));
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [near, loader, id]);

  if (!loader) return null;
  return (
    <div ref={root} className="demo-stage" data-demo-state={state.phase}>
      {state.phase === 'ready' ? (
        <state.Demo key={state.runtime.backend} id={id} lang={lang} runtime={state.runtime} messages={messages} />
      ) : state.phase === 'failed' ? (
        <p className="demo-error" role="alert">
          {fill(m.loadFailed, { reason: state.reason })}
        </p>
      ) : (
        <div className="demo-loading">
          <p id={`${id}-loading`}>
            {state.phase === 'loading' && state.stage === 'library'
              ? m.loadingLibrary
              : state.phase === 'loading' && state.stage === 'backend'
                ? m.loadingBackend
                : m.loading}
          </p>
          <progress
            aria-labelledby={`${id}-loading`}
            max={1}
            value={state.phase === 'loading' ? STAGE_PROGRESS[state.stage] : 0}
          />
        </div>
      )}
    </div>
  );
}
