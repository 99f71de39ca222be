import type { AnchorHTMLAttributes } from 'react';

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/**
 * A link to another page of the notes: a plain link that loads the page's document, as the links
 * inside the notes do. Next's `<Link>` would follow it in the page with Next's router, which
 * needs the page's React payload: Next prefetches that payload for every link that scrolls into
 * view (hundreds of kilobytes a lecture, parsed on the reader's phone while the page they asked
 * for is still loading), and a lecture's payload does not carry its article (see
 * components/markdown/StaticHtml.tsx), which only the document has. The site is static and its
 * scripts are cached, so a document load costs little. `href` is a site path; the base path is
 * added here.
 */
export function PageLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  return <a href={`${basePath}${href}`} {...rest} />;
}
