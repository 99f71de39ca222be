// Static export: every page is HTML at build time, so any static host can serve `out/`.
// NEXT_PUBLIC_BASE_PATH hosts the site under a sub-path (e.g. /week07-notes).
const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  // A second build (the translation-workflow fixtures) writes elsewhere than out/.
  ...(process.env.NEXT_DIST_DIR ? { distDir: process.env.NEXT_DIST_DIR } : {}),
  trailingSlash: true,
  basePath,
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm test` type-checks the whole project once (tsc) before building; no second pass here.
  typescript: { ignoreBuildErrors: true },
  // The site has one root layout per language (for <html lang>), so its 404 page is global.
  experimental: { globalNotFound: true },
};

export default nextConfig;
