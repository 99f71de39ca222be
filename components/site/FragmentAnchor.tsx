'use client';

import { useEffect } from 'react';

/** How long after a jump the section is held in place, unless the reader scrolls first. */
const SETTLE_MS = 2000;
const READER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/**
 * Keeps the section a link jumped to (`#id`) at the top of the screen while the article around it
 * settles. The blocks near it are laid out only once they come near the screen
 * (`content-visibility`, globals.css) and a demo grows when it loads, so the article above the
 * section changes height just after the jump, and the browser's scroll anchoring does not
 * follow through skipped blocks. Reader input ends the hold at once.
 */
export function FragmentAnchor() {
  useEffect(() => {
    const article = document.querySelector('.prose');
    if (!article) return;
    let release: () => void = () => undefined;
    const hold = () => {
      release();
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      if (!target) return;
      const observer = new ResizeObserver(() => target.scrollIntoView({ block: 'start' }));
      observer.observe(article);
      const timer = window.setTimeout(() => release(), SETTLE_MS);
      const onInput = () => release();
      READER_INPUT.forEach((type) => window.addEventListener(type, onInput, { passive: true }));
      release = () => {
        observer.disconnect();
        window.clearTimeout(timer);
        READER_INPUT.forEach((type) => window.removeEventListener(type, onInput));
        release = () => undefined;
      };
    };
    window.addEventListener('hashchange', hold);
    return () => {
      window.removeEventListener('hashchange', hold);
      release();
    };
  }, []);
  return null;
}
