import { describe, expect, it } from 'vitest';
import { fingerprint, onDemandAssets, outdatedCaches, referencedStaticAssets, runtimeCacheNames, withIsolationHeaders } from '@/lib/offline/assets';

describe('referencedStaticAssets', () => {
  const html = `<link rel="stylesheet" href="/w7/_next/static/chunks/a.css"/><script src="/w7/_next/static/chunks/b.js" async></script>
    <link rel="preload" href="/w7/_next/static/media/f.woff2?v=1" as="font"/><a href="/w7/en/week07/">x</a><img src="/w7/figures/x.svg"/>
    <script src="/w7/_next/static/chunks/b.js"></script><script src="/other/_next/static/chunks/c.js"></script>`;

  it('lists the static files a page loads, once each, without the base path or query', () => {
    expect(referencedStaticAssets(html, '/w7')).toEqual(['_next/static/chunks/a.css', '_next/static/chunks/b.js', '_next/static/media/f.woff2']);
  });

  it('works at the root', () => {
    expect(referencedStaticAssets('<script src="/_next/static/chunks/z.js"></script>', '')).toEqual(['_next/static/chunks/z.js']);
  });
});

describe('onDemandAssets', () => {
  const files = ['en/index.html', 'tfjs/tfjs-backend-wasm-simd.wasm', 'tfjs/tf-backend-wasm.min.js', 'data/mnist-10k.bin', '_next/static/chunks/page.js', '_next/static/chunks/tfjs.js', '_next/static/chunks/a.css', 'figures/x.svg', 'pagefind/pagefind.js'];

  it('keeps tfjs, data, the search index and the script chunks no page loads up front', () => {
    expect(onDemandAssets(files, new Set(['_next/static/chunks/page.js']))).toEqual([
      '_next/static/chunks/tfjs.js',
      'data/mnist-10k.bin',
      'pagefind/pagefind.js',
      'tfjs/tf-backend-wasm.min.js',
      'tfjs/tfjs-backend-wasm-simd.wasm',
    ]);
  });
});

describe('fingerprint', () => {
  it('is stable, 8 hex digits, and changes with the input', () => {
    expect(fingerprint('abc')).toBe(fingerprint('abc'));
    expect(fingerprint('abc')).toMatch(/^[0-9a-f]{8}$/);
    expect(fingerprint('abc')).not.toBe(fingerprint('abd'));
    expect(fingerprint('')).toBe('811c9dc5');
  });
});

describe('withIsolationHeaders', () => {
  it('adds COOP and COEP and keeps status, other headers and body', async () => {
    const original = new Response('<p>hi</p>', { status: 200, statusText: 'OK', headers: { 'Content-Type': 'text/html' } });
    const isolated = withIsolationHeaders(original);
    expect(isolated.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(isolated.headers.get('Cross-Origin-Embedder-Policy')).toBe('require-corp');
    expect(isolated.headers.get('Content-Type')).toBe('text/html');
    expect(isolated.status).toBe(200);
    expect(await isolated.text()).toBe('<p>hi</p>');
  });

  it('passes error responses and already isolated ones through', () => {
    const error = Response.error();
    expect(withIsolationHeaders(error)).toBe(error);
    const done = new Response('x', { headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' } });
    expect(withIsolationHeaders(done)).toBe(done);
  });

  it('keeps a 404 a 404', () => {
    expect(withIsolationHeaders(new Response('no', { status: 404 })).status).toBe(404);
  });
});

describe('runtime caches', () => {
  it('names caches per scope and version, and finds the outdated ones of the same scope only', () => {
    const current = runtimeCacheNames('/w7/', 'v2');
    expect(current.onDemand).toBe('week07-/w7/-on-demand-v2');
    const names = ['week07-/w7/-on-demand-v1', 'week07-/w7/-pages-v1', current.onDemand, current.pages, 'week07-/other/-pages-v1', 'serwist-precache-v2'];
    expect(outdatedCaches(names, current)).toEqual(['week07-/w7/-on-demand-v1', 'week07-/w7/-pages-v1']);
  });
});
