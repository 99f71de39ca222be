'use client';

import { useEffect } from 'react';
import { SECTION_CLASS } from '@/lib/content/sections';

const SELECTOR = '.katex-display, .table-scroll';

/**
 * Wide equations and tables scroll sideways on a phone. A region that scrolls must be
 * reachable by keyboard, so it gets a tab stop, but only while it actually overflows:
 * otherwise every equation would be a tab stop.
 *
 * Measuring a region lays out its section, which the browser otherwise skips while it is off
 * screen (`content-visibility`). So the regions are measured one section per task, after
 * hydration: the page's layout is spread over short tasks instead of one long one at load.
 */
export function ScrollableRegions({ equationLabel }: { equationLabel: string }) {
  useEffect(() => {
    const regions = Array.from(document.querySelectorAll<HTMLElement>(SELECTOR));
    const update = (el: HTMLElement) => {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.tabIndex = 0;
        if (el.classList.contains('katex-display') && !el.hasAttribute('role')) {
          el.setAttribute('role', 'group');
          el.setAttribute('aria-label', equationLabel);
        }
      } else {
        el.removeAttribute('tabindex');
      }
    };
    const bySection = new Map<Element | null, HTMLElement[]>();
    for (const el of regions) {
      const section = el.closest(`.${SECTION_CLASS}`);
      bySection.set(section, [...(bySection.get(section) ?? []), el]);
    }
    let pending: HTMLElement[][] = [];
    let timer = 0;
    const step = () => {
      pending.shift()?.forEach(update);
      timer = pending.length ? window.setTimeout(step, 0) : 0;
    };
    const checkAll = () => {
      pending = [...bySection.values()];
      if (!timer) timer = window.setTimeout(step, 0);
    };
    checkAll();
    const observer = new ResizeObserver((entries) => entries.forEach((e) => update(e.target as HTMLElement)));
    regions.forEach((el) => observer.observe(el));
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
