/**
 * The one list of live demos. The Markdown directive `:::demo{id="…"}` accepts only these ids;
 * the client maps the same ids to their widgets. `page` is the lang-ref the demo belongs on.
 */
export const demoRegistry = {
  'energy-inference': { page: 'ch.07-1', title: 'Inference by gradient descent on a conditional energy' },
  'latent-ellipse': { page: 'ch.07-1', title: 'A latent-variable energy: the ellipse model and its free energy' },
  'kmeans-energy': { page: 'ch.07-2', title: 'K-means as a latent-variable energy-based model' },
  'dae-energy': { page: 'ch.07-2', title: 'The reconstruction energy of a denoising autoencoder' },
  'contrastive-divergence': { page: 'ch.07-2', title: 'Contrastive divergence: pushing energy down and up' },
  'masked-tokens': { page: 'ch.07-2', title: 'A masked-character model, BERT in miniature' },
  autoencoder: { page: 'ch.07-3', title: 'A standard autoencoder trained on MNIST' },
  'denoising-autoencoder': { page: 'ch.07-3', title: 'A denoising autoencoder and a classical inpainting baseline' },
  'ae-interpolation': { page: 'ch.07-3', title: 'Interpolating in pixel space and in latent space' },
} as const satisfies Record<string, { page: string; title: string }>;

export type DemoId = keyof typeof demoRegistry;

export const demoIds = Object.keys(demoRegistry) as DemoId[];

export function isDemoId(id: string): id is DemoId {
  return Object.hasOwn(demoRegistry, id);
}
