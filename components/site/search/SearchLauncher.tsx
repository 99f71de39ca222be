'use client';

import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import type { Messages } from '@/lib/i18n/dictionary';
import { isSearchShortcut } from '@/lib/search/results';

// The dialog, its styles and Pagefind's script load only when the reader opens the search.
const SearchDialog = lazy(() => import('./SearchDialog'));

function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** The header's search button; `/` and Ctrl/Cmd-K open the search from anywhere on the page. */
export function SearchLauncher({ lang, messages }: { lang: string; messages: Messages['search'] & { glossaryTitle: string } }) {
  const [open, setOpen] = useState(false);
  const [ready, setReady] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // What the reader types between opening and the dialog's arrival (its code loads on demand)
  // goes into the field, not nowhere. null: not collecting.
  const typedEarly = useRef<string | null>(null);
  const takeTypedEarly = useCallback(() => {
    const text = typedEarly.current ?? '';
    typedEarly.current = null;
    return text;
  }, []);
  const openSearch = useCallback(() => {
    typedEarly.current = '';
    setOpen(true);
  }, []);

  useEffect(() => {
    // The shortcuts work from here on (the page has hydrated); tests wait for this mark.
    queueMicrotask(() => setReady(true));
    const onKey = (event: KeyboardEvent) => {
      if (typedEarly.current !== null && !event.ctrlKey && !event.metaKey && !event.altKey) {
        if (event.key.length === 1) typedEarly.current += event.key;
        else if (event.key === 'Backspace') typedEarly.current = typedEarly.current.slice(0, -1);
        else return;
        event.preventDefault();
        return;
      }
      if (event.defaultPrevented || event.repeat) return;
      if (!isSearchShortcut(event.key, { ctrl: event.ctrlKey, meta: event.metaKey, alt: event.altKey }, inTextField(event.target))) return;
      event.preventDefault();
      openSearch();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openSearch]);

  // Focus goes back to the button once the dialog is gone (while it is open, the rest of the
  // page is inert and cannot take focus).
  const restoreFocus = useRef(false);
  const close = useCallback(() => {
    typedEarly.current = null;
    restoreFocus.current = true;
    setOpen(false);
  }, []);
  useEffect(() => {
    if (open || !restoreFocus.current) return;
    restoreFocus.current = false;
    button.current?.focus();
  }, [open]);

  return (
    <>
      <button
        ref={button}
        type="button"
        className="search-button"
        onClick={openSearch}
        aria-haspopup="dialog"
        aria-keyshortcuts="/ Control+K Meta+K"
        title={messages.shortcut}
        data-ready={ready ? 'true' : undefined}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="m15.5 15.5 5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="search-button-text">{messages.open}</span>
        <kbd className="search-button-key keyboard-hint" aria-hidden="true">
          /
        </kbd>
      </button>
      {open ? (
        <Suspense fallback={null}>
          <SearchDialog lang={lang} messages={messages} onClose={close} takeTypedEarly={takeTypedEarly} />
        </Suspense>
      ) : null}
    </>
  );
}
