import type { Metadata } from 'next';
import type { LocalizedPage } from '@/lib/i18n/localize';
import { weekPath } from '@/lib/site/routes';
import { seoMetadata } from '@/lib/site/seo';
import { languages, messagesFor } from '../../site-data';

export function pageMetadata(page: LocalizedPage | undefined): Metadata {
  if (!page) return {};
  const { title, description } = page.frontMatter;
  return { title, description, ...seoMetadata({ lang: page.lang, path: weekPath(page.slug), title, description, siteName: messagesFor(page.lang).siteTitle, languages: languages() }) };
}
