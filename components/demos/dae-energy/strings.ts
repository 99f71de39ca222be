import type { Messages } from '@/lib/i18n/dictionary';

export type DaeStrings = Messages['demos']['dae-energy'];

/** The demo's UI strings, from the reader's dictionary. */
export function daeStrings(messages: Messages): DaeStrings {
  return messages.demos['dae-energy'];
}
