import 'katex/dist/katex.min.css';
import '../globals.css';
import type { Metadata, Viewport } from 'next';
import { OfflineStatus } from '@/components/offline/OfflineStatus';
import { SiteHeader } from '@/components/site/SiteHeader';
import { siteIcon } from '@/components/site/icon';
import { themeInitScript } from '@/components/site/theme-script';
import { siteTitle } from '@/lib/site/config';
import { headingIds, languages, messagesFor } from '../site-data';

export const dynamicParams = false;

export function generateStaticParams() {
  return languages().map((lang) => ({ lang }));
}

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const m = messagesFor(lang);
  const title = siteTitle(lang);
  return { title: { default: title, template: `%s · ${title}` }, description: m.siteTagline, icons: { icon: siteIcon } };
}

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#15171c' },
  ],
};

/** Root layout of a language: <html lang> must be right before any script runs. */
export default async function LanguageLayout({ children, params }: { children: React.ReactNode; params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const messages = messagesFor(lang);
  return (
    <html lang={lang} suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body>
        <SiteHeader
          lang={lang}
          messages={messages}
          languages={languages().map((code) => ({ code, name: messagesFor(code).languageName }))}
          headings={headingIds()}
        />
        {children}
        <OfflineStatus messages={messages.platform} />
      </body>
    </html>
  );
}
