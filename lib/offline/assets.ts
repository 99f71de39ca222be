/**
 * What the service worker keeps, and how: pure rules shared by the build script (which lists
 * the files) and the worker (which serves them). Paths are relative to the site's root, with
 * `/` separators and no base path.
 */

/**
 * Precached on install: every page and what a page needs to show (styles, the fonts browsers
 * load, figures, the glossary and playlist pages, icons), in every language.
 */
export const PRECACHE_GLOBS = ['**/*.html', '**/*.css', '**/*.woff2', '**/*.svg', '**/*.ico', '**/*.webmanifest'];

/**
 * Never precached: the worker itself, its on-demand list, the 404 page's folder, and the font
 * formats that only browsers without woff2 fetch.
 */
export const PRECACHE_IGNORES = ['sw.js', 'sw.js.map', '404/**', '**/*.woff', '**/*.ttf'];

/**
 * Folders of the heavy files fetched only when used: tfjs's wasm backend, the MNIST data, and
 * the search index (Pagefind, where the build has one).
 */
export const ON_DEMAND_FOLDERS = ['tfjs/', 'data/', 'pagefind/'];

/** Script chunks live here; their names carry a content hash, so they never change meaning. */
export const CHUNK_FOLDER = '_next/static/chunks/';

/**
 * The `_next/static/…` files a page's HTML refers to (scripts, styles, preloads): what it needs
 * before any demo starts. `basePath` is the site's sub-path ('' at the root).
 */
export function referencedStaticAssets(html: string, basePath: string): string[] {
  const prefix = `${basePath}/_next/static/`;
  const found = new Set<string>();
  const pattern = /(?:src|href)="([^"?#]+)(?:[?#][^"]*)?"/g;
  for (const match of html.matchAll(pattern)) {
    const url = match[1];
    if (url.startsWith(prefix)) found.add(url.slice(basePath.length + 1));
  }
  return [...found].sort();
}

/**
 * The files fetched only when a demo runs, which the worker caches on first use and which
 * "make available offline" fetches ahead: tfjs and data folders, and every script chunk no page
 * loads up front (the demos' code and tfjs, imported lazily).
 */
export function onDemandAssets(files: readonly string[], pageAssets: ReadonlySet<string>): string[] {
  return files
    .filter((f) => ON_DEMAND_FOLDERS.some((folder) => f.startsWith(folder)) || (f.startsWith(CHUNK_FOLDER) && f.endsWith('.js') && !pageAssets.has(f)))
    .sort();
}

/** A short, stable fingerprint (FNV-1a, 32 bits, hex) used to name a build's caches. */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** The pair that makes a document cross-origin isolated (the same as public/_headers). */
export const ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/**
 * The response with the isolation headers added, for hosts that cannot send them. Opaque and
 * error responses (status 0) cannot be rebuilt and pass through unchanged; so does a response
 * that already carries both headers.
 */
export function withIsolationHeaders(response: Response): Response {
  if (response.status === 0 || response.type === 'opaque' || response.type === 'opaqueredirect') return response;
  if (Object.keys(ISOLATION_HEADERS).every((name) => response.headers.has(name))) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(ISOLATION_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** Names of this build's runtime caches; older builds' caches share the prefix and are deleted. */
export function runtimeCacheNames(scope: string, version: string): { prefix: string; onDemand: string; pages: string } {
  const prefix = `week07-${scope}-`;
  return { prefix, onDemand: `${prefix}on-demand-${version}`, pages: `${prefix}pages-${version}` };
}

/** Caches a new build no longer uses: ours (same prefix), of another version. */
export function outdatedCaches(names: readonly string[], current: { prefix: string; onDemand: string; pages: string }): string[] {
  return names.filter((n) => n.startsWith(current.prefix) && n !== current.onDemand && n !== current.pages);
}
