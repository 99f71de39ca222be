import Link from 'next/link';
import type { Messages } from '@/lib/i18n/dictionary';
import { ThemeToggle } from './ThemeToggle';

export function SiteHeader({ lang, messages }: { lang: string; messages: Messages }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {messages.skipToContent}
      </a>
      <Link className="site-title" href={`/${lang}/`}>
        {messages.siteTitle}
      </Link>
      <div className="site-header-tools">
        <ThemeToggle toLight={messages.themeToLight} toDark={messages.themeToDark} />
      </div>
    </header>
  );
}
