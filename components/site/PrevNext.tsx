import { PageLink } from './PageLink';
import type { Page } from '@/lib/content/pages';
import { pageHref } from '@/lib/site/routes';

/** The pages before and after the current one in the whole course, across week boundaries. */
export function PrevNext({ pages, current, labels }: { pages: Page[]; current: Page; labels: { previous: string; next: string } }) {
  const index = pages.findIndex((p) => p.week === current.week && p.slug === current.slug);
  const previous = index > 0 ? pages[index - 1] : undefined;
  const next = index >= 0 && index < pages.length - 1 ? pages[index + 1] : undefined;
  return (
    <nav className="prev-next" aria-label={`${labels.previous} / ${labels.next}`}>
      {previous ? (
        <PageLink className="prev" href={pageHref(previous.lang, previous)} rel="prev">
          <span className="prev-next-label">← {labels.previous}</span>
          <span className="prev-next-title">{previous.frontMatter.title}</span>
        </PageLink>
      ) : (
        <span />
      )}
      {next ? (
        <PageLink className="next" href={pageHref(next.lang, next)} rel="next">
          <span className="prev-next-label">{labels.next} →</span>
          <span className="prev-next-title">{next.frontMatter.title}</span>
        </PageLink>
      ) : null}
    </nav>
  );
}
