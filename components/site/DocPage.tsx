import type { Page } from '@/lib/content/pages';
import type { Messages } from '@/lib/i18n/dictionary';
import { formatDate } from '@/lib/i18n/format';
import { editHref } from '@/lib/site/routes';
import { Markdown } from '../markdown/Markdown';
import { PrevNext } from './PrevNext';
import { ScrollableRegions } from './ScrollableRegions';
import { Sidebar } from './Sidebar';
import { TableOfContents } from './TableOfContents';

/** One lecture page: week navigation, the article, its contents, previous/next. */
export function DocPage({ page, pages, messages }: { page: Page; pages: Page[]; messages: Messages }) {
  const fm = page.frontMatter;
  return (
    <div className="doc-layout">
      <details className="sidebar-mobile">
        <summary>{messages.pagesNav}</summary>
        <Sidebar pages={pages} current={page.slug} label={`${messages.pagesNav} (${messages.menu})`} />
      </details>
      <aside className="sidebar-column">
        <Sidebar pages={pages} current={page.slug} label={messages.pagesNav} />
      </aside>
      <main id="main" className="doc-main" tabIndex={-1}>
        <article className="prose" lang={page.lang}>
          <header className="doc-header">
            <h1>{fm.title}</h1>
            <dl className="doc-meta">
              {fm.lecturer ? (
                <div>
                  <dt>{messages.lecturer}</dt>
                  <dd>{fm.lecturer}</dd>
                </div>
              ) : null}
              <div>
                <dt>{messages.date}</dt>
                <dd>
                  <time dateTime={fm.date}>{formatDate(page.lang, fm.date)}</time>
                </dd>
              </div>
              <div>
                <dt>{messages.authors}</dt>
                <dd>{fm.authors.join(', ')}</dd>
              </div>
            </dl>
          </header>
          <Markdown tree={page.rendered.hast} lang={page.lang} messages={messages} />
        </article>
        <footer className="doc-footer">
          <PrevNext pages={pages} current={page.slug} labels={{ previous: messages.previous, next: messages.next }} />
          <p>
            <a className="edit-link" href={editHref(page.file)}>
              {messages.editThisPage}
            </a>
          </p>
        </footer>
      </main>
      <aside className="toc-column">
        <TableOfContents entries={page.rendered.toc} title={messages.onThisPage} />
      </aside>
      <ScrollableRegions equationLabel={messages.scrollableEquation} />
    </div>
  );
}
