'use client';

import { useEffect } from 'react';

const SELECTOR = '.katex-display, .table-scroll';

/**
 * Wide equations and tables scroll sideways on a phone. A region that scrolls must be
 * reachable by keyboard, so it gets a tab stop, but only while it actually overflows:
 * otherwise every equation would be a tab stop.
 */
export function ScrollableRegions({ equationLabel }: { equationLabel: string }) {
  useEffect(() => {
    const regions = Array.from(document.querySelectorAll<HTMLElement>(SELECTOR));
    const update = () => {
      for (const el of regions) {
        if (el.scrollWidth > el.clientWidth + 1) {
          el.tabIndex = 0;
          if (el.classList.contains('katex-display') && !el.hasAttribute('role')) {
            el.setAttribute('role', 'group');
            el.setAttribute('aria-label', equationLabel);
          }
        } else {
          el.removeAttribute('tabindex');
        }
      }
    };
    update();
    const observer = new ResizeObserver(update);
    regions.forEach((el) => observer.observe(el));
    // A web font that arrives later widens an equation's content but not its box, which the
    // observer does not see: check again once the fonts are in.
    let live = true;
    void document.fonts.ready.then(() => {
      if (live) update();
    });
    document.fonts.addEventListener('loadingdone', update);
    return () => {
      live = false;
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', update);
    };
  }, [equationLabel]);
  return null;
}
