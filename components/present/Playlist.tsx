'use client';

import { PageLink } from '@/components/site/PageLink';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { playlistFromLink, playlistKeyAction } from '@/lib/demos/playlist';
import { HYDRATED_ATTRIBUTE, OPENING_FOR_ATTRIBUTE } from '@/lib/demos/playlist-opening';
import { demoRegistry, type DemoId } from '@/lib/demos/registry';
import type { Messages } from '@/lib/i18n/dictionary';
import { fill } from '@/lib/i18n/template';
import { DemoMount } from '../demos/DemoMount';
import { MakeAvailableOffline } from '../offline/MakeAvailableOffline';
import { loadModelConfig } from '../demos/mnist-shared/persist';

interface PlaylistProps {
  lang: string;
  messages: Messages;
  /** The week's demos in page order, each with the address of its page in the notes. */
  demos: { id: DemoId; notes: string }[];
}

const subscribeLocation = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
};

/** Arrow keys belong to a focused slider, field or plot; only then does the playlist not move. */
function arrowsTakenBy(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('input, select, textarea, [role="application"], [role="slider"]') !== null;
}

/** Enter and Space belong to a focused control (a button, a link, a field). */
function onControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('a[href], button, input, select, textarea, summary, [role="button"], [role="application"], [role="slider"]') !== null;
}

const locationHref = () => window.location.href;
/** The build and the hydrating render have no link to read: they render the page as built. */
const noLocation = () => null;

/**
 * One demo per screen in presentation style. ←/→ (or a clicker's PageUp/PageDown) move
 * between demos; `?demos=a,b,c` chooses and orders them, `#id` opens on one; `?autoplay` starts
 * each one.
 *
 * Nothing heavy loads until the presenter asks: the page opens on the demo's title and question
 * with a Start button, and TensorFlow.js and the demo's code are fetched on the first
 * key press the playlist handles, a click on the stage or the button (lib/demos/playlist.ts).
 * From then on every demo the presenter moves to starts at once.
 *
 * The build writes every demo's title and question, one shown; an inline script and style
 * (lib/demos/playlist-opening.ts) show the one a link asks for before React runs, so that the
 * room never sees another demo first. The page's lecture-hall type comes from that style too.
 */
