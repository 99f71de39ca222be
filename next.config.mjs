import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

// Static export: every page is HTML at build time, so any static host can serve `out/`.
// NEXT_PUBLIC_BASE_PATH hosts the site under a sub-path (e.g. /week07-notes).
const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';

/**
 * Cross-origin isolation (so the demos may run wasm on several threads). A static export
 * cannot carry headers: the built site gets them from the host (public/_headers,
 * `npm run serve`) or from its service worker. Only the dev server applies these.
 */
const isolationHeaders = [
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
];

/** @type {(phase: string) => import('next').NextConfig} */
export default function nextConfig(phase) {
  return {
    output: 'export',
    // No distDir of its own for the fixtures build (scripts/build-fixtures.mjs moves its out/):
    // the config is the same for both builds, so the second reuses the first's compile.
    trailingSlash: true,
    basePath,
    images: { unoptimized: true },
    reactStrictMode: true,
    poweredByHeader: false,
    // `npm test` type-checks the whole project once (tsc) before building; no second pass here.
    typescript: { ignoreBuildErrors: true },
    // The site has one root layout per language (for <html lang>), so its 404 page is global.
    experimental: { globalNotFound: true },
    // Headers do nothing in an export (`next build` would warn): the dev server alone gets them.
    // `next dev` still prints that warning once; its own responses do carry the headers.
    ...(phase === PHASE_DEVELOPMENT_SERVER ? { headers: async () => [{ source: '/:path*', headers: isolationHeaders }] } : {}),
  };
}
