'use client';

import { PageLink } from './PageLink';
import { usePathname } from 'next/navigation';
import { useSyncExternalStore } from 'react';

interface LanguageSwitcherProps {
  current: string;
  languages: { code: string; name: string }[];
  /** Heading ids per page (its path below the language segment) and language, in document order. */
  headings: Record<string, Record<string, string[]>>;
  label: string;
}

function subscribeHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * Links to the same page in the other languages. Translations keep the structure of their
 * source, so the n-th section of one edition is the n-th of the other: the link keeps the
 * section the reader is in even though the anchors are spelt differently.
 */
export function LanguageSwitcher({ current, languages, headings, label }: LanguageSwitcherProps) {
  const pathname = usePathname() ?? '/';
  const hash = useSyncExternalStore(subscribeHash, () => window.location.hash, () => '');
  const rest = pathname.replace(new RegExp(`^/${current}(?=/|$)`), '');
  const page = headings[rest.endsWith('/') ? rest : `${rest}/`];

  const targetHash = (lang: string): string => {
    if (!hash || !page) return '';
    const from = page[current] ?? [];
    const to = page[lang] ?? [];
    const index = from.indexOf(decodeURIComponent(hash.slice(1)));
    return index >= 0 && from.length === to.length ? `#${to[index]}` : '';
  };

  if (languages.length < 2) return null;
  return (
    <nav className="language-switcher" aria-label={label}>
      <ul>
        {languages.map((l) => (
          <li key={l.code}>
            {l.code === current ? (
              <span aria-current="true" lang={l.code}>
                <LanguageName code={l.code} name={l.name} />
              </span>
            ) : (
              <PageLink href={`/${l.code}${rest || '/'}${targetHash(l.code)}`} hrefLang={l.code} lang={l.code}>
                <LanguageName code={l.code} name={l.name} />
              </PageLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** On a phone the code (FR) is shown; the full name stays the accessible name. */
function LanguageName({ code, name }: { code: string; name: string }) {
  return (
    <>
      <span className="lang-long">{name}</span>
      <span className="lang-short" aria-hidden="true">
        {code.toUpperCase()}
      </span>
    </>
  );
}
