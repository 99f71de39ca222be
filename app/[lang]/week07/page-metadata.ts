import type { Metadata } from 'next';
import type { Page } from '@/lib/content/pages';

export function pageMetadata(page: Page | undefined): Metadata {
  if (!page) return {};
  return { title: page.frontMatter.title, description: page.frontMatter.description };
}
