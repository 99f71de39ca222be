import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, startupScripts, withCompileHint } from '../../../scripts/compile-hints.mjs';

const page = (base: string) =>
  [
    `<link rel="preload" as="script" fetchPriority="low" href="${base}/_next/static/chunks/preloaded.js"/>`,
    `<script src="${base}/_next/static/chunks/router.js" async=""></script>`,
    `<script src="${base}/_next/static/chunks/turbopack-runtime.js" async=""></script>`,
    `<script src="${base}/_next/static/chunks/polyfills.js" noModule=""></script>`,
    `<script async src="https://elsewhere.example/x.js"></script>`,
    `<script>self.__next_f.push([1,"\\u003cscript src=\\"${base}/_next/static/chunks/fake.js\\" async\\u003e"])</script>`,
    `<script src="${base}/_next/static/chunks/router.js" async=""></script>`,
  ].join('');

describe('startupScripts', () => {
  it('lists the build’s async scripts once each, without the polyfills or other origins', () => {
    expect(startupScripts(page(''))).toEqual(['_next/static/chunks/router.js', '_next/static/chunks/turbopack-runtime.js']);
  });

  it('strips the base path, and ignores scripts outside it', () => {
    expect(startupScripts(page('/week07'), '/week07')).toEqual(['_next/static/chunks/router.js', '_next/static/chunks/turbopack-runtime.js']);
    expect(startupScripts(page(''), '/week07')).toEqual([]);
  });
});

describe('withCompileHint', () => {
  it('puts the hint on the first line, once', () => {
    const hinted = withCompileHint('(globalThis.TURBOPACK||=[]).push([]);');
    expect(hinted.split('\n')[0]).toBe(COMPILE_HINT);
    expect(withCompileHint(hinted)).toBe(hinted);
  });
});
