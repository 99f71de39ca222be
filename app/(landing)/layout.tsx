import '../globals.css';
import type { Metadata, Viewport } from 'next';
import { siteIcon } from '@/components/site/icon';
import { themeInitScript } from '@/components/site/theme-script';

export const metadata: Metadata = {
  title: 'Week 7 notes: energy-based models and autoencoders',
  description:
    'Interactive course notes on energy-based models, self-supervised learning, contrastive methods and autoencoders, with demos that train in the browser.',
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
