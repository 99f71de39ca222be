import './globals.css';
import type { Metadata } from 'next';
import { siteIcon } from '@/components/site/icon';
import { themeInitScript } from '@/components/site/theme-script';
import { siteTitle } from '@/lib/site/config';

export const metadata: Metadata = {
  title: `Page not found · ${siteTitle('en')}`,
  description: 'There is no page at this address.',
  icons: { icon: siteIcon },
};

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** Served for any unknown address; static hosts use out/404.html. */
export default function GlobalNotFound() {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeInitScript }} />
      </head>
      <body>
        <main id="main" className="landing not-found">
          <h1>Page not found</h1>
          <p>There is no page at this address. The notes start from the home page.</p>
          <p>
            <a href={`${basePath}/`}>Go to the home page</a>
          </p>
        </main>
      </body>
    </html>
  );
}
