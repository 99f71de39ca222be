import type { Metadata } from 'next';
import { Alternates } from '@/components/site/Alternates';
import { Playlist } from '@/components/present/Playlist';
import { SOURCE_LANG } from '@/lib/content/pages';
import { demoRegistry, type DemoId } from '@/lib/demos/registry';
import { languages, lessonPages, messagesFor } from '../../../site-data';
import { sitePageMetadata } from '../../../page-seo';

export async function generateMetadata({ params }: { params: Promise<{ lang: string }> }): Promise<Metadata> {
  const { lang } = await params;
  const m = messagesFor(lang);
  return sitePageMetadata(lang, '/week07/present/', m.present.title, m.present.description);
}

export default async function LecturePlaylist({ params }: { params: Promise<{ lang: string }> }) {
  const { lang } = await params;
  const messages = messagesFor(lang);
  const slugByRef = new Map(lessonPages(lang).map((p) => [p.frontMatter['lang-ref'], p.slug]));
  const pageOf = Object.fromEntries(
    Object.entries(demoRegistry).map(([id, d]) => [id, slugByRef.get(d.page) ?? '']),
  ) as Record<DemoId, string>;
  return (
    <main id="main" className="playlist-main" tabIndex={-1}>
      <Alternates languages={languages()} path="/week07/present/" defaultLang={SOURCE_LANG} />
      <Playlist lang={lang} messages={messages} pageOf={pageOf} />
    </main>
  );
}
