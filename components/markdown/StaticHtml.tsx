'use client';

import { createElement, useEffect, useState, useSyncExternalStore } from 'react';
import { staticHtml } from './static-html-registry';

/** The same object on every render: React compares it and leaves the element's content alone. */
const KEEP_DOCUMENT_CONTENT = { __html: '' };

const noSubscription = () => () => undefined;

/** The documents fetched for a client-side render, by path (one fetch per page). */
const documents = new Map<string, Promise<Document>>();

function currentDocument(): Promise<Document> {
  const path = window.location.pathname;
  let loaded = documents.get(path);
  if (!loaded) {
    loaded = fetch(path)
      .then((response) => {
        if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
        return response.text();
      })
      .then((text) => new DOMParser().parseFromString(text, 'text/html'));
    documents.set(path, loaded);
  }
  return loaded;
}

interface StaticHtmlProps {
  tag: string;
  attributes: Record<string, unknown>;
  /** Key of the element's content in the build's registry (see static-html-registry.ts). */
  chunk: string;
}

/**
 * An element of the article whose content never changes on the client (prose, typeset math).
 * Its HTML is written into the page's document at build time but not into the React payload
 * that hydrates the page, which would otherwise repeat the whole article as one more string
 * (most of a lecture page's weight). Hydration keeps the content the document already has.
 * Should React ever render the element afresh in the browser (after a hydration error), the
 * content is taken from the page's document, fetched again.
 */
export function StaticHtml({ tag, attributes, chunk }: StaticHtmlProps) {
  // True while server-rendering and while hydrating; false when rendered afresh in the browser.
  const hydrating = useSyncExternalStore(noSubscription, () => false, () => true);
  const [fromDocument] = useState(hydrating);
  const [fetched, setFetched] = useState<string | null>(null);

  useEffect(() => {
    if (fromDocument) return;
    let live = true;
    currentDocument()
      .then((doc) => {
        if (live) setFetched(doc.querySelector(`[data-static-html="${chunk}"]`)?.innerHTML ?? '');
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [fromDocument, chunk]);

  const content = typeof window === 'undefined' ? { __html: staticHtml(chunk) } : fetched === null ? KEEP_DOCUMENT_CONTENT : { __html: fetched };
  return createElement(tag, { ...attributes, 'data-static-html': chunk, dangerouslySetInnerHTML: content, suppressHydrationWarning: true });
}