export function Playlist({ lang, messages, demos }: PlaylistProps) {
  const p = messages.present;
  // The page is written at build time with the week's own order (no query), so that its title,
  // question and Start button show before any script runs; React follows the presenter's ?demos=
  // or #id once it has hydrated that markup (until then the inline style shows the link's demo).
  const href = useSyncExternalStore(subscribeLocation, locationHref, noLocation);
  const hydrated = href !== null;
  const url = useMemo(() => (href === null ? null : new URL(href)), [href]);
  const available = useMemo(() => demos.map((d) => d.id), [demos]);
  const { order, linked: fromHash, skipped } = useMemo(
    () => playlistFromLink(url?.search ?? '', url?.hash ?? '', available),
    [url, available],
  );
  const autoplay = url?.searchParams.has('autoplay') ?? false;
  const [index, setIndex] = useState(0);
  const [started, setStarted] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  const start = useCallback(() => {
    // The button is about to go: keep the focus on the page, where the playlist's keys work.
    if (document.activeElement === startButton.current) document.getElementById('main')?.focus({ preventScroll: true });
    setStarted(true);
  }, []);
  const current = fromHash >= 0 ? fromHash : Math.min(index, Math.max(0, order.length - 1));
  const id = order[current];

  const go = useCallback(
    (delta: number) => {
      const next = Math.min(order.length - 1, Math.max(0, current + delta));
      if (next === current) return;
      setIndex(next);
      window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}#${order[next]}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    [order, current],
  );

  // A model the instructor saved before the lecture is offered when its demo comes up.
  const [saved, setSaved] = useState<{ id: DemoId; hidden: number; steps: number } | null>(null);
  useEffect(() => {
    if (id !== 'autoencoder' && id !== 'denoising-autoencoder') return;
    let cancelled = false;
    loadModelConfig(id)
      .then((config) => {
        if (!cancelled && config) setSaved({ id, hidden: config.hidden, steps: config.steps });
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [id]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = playlistKeyAction(event.key, {
        started,
        modifier: event.altKey || event.ctrlKey || event.metaKey,
        arrowsTaken: arrowsTakenBy(event.target),
        onControl: onControl(event.target),
      });
      if (!action) return;
      event.preventDefault();
      if (action === 'start') start();
      else go(action === 'next' ? 1 : -1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, start, started]);

  // The Start button takes the focus when the page opens, unless the reader is already elsewhere.
  const hasStage = Boolean(id);
  useEffect(() => {
    if (hasStage && (document.activeElement === document.body || document.activeElement === null)) startButton.current?.focus({ preventScroll: true });
  }, [hasStage]);

  const skippedNotice =
    skipped.length > 0 ? (
      <p className="notice playlist-skipped" role="note" data-skipped={skipped.join(',')}>
        {fill(p.skipped, { ids: skipped.join(', ') })}
      </p>
    ) : null;
  if (!id)
    return (
      <div className="playlist-empty">
        <p>{p.empty}</p>
        {skippedNotice}
      </div>
    );
  const titleOf = (demo: DemoId) => (messages.demos as Record<string, { title?: string }>)[demo]?.title ?? demoRegistry[demo].title;
  // Every demo's title and question is written, the current one shown (see above).
  const forEachDemo = (text: (demo: DemoId) => string) =>
    available.map((demo) => (
      <span key={demo} {...{ [OPENING_FOR_ATTRIBUTE]: demo }} hidden={demo !== id}>
        {text(demo)}
      </span>
    ));
  return (
    <div className="playlist" data-current={id} {...{ [HYDRATED_ATTRIBUTE]: hydrated ? '' : undefined }}>
      <div className="playlist-bar">
        <button type="button" className="demo-button" onClick={() => go(-1)} disabled={current === 0} data-action="previous-demo">
          ← {p.previous}
        </button>
        <div className="playlist-heading">
          <p className="playlist-position" aria-live="polite">
            {fill(p.position, { current: current + 1, total: order.length })}
          </p>
          <h1>{forEachDemo(titleOf)}</h1>
          <p className="playlist-prompt">{forEachDemo((demo) => p.prompts[demo])}</p>
        </div>
        <button type="button" className="demo-button" onClick={() => go(1)} disabled={current === order.length - 1} data-action="next-demo">
          {p.next} →
        </button>
      </div>
      {saved && saved.id === id ? (
        <p className="notice playlist-saved" role="note" data-saved-model={id}>
          {fill(p.savedModel, { hidden: saved.hidden, steps: saved.steps })}
        </p>
      ) : null}
      {started ? (
        <DemoMount key={id} id={id} lang={lang} messages={messages} eager alwaysPresenting autoplay={autoplay} />
      ) : (
        // A click anywhere on the waiting stage starts too (a tap on a projector's touch screen).
        <div className="demo-stage playlist-waiting" data-demo-state="waiting" data-pagefind-ignore onClick={start}>
          <button ref={startButton} type="button" className="demo-button demo-play playlist-start" data-action="start-demo" aria-describedby="playlist-start-hint" onClick={start}>
            ▶ {p.start}
          </button>
          <p id="playlist-start-hint" className="playlist-start-hint">
            {p.startHint}
          </p>
          {skippedNotice}
        </div>
      )}
      <p className="playlist-footer">
        {p.keys} · <PageLink href={`${demos.find((d) => d.id === id)?.notes ?? `/${lang}/`}#demo-${id}`}>{p.notesLink}</PageLink>
      </p>
      <MakeAvailableOffline messages={messages.platform} />
    </div>
  );
}
