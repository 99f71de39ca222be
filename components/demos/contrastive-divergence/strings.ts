import type { Messages } from '@/lib/i18n/dictionary';

type Groups = Messages['demos'];
export type PartBContrastiveId = 'contrastive-divergence' | 'masked-tokens';

/** The UI strings of the contrastive and masked demos, from the reader's dictionary. */
export function demoStrings<K extends PartBContrastiveId>(messages: Messages, id: K): Groups[K] {
  return messages.demos[id];
}
