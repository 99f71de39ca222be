import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('.', import.meta.url)) } },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
    // Vitest's default leaves one core to its main process, which only collects results: on a
    // two-core machine that ran every test file on one core. The files are independent and
    // mostly compute-bound (the models train on tfjs's cpu backend), so use every core.
    maxWorkers: availableParallelism(),
  },
});
