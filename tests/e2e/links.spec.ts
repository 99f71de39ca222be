import { expect, test } from '@playwright/test';
import { allPaths } from './site';

test('no internal link or anchor is broken', async ({ page, request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const checked = new Map<string, boolean>();
  const anchors = new Map<string, Set<string>>();
  const broken: string[] = [];

  const idsOf = async (pathname: string) => {
    if (!anchors.has(pathname)) {
      await page.goto(pathname);
      anchors.set(pathname, new Set(await page.locator('[id]').evaluateAll((els) => els.map((el) => el.id))));
    }
    return anchors.get(pathname)!;
  };

  for (const from of allPaths()) {
    await page.goto(from);
    const links = await page.locator('a[href], img[src]').evaluateAll((els) =>
      els.map((el) => (el as HTMLAnchorElement).href || (el as HTMLImageElement).src),
    );
    for (const link of links) {
      const url = new URL(link);
      if (url.origin !== origin) continue;
      const key = url.pathname;
      if (!checked.has(key)) {
        const response = await request.get(key);
        checked.set(key, response.ok());
      }
      if (!checked.get(key)) {
        broken.push(`${from} -> ${url.pathname}`);
        continue;
      }
      if (url.hash && url.pathname.endsWith('/')) {
        const ids = await idsOf(url.pathname);
        if (!ids.has(decodeURIComponent(url.hash.slice(1)))) broken.push(`${from} -> ${url.pathname}${url.hash} (no such anchor)`);
      }
    }
  }
  expect(broken).toEqual([]);
  expect(checked.size).toBeGreaterThan(5);
});
