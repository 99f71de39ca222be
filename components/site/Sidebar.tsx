import { PageLink } from './PageLink';
import type { Week } from '@/lib/content/weeks';
import type { LocalizedPage } from '@/lib/i18n/localize';
import { pageHref } from '@/lib/site/routes';

interface SidebarProps {
  weeks: Week<LocalizedPage>[];
  current: LocalizedPage;
  label: string;
  otherWeeksLabel: string;
  /** Unique on the page (the sidebar is rendered twice: folded on phones, in a column on wide screens). */
  id: string;
}

/**
 * The current week's pages in reading order (the current one marked for assistive technology),
 * then the other weeks of the course, each by its overview.
 */
export function Sidebar({ weeks, current, label, otherWeeksLabel, id }: SidebarProps) {
  const week = weeks.find((w) => w.id === current.week);
  const others = weeks.filter((w) => w.id !== current.week);
  return (
    <nav className="sidebar" aria-label={label}>
      <ol>
        {(week?.pages ?? []).map((p) => (
          <li key={p.slug}>
            <PageLink href={pageHref(p.lang, p)} aria-current={p.slug === current.slug ? 'page' : undefined}>
              <span className="sidebar-ref">{p.slug.replace('-', '.')}</span> {p.frontMatter.title}
            </PageLink>
          </li>
        ))}
      </ol>
      {others.length > 0 ? (
        <>
          <p className="sidebar-weeks-title" id={`${id}-weeks`}>
            {otherWeeksLabel}
          </p>
          <ul className="sidebar-weeks" aria-labelledby={`${id}-weeks`}>
            {others.map((w) => (
              <li key={w.id}>
                <PageLink href={pageHref(w.overview.lang, w.overview)}>{w.overview.frontMatter.title}</PageLink>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </nav>
  );
}
