import type { Messages } from '../i18n/dictionary';

/**
 * The one list of live demos. The Markdown directive `:::demo{id="…"}` accepts only these ids;
 * `components/demos/loaders.ts` maps every id to its widget (a complete Record: an id without a
 * loader does not compile). Each demo's strings live in `lib/i18n/messages/<lang>.json`, under
 * `demos.<id>` (its `title` at least) and `present.prompts.<id>` (the question the lecture
 * playlist asks); a test checks every language has them. `title` here is the English caption
 * used where a directive gives none. Which pages and weeks show a demo is read from the content.
 */
export const demoRegistry = {
  'energy-inference': { title: 'Inference by gradient descent on a conditional energy' },
  'latent-ellipse': { title: 'A latent-variable energy: the ellipse model and its free energy' },
  'kmeans-energy': { title: 'K-means as a latent-variable energy-based model' },
  'dae-energy': { title: 'The reconstruction energy of a denoising autoencoder' },
  'contrastive-divergence': { title: 'Contrastive divergence: pushing energy down and up' },
  'masked-tokens': { title: 'A masked-character model, BERT in miniature' },
  autoencoder: { title: 'A standard autoencoder trained on MNIST' },
  'denoising-autoencoder': { title: 'A denoising autoencoder and a classical inpainting baseline' },
  'ae-interpolation': { title: 'Interpolating in pixel space and in latent space' },
} as const satisfies Record<string, { title: string }>;

export type DemoId = keyof typeof demoRegistry;

export const demoIds = Object.keys(demoRegistry) as DemoId[];

export function isDemoId(id: string): id is DemoId {
  return Object.hasOwn(demoRegistry, id);
}

/** The message keys of a demo, in every dictionary. */
export function demoMessageKeys(id: DemoId): string[] {
  return [`demos.${id}.title`, `present.prompts.${id}`];
}

// A demo registered without its English strings does not compile (the English dictionary is
// the type of every dictionary); other languages are checked by a unit test.
type Complete<T, Where extends string> = [DemoId] extends [keyof T] ? true : `a registered demo has no ${Where} in lib/i18n/messages/en.json`;
export const demoStringsComplete: [Complete<Messages['demos'], 'demos.<id>'>, Complete<Messages['present']['prompts'], 'present.prompts.<id>'>] = [true, true];
