import { PageLink } from './PageLink';
import type { Week } from '@/lib/content/weeks';
import type { Messages } from '@/lib/i18n/dictionary';
import { formatDate } from '@/lib/i18n/format';
import type { LocalizedPage } from '@/lib/i18n/localize';
import { fill } from '@/lib/i18n/template';
import { editHref, pageHref, pagePath, repositoryHref } from '@/lib/site/routes';
import { Markdown } from '../markdown/Markdown';
import { Alternates } from './Alternates';
import { FragmentAnchor } from './FragmentAnchor';
import { PrevNext } from './PrevNext';
import { ScrollableRegions } from './ScrollableRegions';
import { Sidebar } from './Sidebar';
import { TableOfContents } from './TableOfContents';

interface DocPageProps {
  page: LocalizedPage;
  /** The whole course in this language: the sidebar shows the page's week, prev/next cross weeks. */
  weeks: Week<LocalizedPage>[];
  messages: Messages;
  languages: string[];
  sourceLang: string;
}

function TranslationNotice({ page, messages, sourceLang }: { page: LocalizedPage; messages: Messages; sourceLang: string }) {
  if (page.state === 'missing') {
    return (
      <aside className="notice" role="note" data-notice="missing">
        <p>
          {fill(messages.notices.missing, { language: messages.languageName })}{' '}
          <a href={repositoryHref('CONTRIBUTING.md#translating')}>{messages.notices.helpTranslate}</a>
        </p>
      </aside>
    );
  }
  if (page.state === 'outdated') {
    return (
      <aside className="notice" role="note" data-notice="outdated">
        <p>
          {messages.notices.outdated}{' '}
          <PageLink href={pageHref(sourceLang, page)} hrefLang={sourceLang}>
            {messages.notices.readSource}
          </PageLink>
        </p>
      </aside>
    );
  }
  return null;
}

/** One lecture page: week navigation, the article, its contents, previous/next. */
export function DocPage({ page, weeks, messages, languages, sourceLang }: DocPageProps) {
  const fm = page.frontMatter;
  const coursePages = weeks.flatMap((w) => w.pages);
  const nav = (label: string, id: string) => (
    <>
      <Sidebar weeks={weeks} current={page} label={label} otherWeeksLabel={messages.otherWeeks} id={id} />
      <p className="sidebar-more">
        <PageLink href={`/${page.lang}/glossary/`}>{messages.glossaryTitle}</PageLink>
        {languages.length > 1 ? (
          <>
            {' · '}
            <PageLink href={`/${page.lang}/translations/`}>{messages.statusTitle}</PageLink>
          </>
        ) : null}
      </p>
    </>
  );
  return (
    <div className="doc-layout">
      <Alternates languages={languages} path={pagePath(page)} defaultLang={sourceLang} />
      <details className="sidebar-mobile">
        <summary>{messages.pagesNav}</summary>
        {nav(`${messages.pagesNav} (${messages.menu})`, 'sidebar-mobile')}
      </details>
      <aside className="sidebar-column">{nav(messages.pagesNav, 'sidebar-column')}</aside>
      <main id="main" className="doc-main" tabIndex={-1}>
        <TranslationNotice page={page} messages={messages} sourceLang={sourceLang} />
        <article className="prose" lang={page.contentLang} data-pagefind-body>
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
          <PrevNext pages={coursePages} current={page} labels={{ previous: messages.previous, next: messages.next }} />
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
      <FragmentAnchor />
    </div>
  );
}
