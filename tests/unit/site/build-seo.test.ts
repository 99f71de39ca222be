import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without type declarations
import { readPage, sitemapXml, socialCardSvg } from '../../../scripts/build-seo.mjs';

const html =
  '<!DOCTYPE html><html lang="fr"><head><title>T · Notes</title><meta property="og:title" content="Modèles &amp; énergie"/>' +
  '<meta property="og:description" content="Une phrase."/><meta property="og:site_name" content="Notes"/>' +
  '<link rel="canonical" href="https://h.org/fr/week07/07-1/"/></head><body>' +
  '<link rel="alternate" hrefLang="en" href="https://h.org/en/week07/07-1/"/><link rel="alternate" hrefLang="fr" href="https://h.org/fr/week07/07-1/"/></body></html>';

describe('build-seo', () => {
  it('reads what the sitemap and the preview need from a built page', () => {
    const page = readPage(html);
    expect(page).toMatchObject({ lang: 'fr', title: 'Modèles & énergie', description: 'Une phrase.', siteName: 'Notes', canonical: 'https://h.org/fr/week07/07-1/' });
    expect(page.alternates).toEqual([
      { lang: 'en', href: 'https://h.org/en/week07/07-1/' },
      { lang: 'fr', href: 'https://h.org/fr/week07/07-1/' },
    ]);
  });

  it('writes every page with its alternates into the sitemap', () => {
    const page = readPage(html);
    const xml = sitemapXml([{ loc: page.canonical, alternates: page.alternates }]);
    expect(xml).toContain('<loc>https://h.org/fr/week07/07-1/</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="en" href="https://h.org/en/week07/07-1/"/>');
  });

  it('escapes the page text in the preview card', () => {
    expect(socialCardSvg({ title: 'A <b> & c', description: 'd', siteName: 's', lang: 'en' })).toContain('A &lt;b&gt; &amp; c');
  });
});
