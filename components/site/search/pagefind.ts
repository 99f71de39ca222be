import type { PagefindResultData } from '@/lib/search/results';

/** The part of Pagefind's browser API (`pagefind.js`, written next to the index) used here. */
interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(term: string, options?: object, timeoutMs?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? '';
let loading: Promise<Pagefind> | undefined;

/**
 * Loads Pagefind from the built site (under the base path), once. It is not part of the
 * bundle: the index and its script exist only after the build, and cost nothing until opened.
 * Pagefind picks the index of the page's <html lang>.
 */
export function loadPagefind(): Promise<Pagefind> {
  loading ??= (async () => {
    const url = `${basePath}/pagefind/pagefind.js`;
    const pagefind = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ url)) as Pagefind;
    await pagefind.options({ baseUrl: `${basePath}/`, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
