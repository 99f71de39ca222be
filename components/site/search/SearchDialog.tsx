'use client';

import { useEffect, useId, useRef, useState } from 'react';
import type { Messages } from '@/lib/i18n/dictionary';
import { fill } from '@/lib/i18n/template';
import { excerptParts, searchOptions, type SearchOption } from '@/lib/search/results';
import { loadPagefind } from './pagefind';
import styles from './search.module.css';

const MIN_QUERY = 2;
const MAX_PAGES = 8;
const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

type Status = { kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; reason: string } | { kind: 'done'; query: string; options: SearchOption[] };

interface SearchDialogProps {
  lang: string;
  messages: Messages['search'] & { glossaryTitle: string };
  onClose: () => void;
  /** Keys typed before the dialog was there; called once, when it opens. */
  takeTypedEarly?: () => string;
}

function Excerpt({ text }: { text: string }) {
  return (
    <>
      {excerptParts(text).map((part, i) => (part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </>
  );
}

/**
 * The search: a modal dialog holding a combobox (the field) and its listbox of results. Focus
 * stays in the field; arrows move the active result, Enter opens it, Esc closes the dialog
 * (the native <dialog> behaviour). The number of results is announced in a live region.
 */
export default function SearchDialog({ lang, messages: m, onClose, takeTypedEarly }: SearchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // The active option is remembered by address, so that a refreshed list keeps it.
  const [activeUrl, setActiveUrl] = useState<string | null>(null);
  const ids = useId();
  const listId = `${ids}-results`;
  const optionId = (i: number) => `${ids}-option-${i}`;

  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (!el.open) el.showModal();
    input.current?.focus();
    const early = takeTypedEarly?.() ?? '';
    if (early && input.current) {
      // Into the field at once, so that the next key lands after it; the state follows.
      input.current.value = early;
      queueMicrotask(() => setQuery((q) => (q.startsWith(early) ? q : early + q)));
    }
    // Start fetching the index while the reader types.
    loadPagefind().catch(() => undefined);
    return () => el.close();
  }, [takeTypedEarly]);

  useEffect(() => {
    const term = query.trim();
    if (term.length < MIN_QUERY) {
      queueMicrotask(() => setStatus({ kind: 'idle' }));
      return;
    }
    let cancelled = false;
    queueMicrotask(() => !cancelled && setStatus((s) => (s.kind === 'done' ? s : { kind: 'loading' })));
    (async () => {
      try {
        const pagefind = await loadPagefind();
        const found = await pagefind.debouncedSearch(term, {}, 150);
        if (!found || cancelled) return;
        const pages = await Promise.all(found.results.slice(0, MAX_PAGES).map((r) => r.data()));
        if (cancelled) return;
        setStatus({ kind: 'done', query: term, options: searchOptions(pages, term) });
      } catch (error) {
        if (!cancelled) setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [query]);

  const options = status.kind === 'done' ? status.options : [];
  const active = activeUrl === null ? -1 : options.findIndex((o) => o.url === activeUrl);
  const setActive = (index: number) => setActiveUrl(index < 0 ? null : (options[index]?.url ?? null));

  const open = (option: SearchOption | undefined) => {
    if (!option) return;
    onClose();
    window.location.assign(option.url);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length;
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
    } else if (event.key === 'Home' && active >= 0) {
      event.preventDefault();
      setActive(0);
    } else if (event.key === 'End' && active >= 0) {
      event.preventDefault();
      setActive(options.length - 1);
    } else if (event.key === 'Escape') {
      // A search field would only clear itself on Esc; here Esc leaves the search.
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      open(options[active < 0 ? 0 : active]);
    }
  };

  const announcement =
    status.kind === 'loading'
      ? m.loading
      : status.kind === 'failed'
        ? fill(m.failed, { reason: status.reason })
        : status.kind === 'done'
          ? options.length === 0
            ? fill(m.noResults, { query: status.query })
            : options.length === 1
              ? m.oneResult
              : fill(m.resultCount, { count: String(options.length) })
          : '';

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-label={m.dialogLabel}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its box) closes it.
        if (event.target === dialog.current) onClose();
      }}
    >
      <div className={styles.box} role="search">
        <div className={styles.field}>
          <label htmlFor={`${ids}-input`} className="visually-hidden">
            {m.inputLabel}
          </label>
          <input
            ref={input}
            id={`${ids}-input`}
            className={styles.input}
            type="search"
            role="combobox"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={active >= 0 ? optionId(active) : undefined}
            aria-describedby={`${ids}-help`}
            autoComplete="off"
            spellCheck={false}
            placeholder={m.placeholder}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
          />
          <button type="button" className={styles.close} onClick={onClose}>
            {m.close}
          </button>
        </div>
        <p id={`${ids}-help`} className={`${styles.help} keyboard-hint`}>
          {m.instructions}
        </p>
        <p className={styles.status} role="status">
          {announcement}
        </p>
        {status.kind === 'done' && options.length === 0 ? (
          <p className={styles.empty}>
            {m.tryGlossary} <a href={`${basePath}/${lang}/glossary/`}>{m.glossaryTitle}</a>
          </p>
        ) : null}
        <ul id={listId} role="listbox" aria-label={m.resultsLabel} className={styles.results} hidden={options.length === 0}>
          {options.map((option, i) => (
            <li
              key={option.url + i}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={styles.option}
              data-url={option.url}
              onClick={() => open(option)}
              onMouseMove={() => active !== i && setActive(i)}
            >
              <span className={styles.where}>
                <span className={styles.page}>{option.page}</span>
                {option.section ? (
                  <>
                    <span aria-hidden="true" className={styles.separator}>
                      ›
                    </span>
                    <span>{option.section}</span>
                  </>
                ) : null}
              </span>
              <span className={styles.excerpt}>
                <Excerpt text={option.excerpt} />
              </span>
            </li>
          ))}
        </ul>
      </div>
    </dialog>
  );
}
