import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocPage } from '@/components/site/DocPage';
import { INDEX_SLUG, SOURCE_LANG } from '@/lib/content/pages';
import { findPage, languages, lessonPages, messagesFor } from '../../../site-data';
import { pageMetadata } from '../page-metadata';

export const dynamicParams = false;

export function generateStaticParams() {
  return languages().flatMap((lang) =>
    lessonPages(lang)
      .filter((p) => p.slug !== INDEX_SLUG)
      .map((p) => ({ lang, slug: p.slug })),
  );
}

type Params = Promise<{ lang: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, slug } = await params;
  return pageMetadata(findPage(lang, slug));
}

export default async function LecturePage({ params }: { params: Params }) {
  const { lang, slug } = await params;
  const page = findPage(lang, slug);
  if (!page || slug === INDEX_SLUG) notFound();
  return <DocPage page={page} pages={lessonPages(lang)} messages={messagesFor(lang)} languages={languages()} sourceLang={SOURCE_LANG} />;
}
