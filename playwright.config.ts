import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/** Debian's Chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found: install Debian\'s chromium package or set CHROMIUM_PATH.');
  return found;
}

const port = Number(process.env.E2E_PORT ?? 4391);
/** The translation-workflow fixture site (built by `npm run build:fixtures` into out-fixtures/). */
export const fixturePort = port + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // The site's service worker would install (and precache every page) in each test's fresh
    // context; the specs that test it allow it (offline.spec.ts).
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: [
    {
      command: `node scripts/serve-static.mjs out`,
      url: `http://127.0.0.1:${port}/`,
      env: { PORT: String(port) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node scripts/serve-static.mjs out-fixtures`,
      url: `http://127.0.0.1:${fixturePort}/`,
      env: { PORT: String(fixturePort) },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
