import type { Messages } from '@/lib/i18n/dictionary';

type Groups = Messages['demos'];
export type MnistStrings = Groups['mnist'];
export type GroupId = 'autoencoder' | 'denoising-autoencoder' | 'ae-interpolation' | 'mnist';

/** The UI strings of the MNIST demos, from the reader's dictionary. */
export function strings<K extends GroupId>(messages: Messages, id: K): Groups[K] {
  return messages.demos[id];
}
