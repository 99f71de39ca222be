import { publicHref } from '@/lib/site/seo';

/**
 * hreflang alternates of a page: React hoists these <link> elements into <head>. `x-default`
 * is the source-language edition. Absolute when NEXT_PUBLIC_SITE_URL is set (as search engines
 * require), else relative to the host.
 */
export function Alternates({ languages, path, defaultLang }: { languages: string[]; path: string; defaultLang: string }) {
  return (
    <>
      {languages.map((lang) => (
        <link key={lang} rel="alternate" hrefLang={lang} href={publicHref(`/${lang}${path}`)} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={publicHref(`/${defaultLang}${path}`)} />
    </>
  );
}
