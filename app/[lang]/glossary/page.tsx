import type { Metadata } from 'next';
import { Alternates } from '@/components/site/Alternates';
import { SOURCE_LANG } from '@/lib/content/pages';
import { glossaryFor, loadGlossary } from '@/lib/i18n/glossary';
import { languages, messagesFor } from '../../site-data';
import { sitePageMetadata } from '../../page-seo';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const m = messagesFor(lang);
  return sitePageMetadata(lang, '/glossary/', m.glossaryTitle, m.glossaryIntro);
}

export default async function Glossary({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const m = messagesFor(lang);
  const langs = languages();
  const rows = glossaryFor(loadGlossary(), lang, langs);
  return (
    <main id="main" className="index-main prose" tabIndex={-1} data-pagefind-body>
      <Alternates languages={langs} path="/glossary/" defaultLang={SOURCE_LANG} />
      <h1>{m.glossaryTitle}</h1>
      <p className="lead">{m.glossaryIntro}</p>
      <div className="table-scroll">
        <table className="glossary">
          <thead>
            <tr>
              <th scope="col">{m.glossaryTerm}</th>
              {langs
                .filter((l) => l !== lang)
                .map((l) => (
                  <th scope="col" key={l}>
                    {messagesFor(l).languageName}
                  </th>
                ))}
              <th scope="col">{m.glossaryDefinition}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.term}>
                <th scope="row">{r.term}</th>
                {r.others.map((o) => (
                  <td key={o.lang} lang={o.lang}>
                    {o.term}
                  </td>
                ))}
                <td>{r.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </main>
  );
}
