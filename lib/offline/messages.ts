/** Messages between the pages and the service worker. */
export type OfflineRequest = { type: 'skip-waiting' } | { type: 'cache-on-demand' };

/** Sent back on the request's port while "make available offline" runs; `final` on the last. */
export interface OfflineProgress {
  done: number;
  total: number;
  failed: number;
  final: boolean;
}

export function isOfflineRequest(value: unknown): value is OfflineRequest {
  if (typeof value !== 'object' || value === null) return false;
  const type = (value as { type?: unknown }).type;
  return type === 'skip-waiting' || type === 'cache-on-demand';
}
