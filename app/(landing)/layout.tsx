import '../globals.css';
import type { Metadata, Viewport } from 'next';
import { siteIcon } from '@/components/site/icon';
import { themeInitScript } from '@/components/site/theme-script';
import { messagesFor } from '@/lib/i18n/dictionary';
import { siteTitle } from '@/lib/site/config';

export const metadata: Metadata = {
  title: siteTitle('en'),
  description: messagesFor('en').siteTagline,
  icons: { icon: siteIcon },
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function LandingLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body>{children}</body>
    </html>
  );
}
