import type { Messages } from '@/lib/i18n/dictionary';

export type KMeansStrings = Messages['demos']['kmeans-energy'];

/** The demo's UI strings, from the reader's dictionary. */
export function kmeansStrings(messages: Messages): KMeansStrings {
  return messages.demos['kmeans-energy'];
}
