import type { Metadata } from 'next';
import { PageLink } from '@/components/site/PageLink';
import { Alternates } from '@/components/site/Alternates';
import { getPages, SOURCE_LANG } from '@/lib/content/pages';
import { translationStatus } from '@/lib/i18n/status';
import { pageHref } from '@/lib/site/routes';
import { languages, messagesFor } from '../../site-data';
import { sitePageMetadata } from '../../page-seo';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const m = messagesFor(lang);
  return sitePageMetadata(lang, '/translations/', m.statusTitle, m.statusIntro);
}

/** The same table as `npm run i18n:status`, for translators who do not use a terminal. */
export default async function TranslationStatus({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const m = messagesFor(lang);
  const langs = languages();
  const translations = Object.fromEntries(langs.filter((l) => l !== SOURCE_LANG).map((l) => [l, getPages(l)]));
  const rows = translationStatus(getPages(SOURCE_LANG), translations);
  const stateName = { translated: m.stateTranslated, outdated: m.stateOutdated, missing: m.stateMissing };
  return (
    <main id="main" className="index-main prose" tabIndex={-1}>
      <Alternates languages={langs} path="/translations/" defaultLang={SOURCE_LANG} />
      <h1>{m.statusTitle}</h1>
      <p className="lead">{m.statusIntro}</p>
      <div className="table-scroll">
        <table className="translation-status">
          <thead>
            <tr>
              <th scope="col">{m.statusLanguage}</th>
              <th scope="col">{m.statusPage}</th>
              <th scope="col">{m.statusState}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.lang}-${r.langRef}`} data-state={r.state} data-lang={r.lang}>
                <td>{messagesFor(r.lang).languageName}</td>
                <td>
                  <PageLink href={pageHref(r.lang, r)}>{r.title}</PageLink> <code>{r.langRef}</code>
                </td>
                <td>
                  <span className={`state state-${r.state}`}>{stateName[r.state]}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
