import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Alternates } from '@/components/site/Alternates';
import { Playlist } from '@/components/present/Playlist';
import { SOURCE_LANG } from '@/lib/content/pages';
import { playlistOpeningScript, playlistOpeningStyle } from '@/lib/demos/playlist-opening';
import { pageHref, playlistPath } from '@/lib/site/routes';
import { courseWeeks, findWeek, languages, messagesFor, weekDemos } from '../../../site-data';
import { sitePageMetadata } from '../../../page-seo';

export const dynamicParams = false;

/** A playlist for every week that has demos. */
export function generateStaticParams() {
  return languages().flatMap((lang) =>
    courseWeeks(lang)
      .filter((w) => weekDemos(w).length > 0)
      .map((w) => ({ lang, week: w.id })),
  );
}

type Params = Promise<{ lang: string; week: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { lang, week } = await params;
  const m = messagesFor(lang);
  const title = findWeek(lang, week)?.overview.frontMatter.title;
  return sitePageMetadata(lang, playlistPath(week), title ? `${m.present.title} · ${title}` : m.present.title, m.present.description);
}

export default async function LecturePlaylist({ params }: { params: Params }) {
  const { lang, week } = await params;
  const found = findWeek(lang, week);
  if (!found) notFound();
  const demos = weekDemos(found).map(({ id, page }) => ({ id, notes: pageHref(lang, page) }));
  const ids = demos.map((d) => d.id);
  return (
    <main id="main" className="playlist-main" tabIndex={-1}>
      {/* React puts a style with a precedence in <head>; the script runs before the playlist's
          markup is parsed: a link's demo is the first one painted, in lecture-hall type. */}
      <style href="playlist-opening" precedence="playlist">
        {playlistOpeningStyle(ids)}
      </style>
      <script dangerouslySetInnerHTML={{ __html: playlistOpeningScript(ids) }} />
      <Alternates languages={languages()} path={playlistPath(week)} defaultLang={SOURCE_LANG} />
      <Playlist lang={lang} messages={messagesFor(lang)} demos={demos} />
    </main>
  );
}
