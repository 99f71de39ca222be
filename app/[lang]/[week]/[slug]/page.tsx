import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocPage } from '@/components/site/DocPage';
import { SOURCE_LANG } from '@/lib/content/pages';
import { isOverview } from '@/lib/content/weeks';
import { courseWeeks, findPage, languages, messagesFor } from '../../../site-data';
import { pageMetadata } from '../page-metadata';

export const dynamicParams = false;

/** Every page but the overviews (those live at the week's own address). */
export function generateStaticParams() {
  return languages().flatMap((lang) =>
    courseWeeks(lang).flatMap((w) => w.pages.filter((p) => !isOverview(p)).map((p) => ({ lang, week: w.id, slug: p.slug }))),
  );
}

type Params = Promise<{ lang: string; week: string; slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, week, slug } = await params;
  return pageMetadata(findPage(lang, week, slug));
}

export default async function LecturePage({ params }: { params: Params }) {
  const { lang, week, slug } = await params;
  const page = findPage(lang, week, slug);
  if (!page || isOverview(page)) notFound();
  return <DocPage page={page} weeks={courseWeeks(lang)} messages={messagesFor(lang)} languages={languages()} sourceLang={SOURCE_LANG} />;
}
