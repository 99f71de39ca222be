import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DocPage } from '@/components/site/DocPage';
import { SOURCE_LANG } from '@/lib/content/pages';
import { languages, lessonPages, messagesFor, overviewPage } from '../../site-data';
import { pageMetadata } from './page-metadata';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  return pageMetadata(overviewPage(lang));
}

export default async function WeekOverview({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const page = overviewPage(lang);
  if (!page) notFound();
  return <DocPage page={page} pages={lessonPages(lang)} messages={messagesFor(lang)} languages={languages()} sourceLang={SOURCE_LANG} />;
}
