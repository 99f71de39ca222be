'use client';

import { useEffect, useState, type RefObject } from 'react';

export interface Measure {
  /** Content-box width in CSS pixels, rounded down so sub-pixel jitter does not re-render. */
  readonly width: number;
  /** Computed font size of the element, for rem/em-proportional margins. */
  readonly fontPx: number;
}

/**
 * Width and font size of an element, tracked with a ResizeObserver. Null until the first
 * measurement, which only happens in the browser: server and first client render agree.
 */
export function useMeasure(ref: RefObject<HTMLElement | null>): Measure | null {
  const [measure, setMeasure] = useState<Measure | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      const width = Math.floor(entry.contentRect.width);
      // Read here rather than once: a projector mode typically changes the root font size, which
      // changes our rem-based max width and so triggers this callback.
      const fontPx = parseFloat(getComputedStyle(element).fontSize) || 16;
      setMeasure((previous) =>
        previous && previous.width === width && previous.fontPx === fontPx ? previous : { width, fontPx },
      );
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return measure;
}
