const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/**
 * hreflang alternates of a page: React hoists these <link> elements into <head>. `x-default`
 * is the source-language edition.
 */
export function Alternates({ languages, path, defaultLang }: { languages: string[]; path: string; defaultLang: string }) {
  return (
    <>
      {languages.map((lang) => (
        <link key={lang} rel="alternate" hrefLang={lang} href={`${basePath}/${lang}${path}`} />
      ))}
      <link rel="alternate" hrefLang="x-default" href={`${basePath}/${defaultLang}${path}`} />
    </>
  );
}
