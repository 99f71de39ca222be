'use client';

import type { ComponentType } from 'react';
import type { DemoId } from '@/lib/demos/registry';
import type { DemoProps } from './runtime/types';

type Loader = () => Promise<{ default: ComponentType<DemoProps> }>;

/**
 * Each demo is its own chunk, fetched only when its figure comes near the screen. A demo not
 * listed here keeps its text fallback.
 */
export const demoLoaders: Partial<Record<DemoId, Loader>> = {
  'energy-inference': () => import('./energy-inference/EnergyInferenceDemo'),
  'latent-ellipse': () => import('./latent-ellipse/LatentEllipseDemo'),
  // part B: energy surfaces
  'kmeans-energy': () => import('./kmeans-energy/KMeansEnergyDemo'),
  'dae-energy': () => import('./dae-energy/DaeEnergyDemo'),
  // part B: contrastive and masked
  'contrastive-divergence': () => import('./contrastive-divergence/ContrastiveDivergenceDemo'),
  'masked-tokens': () => import('./masked-tokens/MaskedTokensDemo'),
  // practicum
  autoencoder: () => import('./autoencoder/AutoencoderDemo'),
  'denoising-autoencoder': () => import('./denoising-autoencoder/DenoisingAutoencoderDemo'),
  'ae-interpolation': () => import('./ae-interpolation/InterpolationDemo'),
};
