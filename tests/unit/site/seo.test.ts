import { describe, expect, it } from 'vitest';
import { publicHref, seoMetadata, siteUrl, socialImagePath } from '@/lib/site/seo';

const page = { lang: 'fr', path: '/week07/07-1/', title: 'Modèles à base d’énergie', description: 'Une phrase.', siteName: 'Notes', languages: ['en', 'fr'] };

describe('site URL', () => {
  it('comes from NEXT_PUBLIC_SITE_URL, without a trailing slash, and must be http(s)', () => {
    expect(siteUrl({ NEXT_PUBLIC_SITE_URL: 'https://notes.example.org/' })).toBe('https://notes.example.org');
    expect(siteUrl({})).toBeUndefined();
    expect(() => siteUrl({ NEXT_PUBLIC_SITE_URL: 'ftp://x' })).toThrow(/http/);
  });

  it('makes site paths absolute, with the base path', () => {
    const env = { NEXT_PUBLIC_SITE_URL: 'https://host.org', NEXT_PUBLIC_BASE_PATH: '/week07' };
    expect(publicHref('/en/week07/', env)).toBe('https://host.org/week07/en/week07/');
    expect(publicHref('/en/week07/', { NEXT_PUBLIC_BASE_PATH: '/week07' })).toBe('/week07/en/week07/');
  });
});

describe('seoMetadata', () => {
  it('gives the canonical URL, Open Graph and a large preview image when the site URL is known', () => {
    const meta = seoMetadata(page, { NEXT_PUBLIC_SITE_URL: 'https://host.org' });
    expect(meta.alternates?.canonical).toBe('https://host.org/fr/week07/07-1/');
    expect(meta.openGraph).toMatchObject({ type: 'article', locale: 'fr', alternateLocale: ['en'], url: 'https://host.org/fr/week07/07-1/' });
    expect(meta.openGraph.images?.[0]).toMatchObject({ url: 'https://host.org/og/fr/week07/07-1.png', width: 1200, height: 630 });
    expect(meta.twitter.card).toBe('summary_large_image');
  });

  it('leaves out every relative-only URL without it', () => {
    const meta = seoMetadata(page, {});
    expect(meta.alternates).toBeUndefined();
    expect(meta.openGraph.url).toBeUndefined();
    expect(meta.openGraph.images).toBeUndefined();
    expect(meta.twitter.card).toBe('summary');
    expect(meta.openGraph.title).toBe(page.title);
  });

  it('names the preview image after the page', () => {
    expect(socialImagePath('/en/')).toBe('/og/en.png');
    expect(socialImagePath('/en/week07/07-2/')).toBe('/og/en/week07/07-2.png');
  });
});
