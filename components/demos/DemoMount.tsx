'use client';

import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import type { DemoId } from '@/lib/demos/registry';
import type { Messages } from '@/lib/i18n/dictionary';
import { fill } from '@/lib/i18n/template';
import { demoLoaders } from './loaders';
import { PresentationContext, type Presentation } from './runtime/presentation';
import { pageProbe } from '@/lib/demos/calibration-probe';
import { loadTf, subscribeRuntime, type LoadStage, type TfRuntime } from './runtime/tf-runtime';
import { demosOnPage } from './runtime/wasm-backend';
import type { DemoProps } from './runtime/types';

type State =
  | { phase: 'idle' }
  | { phase: 'loading'; stage: LoadStage | 'code' }
  | { phase: 'ready'; Demo: ComponentType<DemoProps>; runtime: TfRuntime }
  | { phase: 'failed'; reason: string };

const STAGE_PROGRESS: Record<LoadStage | 'code', number> = { code: 0.2, library: 0.5, backend: 0.7, calibrating: 0.85 };

interface DemoMountProps {
  id: DemoId;
  lang: string;
  messages: Messages;
  /** Load now instead of when scrolled near (the lecture playlist). */
  eager?: boolean;
  /** Fill the screen from the start (the lecture playlist); Esc does not leave it. */
  alwaysPresenting?: boolean;
  autoplay?: boolean;
}

function presentRequest(id: DemoId): { present: boolean; autoplay: boolean } {
  const query = new URLSearchParams(window.location.search);
  const present = query.get('present') === id;
  return { present, autoplay: present && query.has('autoplay') };
}

/**
 * Loads a demo when its figure comes within a screen of the viewport: a page whose demos are
 * off-screen downloads no TensorFlow.js at all. Also owns presentation mode (full screen, large
 * type, high contrast), entered with the demo's button, the F key, or ?present=<id>.
 */
export function DemoMount({ id, lang, messages, eager = false, alwaysPresenting = false, autoplay = false }: DemoMountProps) {
  const root = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<State>({ phase: 'idle' });
  const [near, setNear] = useState(eager);
  const [presenting, setPresenting] = useState(alwaysPresenting);
  const [autoplayFromLink, setAutoplayFromLink] = useState(false);
  const m = messages.demo;
  const loader = demoLoaders[id];

  useEffect(() => {
    const el = root.current;
    if (!el || near) return;
    if (presentRequest(id).present) {
      // A presenter's link: load at once and bring the demo on screen in presentation mode.
      const request = presentRequest(id);
      queueMicrotask(() => {
        setNear(true);
        setPresenting(true);
        setAutoplayFromLink(request.autoplay);
      });
      el.scrollIntoView({ block: 'start' });
      return;
    }
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
  }, [near, id]);

  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    // The loaded demo's code, kept while the runtime is replaced ("measure again").
    let Demo: ComponentType<DemoProps> | null = null;
    const requested = new URLSearchParams(window.location.search).get('backend');
    (async () => {
      try {
        setState({ phase: 'loading', stage: 'code' });
        const [mod, runtime] = await Promise.all([
          loader(),
          loadTf(requested, {
            onStage: (stage) => !cancelled && setState({ phase: 'loading', stage }),
            // The first demo to load chooses for the page: by the heaviest model on it.
            probe: pageProbe(demosOnPage(), window.location.search),
          }),
        ]);
        Demo = mod.default;
        if (!cancelled) setState({ phase: 'ready', Demo: mod.default, runtime });
      } catch (error) {
        if (!cancelled) setState({ phase: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    })();
    const unsubscribe = subscribeRuntime((runtime) => {
      setState((s) => {
        if (runtime === null) return s.phase === 'ready' ? { phase: 'loading', stage: 'backend' } : s;
        if (s.phase === 'ready') return { ...s, runtime };
        return Demo && s.phase === 'loading' ? { phase: 'ready', Demo, runtime } : s;
      });
    });
    return () => {
      cancelled = true;
      unsubscribe();
    };
  }, [near, loader, id]);

  const presentingRef = useRef(presenting);
  useEffect(() => {
    presentingRef.current = presenting;
  }, [presenting]);

  const toggle = useCallback(() => {
    if (alwaysPresenting) return;
    const next = !presentingRef.current;
    const el = root.current;
    // Real full screen where the browser allows it; the CSS overlay works without it too.
    if (next && el?.requestFullscreen) el.requestFullscreen().catch(() => undefined);
    if (!next && document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
    setPresenting(next);
  }, [alwaysPresenting]);

  // Type scales with the screen while presenting (components size their text in rem).
  useEffect(() => {
    if (!presenting || alwaysPresenting) return;
    document.documentElement.classList.add('presenting');
    return () => document.documentElement.classList.remove('presenting');
  }, [presenting, alwaysPresenting]);

  // Esc leaves presentation mode, whether or not the browser granted real full screen.
  useEffect(() => {
    if (!presenting || alwaysPresenting) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setPresenting(false);
        if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
      }
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [presenting, alwaysPresenting]);

  const presentation = useMemo<Presentation>(
    () => ({ presenting, toggle, autoplay: autoplay || autoplayFromLink }),
    [presenting, toggle, autoplay, autoplayFromLink],
  );

  return (
    <div ref={root} className="demo-stage" data-pagefind-ignore data-demo-state={state.phase} data-presenting={presenting ? 'true' : undefined} data-embedded={alwaysPresenting ? 'true' : undefined}>
      {state.phase === 'ready' ? (
        <PresentationContext.Provider value={presentation}>
          <state.Demo key={state.runtime.backend} id={id} lang={lang} runtime={state.runtime} messages={messages} />
        </PresentationContext.Provider>
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
                : state.phase === 'loading' && state.stage === 'calibrating'
                  ? m.loadingCalibration
                  : m.loading}
          </p>
          <progress aria-labelledby={`${id}-loading`} max={1} value={state.phase === 'loading' ? STAGE_PROGRESS[state.stage] : 0} />
        </div>
      )}
    </div>
  );
}
