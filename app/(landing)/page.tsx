import { PageLink } from '@/components/site/PageLink';
import { ThemeToggle } from '@/components/site/ThemeToggle';
import { siteTitle } from '@/lib/site/config';
import { languageHref, pageHref } from '@/lib/site/routes';
import { courseWeeks, languages, messagesFor } from '../site-data';

/** The one page outside any language: it introduces the course and offers every language. */
export default function Landing() {
  const langs = languages();
  const en = messagesFor('en');
  return (
    <>
      <header className="site-header">
        <a className="skip-link" href="#main">
          {en.skipToContent}
        </a>
        <span className="site-title">{siteTitle('en')}</span>
        <div className="site-header-tools">
          <ThemeToggle toLight={en.themeToLight} toDark={en.themeToDark} />
        </div>
      </header>
      <main id="main" className="landing" tabIndex={-1}>
        <h1>{siteTitle('en')}</h1>
        <p className="lead">{en.siteTagline}</p>
        <p>
          Course notes with live figures. Every formula is typeset in the page, and the figures are small experiments:
          change a parameter, press play, and the model trains right here, on your own machine.
        </p>
        <h2>Choose a language</h2>
        <ul className="language-cards">
          {langs.map((lang) => {
            const m = messagesFor(lang);
            const weeks = courseWeeks(lang);
            return (
              <li key={lang} lang={lang}>
                <PageLink href={languageHref(lang)} hrefLang={lang}>
                  {m.languageName}
                </PageLink>
                <ul>
                  {weeks.map((w) => (
                    <li key={w.id}>
                      <PageLink href={pageHref(lang, w.overview)} hrefLang={lang}>
                        {w.overview.frontMatter.title}
                      </PageLink>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      </main>
    </>
  );
}
