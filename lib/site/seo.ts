type Env = Record<string, string | undefined>;

/**
 * The site's public address (scheme and host, plus any path before the base path), from
 * NEXT_PUBLIC_SITE_URL; undefined when unset. Canonical and hreflang URLs, the sitemap and the
 * preview images must be absolute, so without it they are left out (the build says so).
 */
export function siteUrl(env: Env = process.env): string | undefined {
  const raw = env.NEXT_PUBLIC_SITE_URL?.trim();
  if (!raw) return undefined;
  const url = new URL(raw);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`NEXT_PUBLIC_SITE_URL must be an http(s) address, not ${raw}`);
  return url.href.replace(/\/$/, '');
}

function basePath(env: Env): string {
  return (env.NEXT_PUBLIC_BASE_PATH ?? '').replace(/\/$/, '');
}

/** A site path (e.g. `/en/week07/`) as an absolute URL when the site URL is known, else with the base path. */
export function publicHref(sitePath: string, env: Env = process.env): string {
  return `${siteUrl(env) ?? ''}${basePath(env)}${sitePath}`;
}

/** Site path of the preview image made for a page at `sitePath` (see scripts/build-seo.mjs). */
export function socialImagePath(sitePath: string): string {
  const trimmed = sitePath.replace(/\/$/, '');
  return `/og${trimmed || '/index'}.png`;
}

export const SOCIAL_IMAGE = { width: 1200, height: 630 };

interface SocialImage {
  url: string;
  width: number;
  height: number;
  alt: string;
}

/** The part of Next's Metadata this module fills (lib/ does not import Next). */
export interface SeoMetadata {
  alternates?: { canonical: string };
  openGraph: {
    type: 'article' | 'website';
    title: string;
    description: string;
    siteName: string;
    locale: string;
    alternateLocale: string[];
    url?: string;
    images?: SocialImage[];
  };
  twitter: { card: 'summary' | 'summary_large_image'; title: string; description: string; images?: string[] };
}

export interface PageSeo {
  lang: string;
  /** Path below the language segment, e.g. `/week07/07-1/` or `/`. */
  path: string;
  title: string;
  description: string;
  siteName: string;
  /** Every language of the site. */
  languages: string[];
  kind?: 'article' | 'website';
}

/**
 * Canonical URL and social preview (Open Graph, Twitter card) of a page, for a route's
 * generateMetadata. Only absolute URLs are emitted: without NEXT_PUBLIC_SITE_URL there is no
 * canonical link, og:url or preview image (the build's SEO step reports it).
 */
export function seoMetadata(page: PageSeo, env: Env = process.env): SeoMetadata {
  const sitePath = `/${page.lang}${page.path}`;
  const absolute = siteUrl(env) !== undefined;
  const image: SocialImage[] | undefined = absolute ? [{ url: publicHref(socialImagePath(sitePath), env), ...SOCIAL_IMAGE, alt: page.title }] : undefined;
  return {
    ...(absolute ? { alternates: { canonical: publicHref(sitePath, env) } } : {}),
    openGraph: {
      type: page.kind ?? 'article',
      title: page.title,
      description: page.description,
      siteName: page.siteName,
      locale: page.lang,
      alternateLocale: page.languages.filter((l) => l !== page.lang),
      ...(absolute ? { url: publicHref(sitePath, env) } : {}),
      ...(image ? { images: image } : {}),
    },
    twitter: {
      card: image ? 'summary_large_image' : 'summary',
      title: page.title,
      description: page.description,
      ...(image ? { images: image.map((i) => i.url) } : {}),
    },
  };
}
