import type { ThreadingChoice } from '@/lib/demos/backends';
import type { Messages } from '@/lib/i18n/dictionary';
import { fill } from '@/lib/i18n/template';

/** "· 2 threads" next to the backend name. */
export function threadsLabel(choice: ThreadingChoice, m: Messages['platform']): string {
  return choice.threads > 1 ? fill(m.threadCount, { count: String(choice.threads) }) : m.oneThread;
}

/** Why wasm runs on this many threads, when it is fewer than the reader might expect; else null. */
export function threadsNote(choice: ThreadingChoice, m: Messages['platform']): string | null {
  switch (choice.reason) {
    case 'isolated':
      return null;
    case 'capped':
      return fill(m.threadsCapped, { count: String(choice.threads) });
    case 'single-core':
      return m.threadsSingleCore;
    case 'small-models':
      return m.threadsSmallModels;
    case 'reload-needed':
      return m.threadsReloadNeeded;
    case 'not-isolated':
      return m.threadsNotIsolated;
    case 'no-shared-memory':
      return m.threadsNoSharedMemory;
  }
}
