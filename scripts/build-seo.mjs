// After `next build`: what search engines and link previews read besides the pages.
// - sitemap.xml: every page in every language, with its hreflang alternates (read from the
//   built pages, so it always matches them);
// - robots.txt (pointing at the sitemap);
// - a preview image (1200×630 PNG, drawn as SVG and rendered with resvg) per page, at the
//   address the page's og:image names (lib/site/seo.ts, socialImagePath).
// Absolute URLs need NEXT_PUBLIC_SITE_URL; without it this says what it left out.
import path from 'node:path';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const outDir = path.resolve(process.env.NEXT_DIST_DIR ?? 'out');
const basePath = (process.env.NEXT_PUBLIC_BASE_PATH ?? '').replace(/\/$/, '');
const siteUrl = process.env.NEXT_PUBLIC_SITE_URL?.trim().replace(/\/$/, '') || undefined;

const SKIP = new Set(['_next', '_not-found', '404', 'pagefind', 'og', 'tfjs', 'data', 'figures']);

/** Site paths of the exported pages (`/`, `/en/`, `/en/week07/07-1/`, …). */
export function exportedPages(dir) {
  const pages = existsSync(path.join(dir, 'index.html')) ? ['/'] : [];
  const walk = (folder, prefix) => {
    for (const entry of readdirSync(folder).sort()) {
      const full = path.join(folder, entry);
      if (!statSync(full).isDirectory() || (prefix === '/' && SKIP.has(entry))) continue;
      if (existsSync(path.join(full, 'index.html'))) pages.push(`${prefix}${entry}/`);
      walk(full, `${prefix}${entry}/`);
    }
  };
  walk(dir, '/');
  return pages;
}

const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
const escapeXml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What the sitemap and the preview image need from a built page. */
export function readPage(html) {
  const meta = (property) => {
    const m = new RegExp(`<meta (?:property|name)="${property}" content="([^"]*)"`).exec(html);
    return m ? decode(m[1]) : undefined;
  };
  const alternates = [...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/gi)].map((m) => ({ lang: m[1], href: decode(m[2]) }));
  return {
    lang: /<html lang="([^"]+)"/.exec(html)?.[1] ?? 'en',
    title: meta('og:title') ?? decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? ''),
    description: meta('og:description') ?? meta('description') ?? '',
    siteName: meta('og:site_name') ?? '',
    canonical: /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1],
    image: meta('og:image'),
    alternates,
  };
}

export function sitemapXml(entries) {
  const urls = entries.map(({ loc, alternates }) =>
    [`  <url>`, `    <loc>${escapeXml(loc)}</loc>`, ...alternates.map((a) => `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.lang)}" href="${escapeXml(a.href)}"/>`), `  </url>`].join('\n'),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

/** Greedy word wrap to `width` characters, at most `lines` lines (the last one ellipsised). */
function wrap(text, width, lines) {
  const out = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if ((line ? line.length + 1 : 0) + word.length > width && line) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(line);
  if (out.length > lines) {
    out.length = lines;
    out[lines - 1] = `${out[lines - 1].replace(/[\s,.;:]*\S*$/, '')}…`;
  }
  return out;
}

/** The preview card of a page: site name, title, description, on the site's colours. */
export function socialCardSvg({ title, description, siteName, lang }) {
  const titleLines = wrap(title, 30, 3);
  const descLines = wrap(description, 62, 3);
  const titleY = 250;
  const descY = titleY + titleLines.length * 76 + 30;
  const text = (lines, x, y, step, attrs) => lines.map((l, i) => `<text x="${x}" y="${y + i * step}" ${attrs}>${escapeXml(l)}</text>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630">
<rect width="1200" height="630" fill="#ffffff"/>
<rect width="1200" height="14" fill="#1d5fc7"/>
<g fill="none" stroke="#1d5fc7" stroke-opacity="0.14" stroke-width="3">
${[0, 1, 2, 3, 4, 5].map((i) => `<ellipse cx="1040" cy="470" rx="${60 + i * 42}" ry="${34 + i * 24}" transform="rotate(-25 1040 470)"/>`).join('')}
</g>
<text x="80" y="130" font-family="DejaVu Sans, Noto Sans, Liberation Sans, Arial, sans-serif" font-size="30" font-weight="700" fill="#1d5fc7">${escapeXml(siteName)}</text>
<text x="1120" y="130" text-anchor="end" font-family="DejaVu Sans Mono, monospace" font-size="26" fill="#545a66">${escapeXml(lang.toUpperCase())}</text>
${text(titleLines, 80, titleY, 76, 'font-family="DejaVu Sans, Noto Sans, Liberation Sans, Arial, sans-serif" font-size="62" font-weight="700" fill="#1b1d22"')}
${text(descLines, 80, descY, 40, 'font-family="DejaVu Sans, Noto Sans, Liberation Sans, Arial, sans-serif" font-size="28" fill="#545a66"')}
</svg>`;
}

function main() {
  if (!existsSync(path.join(outDir, 'index.html'))) {
    console.error(`No static site in ${outDir}: run next build first.`);
    process.exit(1);
  }
  const pages = exportedPages(outDir).map((sitePath) => ({ sitePath, ...readPage(readFileSync(path.join(outDir, sitePath, 'index.html'), 'utf8')) }));

  let images = 0;
  for (const page of pages) {
    if (page.sitePath === '/') continue;
    const imagePath = `/og${page.sitePath.replace(/\/$/, '')}.png`;
    const file = path.join(outDir, imagePath);
    mkdirSync(path.dirname(file), { recursive: true });
    const png = new Resvg(socialCardSvg(page), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
    writeFileSync(file, png);
    images++;
    if (page.image && !page.image.endsWith(`${basePath}${imagePath}`)) throw new Error(`${page.sitePath}: og:image ${page.image} is not the generated ${imagePath}`);
  }

  const robots = ['User-agent: *', 'Allow: /'];
  if (siteUrl) {
    const entries = pages.map((p) => ({ loc: p.canonical ?? `${siteUrl}${basePath}${p.sitePath}`, alternates: p.alternates }));
    writeFileSync(path.join(outDir, 'sitemap.xml'), sitemapXml(entries));
    robots.push('', `Sitemap: ${siteUrl}${basePath}/sitemap.xml`);
  }
  writeFileSync(path.join(outDir, 'robots.txt'), `${robots.join('\n')}\n`);

  const where = path.relative(process.cwd(), outDir);
  console.log(`SEO files: ${images} preview images, robots.txt${siteUrl ? `, sitemap.xml (${pages.length} pages)` : ''} in ${where}/`);
  if (!siteUrl) {
    console.warn(
      'NEXT_PUBLIC_SITE_URL is not set, so the build left out: canonical links, absolute hreflang URLs (they are relative), ' +
        'og:url and og:image on every page, sitemap.xml, and the Sitemap line of robots.txt. ' +
        'Set it to the public address of the site (e.g. NEXT_PUBLIC_SITE_URL=https://notes.example.org) and build again.',
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
