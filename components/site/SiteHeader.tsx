import { PageLink } from './PageLink';
import type { Messages } from '@/lib/i18n/dictionary';
import { siteTitle } from '@/lib/site/config';
import { KeyboardHints } from './KeyboardHints';
import { LanguageSwitcher } from './LanguageSwitcher';
import { SearchLauncher } from './search/SearchLauncher';
import { ThemeToggle } from './ThemeToggle';

interface SiteHeaderProps {
  lang: string;
  messages: Messages;
  languages: { code: string; name: string }[];
  headings: Record<string, Record<string, string[]>>;
}

export function SiteHeader({ lang, messages, languages, headings }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {messages.skipToContent}
      </a>
      <PageLink className="site-title" href={`/${lang}/`}>
        {siteTitle(lang)}
      </PageLink>
      <div className="site-header-tools">
        <SearchLauncher lang={lang} messages={{ ...messages.search, glossaryTitle: messages.glossaryTitle }} />
        <LanguageSwitcher current={lang} languages={languages} headings={headings} label={messages.languageSwitcher} />
        <ThemeToggle toLight={messages.themeToLight} toDark={messages.themeToDark} />
      </div>
      <KeyboardHints />
    </header>
  );
}
