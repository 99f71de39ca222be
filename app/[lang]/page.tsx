import type { Metadata } from 'next';
import Link from 'next/link';
import { Alternates } from '@/components/site/Alternates';
import { SOURCE_LANG } from '@/lib/content/pages';
import { pageHref } from '@/lib/site/routes';
import { languages, lessonPages, messagesFor } from '../site-data';
import { sitePageMetadata } from '../page-seo';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const m = messagesFor(lang);
  return sitePageMetadata(lang, '/', m.courseIndexTitle, m.courseIndexIntro);
}

export default async function CourseIndex({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const m = messagesFor(lang);
  const pages = lessonPages(lang);
  return (
    <main id="main" className="index-main" tabIndex={-1}>
      <Alternates languages={languages()} path="/" defaultLang={SOURCE_LANG} />
      <h1>{m.courseIndexTitle}</h1>
      <p className="lead">{m.courseIndexIntro}</p>
      <section aria-labelledby="week07-heading" className="week-card">
        <h2 id="week07-heading">{m.weekTitle}</h2>
        <ol className="week-pages">
          {pages.map((p) => (
            <li key={p.slug}>
              <Link href={pageHref(lang, p.slug)}>{p.frontMatter.title}</Link>
              <p>{p.frontMatter.description}</p>
            </li>
          ))}
        </ol>
      </section>
      <p>
        <Link href={`/${lang}/glossary/`}>{m.glossaryTitle}</Link>
        {languages().length > 1 ? (
          <>
            {' · '}
            <Link href={`/${lang}/translations/`}>{m.statusTitle}</Link>
          </>
        ) : null}
      </p>
    </main>
  );
}
