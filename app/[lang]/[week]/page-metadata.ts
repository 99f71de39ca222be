import type { Metadata } from 'next';
import type { LocalizedPage } from '@/lib/i18n/localize';
import { siteTitle } from '@/lib/site/config';
import { pagePath } from '@/lib/site/routes';
import { seoMetadata } from '@/lib/site/seo';
import { languages } from '../../site-data';

export function pageMetadata(page: LocalizedPage | undefined): Metadata {
  if (!page) return {};
  const { title, description } = page.frontMatter;
  return { title, description, ...seoMetadata({ lang: page.lang, path: pagePath(page), title, description, siteName: siteTitle(page.lang), languages: languages() }) };
}
