'use client';

import { useEffect, useState } from 'react';
import type { TocEntry } from '@/lib/content/toc';

/** On-page contents; the section being read is highlighted as the reader scrolls. */
export function TableOfContents({ entries, title }: { entries: TocEntry[]; title: string }) {
  const [active, setActive] = useState<string | null>(null);

  useEffect(() => {
    const headings = entries
      .map((e) => document.getElementById(e.id))
      .filter((el): el is HTMLElement => el !== null);
    if (headings.length === 0) return;
    // The current section is the last heading above a line a fifth of the way down the screen.
    const update = () => {
      const line = window.innerHeight * 0.2;
      let current = headings[0].id;
      for (const h of headings) {
        if (h.getBoundingClientRect().top <= line) current = h.id;
        else break;
      }
      setActive(current);
    };
    update();
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('resize', onScroll);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', onScroll);
      window.removeEventListener('resize', onScroll);
    };
  }, [entries]);

  if (entries.length === 0) return null;
  return (
    <nav className="toc" aria-label={title}>
      <p className="toc-title">{title}</p>
      <ol>
        {entries.map((e) => (
          <li key={e.id} className={`toc-depth-${e.depth}`}>
            <a href={`#${e.id}`} aria-current={active === e.id ? 'location' : undefined}>
              {e.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
