'use client';

import { useEffect } from 'react';

const SELECTOR = '.katex-display, .table-scroll';
const REGIONS_PER_TASK = 1;

/**
 * Wide equations and tables scroll sideways on a phone. A region that scrolls must be
 * reachable by keyboard, so it gets a tab stop, but only while it actually overflows:
 * otherwise every equation would be a tab stop.
 *
 * Measuring a region that the browser skipped while it was off screen lays it out. So the
 * regions are measured one per task, after hydration, rather than all in one long task.
 */
export function ScrollableRegions({ equationLabel }: { equationLabel: string }) {
  useEffect(() => {
    const regions = Array.from(document.querySelectorAll<HTMLElement>(SELECTOR));
    const update = (el: HTMLElement) => {
      // A region the browser skips while it is off screen (`content-visibility`) reports no
      // overflow of its own; reading its content's width lays it out first.
      const content = el.firstElementChild ?? el;
      if (Math.max(content.scrollWidth, el.scrollWidth) > el.clientWidth + 1) {
        el.tabIndex = 0;
        if (el.classList.contains('katex-display') && !el.hasAttribute('role')) {
          el.setAttribute('role', 'group');
          el.setAttribute('aria-label', equationLabel);
        }
      } else {
        el.removeAttribute('tabindex');
      }
    };
    // A region is observed from its first check on (the observer's first report of every
    // region at once would lay them all out in one task).
    const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target as HTMLElement)));
    let pending: HTMLElement[] = [];
    let timer = 0;
    const step = () => {
      for (const el of pending.splice(0, REGIONS_PER_TASK)) {
        update(el);
        observer.observe(el);
      }
      timer = pending.length ? window.setTimeout(step, 0) : 0;
    };
    const checkAll = () => {
      pending = [...regions];
      if (!timer) timer = window.setTimeout(step, 0);
    };
    checkAll();
    // A web font that arrives later widens an equation's content but not its box, which the
    // observer does not see: check again once the fonts are in.
    let live = true;
    void document.fonts.ready.then(() => {
      if (live) checkAll();
    });
    document.fonts.addEventListener('loadingdone', checkAll);
    return () => {
      live = false;
      window.clearTimeout(timer);
      observer.disconnect();
      document.fonts.removeEventListener('loadingdone', checkAll);
    };
  }, [equationLabel]);
  return null;
}
