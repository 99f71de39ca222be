import type { Metadata } from 'next';
import { seoMetadata } from '@/lib/site/seo';
import { languages, messagesFor } from './site-data';

/** Title, description, canonical URL and social preview of a site page (not a lecture). */
export function sitePageMetadata(lang: string, path: string, title: string, description: string): Metadata {
  return { title, description, ...seoMetadata({ lang, path, title, description, siteName: messagesFor(lang).siteTitle, languages: languages(), kind: 'website' }) };
}
