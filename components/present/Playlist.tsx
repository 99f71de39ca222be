'use client';

import { PageLink } from '@/components/site/PageLink';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { playlistOrder } from '@/lib/demos/playlist';
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

/**
 * One demo per screen in presentation style. ←/→ (or a clicker's PageUp/PageDown) move
 * between demos; `?demos=a,b,c` chooses and orders them; `?autoplay` starts each one.
 */
export function Playlist({ lang, messages, demos }: PlaylistProps) {
  const p = messages.present;
  const search = useSyncExternalStore(subscribeLocation, () => window.location.search, () => null);
  const hash = useSyncExternalStore(subscribeLocation, () => window.location.hash, () => '');
  const available = useMemo(() => demos.map((d) => d.id), [demos]);
  const order = useMemo(
    () => (search === null ? [] : playlistOrder(new URLSearchParams(search).get('demos'), available)),
    [search, available],
  );
  const autoplay = search !== null && new URLSearchParams(search).has('autoplay');
  const fromHash = order.indexOf(hash.slice(1) as DemoId);
  const [index, setIndex] = useState(0);
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

  // Lecture-hall type: everything on this page is sized in rem.
  useEffect(() => {
    document.documentElement.classList.add('lecture');
    return () => document.documentElement.classList.remove('lecture');
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const arrows = event.key === 'ArrowRight' || event.key === 'ArrowLeft';
      if (arrows && arrowsTakenBy(event.target)) return;
      if (event.key === 'ArrowRight' || event.key === 'PageDown') {
        event.preventDefault();
        go(1);
      } else if (event.key === 'ArrowLeft' || event.key === 'PageUp') {
        event.preventDefault();
        go(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  if (search === null) return null;
  if (!id) return <p className="playlist-empty">{p.empty}</p>;
  const title = (messages.demos as Record<string, { title?: string }>)[id]?.title ?? demoRegistry[id].title;
  return (
    <div className="playlist" data-current={id}>
      <div className="playlist-bar">
        <button type="button" className="demo-button" onClick={() => go(-1)} disabled={current === 0} data-action="previous-demo">
          ← {p.previous}
        </button>
        <div className="playlist-heading">
          <p className="playlist-position" aria-live="polite">
            {fill(p.position, { current: current + 1, total: order.length })}
          </p>
          <h1>{title}</h1>
          <p className="playlist-prompt">{p.prompts[id]}</p>
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
      <DemoMount key={id} id={id} lang={lang} messages={messages} eager alwaysPresenting autoplay={autoplay} />
      <p className="playlist-footer">
        {p.keys} · <PageLink href={`${demos.find((d) => d.id === id)?.notes ?? `/${lang}/`}#demo-${id}`}>{p.notesLink}</PageLink>
      </p>
      <MakeAvailableOffline messages={messages.platform} />
    </div>
  );
}
