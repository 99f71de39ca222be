import type { Metadata } from 'next';
import { PageLink } from '@/components/site/PageLink';
import { Alternates } from '@/components/site/Alternates';
import { SOURCE_LANG } from '@/lib/content/pages';
import { pageHref, playlistPath } from '@/lib/site/routes';
import { courseWeeks, languages, messagesFor, weekDemos } from '../site-data';
import { sitePageMetadata } from '../page-seo';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const m = messagesFor(lang);
  return sitePageMetadata(lang, '/', m.courseIndexTitle, m.courseIndexIntro);
}

/** Every week of the course, titled by its overview page, with its pages and its playlist. */
export default async function CourseIndex({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const m = messagesFor(lang);
  return (
    <main id="main" className="index-main" tabIndex={-1}>
      <Alternates languages={languages()} path="/" defaultLang={SOURCE_LANG} />
      <h1>{m.courseIndexTitle}</h1>
      <p className="lead">{m.courseIndexIntro}</p>
      <ol className="course-weeks">
        {courseWeeks(lang).map((week) => (
          <li key={week.id}>
            <section aria-labelledby={`${week.id}-heading`} className="week-card" data-week={week.id}>
              <h2 id={`${week.id}-heading`}>
                <PageLink href={pageHref(lang, week.overview)}>{week.overview.frontMatter.title}</PageLink>
              </h2>
              <ol className="week-pages">
                {week.pages.map((p) => (
                  <li key={p.slug}>
                    <PageLink href={pageHref(lang, p)}>{p.frontMatter.title}</PageLink>
                    <p>{p.frontMatter.description}</p>
                  </li>
                ))}
              </ol>
              {weekDemos(week).length > 0 ? (
                <p>
                  <PageLink href={`/${lang}${playlistPath(week.id)}`}>{m.present.title}</PageLink>
                </p>
              ) : null}
            </section>
          </li>
        ))}
      </ol>
      <p>
        <PageLink href={`/${lang}/glossary/`}>{m.glossaryTitle}</PageLink>
        {languages().length > 1 ? (
          <>
            {' · '}
            <PageLink href={`/${lang}/translations/`}>{m.statusTitle}</PageLink>
          </>
        ) : null}
      </p>
    </main>
  );
}
