import type { Metadata } from 'next';
import type { LocalizedPage } from '@/lib/i18n/localize';

export function pageMetadata(page: LocalizedPage | undefined): Metadata {
  if (!page) return {};
  return { title: page.frontMatter.title, description: page.frontMatter.description };
}
