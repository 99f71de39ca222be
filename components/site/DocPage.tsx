import Link from 'next/link';
import type { Messages } from '@/lib/i18n/dictionary';
import { formatDate } from '@/lib/i18n/format';
import type { LocalizedPage } from '@/lib/i18n/localize';
import { fill } from '@/lib/i18n/template';
import { editHref, pageHref, repositoryHref, weekPath } from '@/lib/site/routes';
import { Markdown } from '../markdown/Markdown';
import { Alternates } from './Alternates';
import { PrevNext } from './PrevNext';
import { ScrollableRegions } from './ScrollableRegions';
import { Sidebar } from './Sidebar';
import { TableOfContents } from './TableOfContents';

interface DocPageProps {
  page: LocalizedPage;
  pages: LocalizedPage[];
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
          <Link href={pageHref(sourceLang, page.slug)} hrefLang={sourceLang}>
            {messages.notices.readSource}
          </Link>
        </p>
      </aside>
    );
  }
  return null;
}

/** One lecture page: week navigation, the article, its contents, previous/next. */
export function DocPage({ page, pages, messages, languages, sourceLang }: DocPageProps) {
  const fm = page.frontMatter;
  const nav = (label: string) => (
    <>
      <Sidebar pages={pages} current={page.slug} label={label} />
      <p className="sidebar-more">
        <Link href={`/${page.lang}/glossary/`}>{messages.glossaryTitle}</Link>
        {languages.length > 1 ? (
          <>
            {' · '}
            <Link href={`/${page.lang}/translations/`}>{messages.statusTitle}</Link>
          </>
        ) : null}
      </p>
    </>
  );
  return (
    <div className="doc-layout">
      <Alternates languages={languages} path={weekPath(page.slug)} defaultLang={sourceLang} />
      <details className="sidebar-mobile">
        <summary>{messages.pagesNav}</summary>
        {nav(`${messages.pagesNav} (${messages.menu})`)}
      </details>
      <aside className="sidebar-column">{nav(messages.pagesNav)}</aside>
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
