import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocPage } from '@/components/site/DocPage';
import { SOURCE_LANG } from '@/lib/content/pages';
import { courseWeeks, findWeek, languages, messagesFor } from '../../site-data';
import { pageMetadata } from './page-metadata';

export const dynamicParams = false;

/** One overview per week folder, in every language (an untranslated week shows its source). */
export function generateStaticParams() {
  return languages().flatMap((lang) => courseWeeks(lang).map((w) => ({ lang, week: w.id })));
}

type Params = Promise<{ lang: string; week: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, week } = await params;
  return pageMetadata(findWeek(lang, week)?.overview);
}

export default async function WeekOverview({ params }: { params: Params }) {
  const { lang, week } = await params;
  const page = findWeek(lang, week)?.overview;
  if (!page) notFound();
  return <DocPage page={page} weeks={courseWeeks(lang)} messages={messagesFor(lang)} languages={languages()} sourceLang={SOURCE_LANG} />;
}
