import Link from 'next/link';
import type { Page } from '@/lib/content/pages';
import { pageHref } from '@/lib/site/routes';

/** The week's pages in reading order; the current one is marked for assistive technology. */
export function Sidebar({ pages, current, label }: { pages: Page[]; current?: string; label: string }) {
  return (
    <nav className="sidebar" aria-label={label}>
      <ol>
        {pages.map((p) => (
          <li key={p.slug}>
            <Link href={pageHref(p.lang, p.slug)} aria-current={p.slug === current ? 'page' : undefined}>
              <span className="sidebar-ref">{p.slug.replace('-', '.')}</span> {p.frontMatter.title}
            </Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}
