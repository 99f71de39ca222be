import type { Metadata } from 'next';
import { siteTitle } from '@/lib/site/config';
import { seoMetadata } from '@/lib/site/seo';
import { languages } from './site-data';

/** Title, description, canonical URL and social preview of a site page (not a lecture). */
export function sitePageMetadata(lang: string, path: string, title: string, description: string): Metadata {
  return { title, description, ...seoMetadata({ lang, path, title, description, siteName: siteTitle(lang), languages: languages(), kind: 'website' }) };
}
