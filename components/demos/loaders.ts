'use client';

import type { ComponentType } from 'react';
import type { DemoId } from '@/lib/demos/registry';
import type { DemoProps } from './runtime/types';

export type DemoLoader = () => Promise<{ default: ComponentType<DemoProps> }>;

/**
 * Each demo is its own chunk, fetched only when its figure comes near the screen. Every
 * registered id must have its loader here: the Record is complete, so a forgotten one is a
 * type error rather than a demo silently missing from its page and the playlist.
 */
export const demoLoaders: Record<DemoId, DemoLoader> = {
  'energy-inference': () => import('./energy-inference/EnergyInferenceDemo'),
  'latent-ellipse': () => import('./latent-ellipse/LatentEllipseDemo'),
  'kmeans-energy': () => import('./kmeans-energy/KMeansEnergyDemo'),
  'dae-energy': () => import('./dae-energy/DaeEnergyDemo'),
  'contrastive-divergence': () => import('./contrastive-divergence/ContrastiveDivergenceDemo'),
  'masked-tokens': () => import('./masked-tokens/MaskedTokensDemo'),
  autoencoder: () => import('./autoencoder/AutoencoderDemo'),
  'denoising-autoencoder': () => import('./denoising-autoencoder/DenoisingAutoencoderDemo'),
  'ae-interpolation': () => import('./ae-interpolation/InterpolationDemo'),
};
