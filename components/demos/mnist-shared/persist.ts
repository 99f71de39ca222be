'use client';

import type { Autoencoder, WeightMap } from '@/lib/ml/mnist/autoencoder';
import { getRecord, putRecord } from './idb';
import { fromStoredModel, storedModelConfig, toStoredModel, type ModelConfig } from '@/lib/storage/model-record';

function key(demo: string): string {
  return `model:${demo}`;
}

/** Saves the model with Adam's state, so that a restore continues training where it stopped. */
export async function saveModel(demo: string, model: Autoencoder, settings: { seed: number; learningRate: number; extra?: Record<string, string | number> }): Promise<ModelConfig> {
  const steps = model.steps;
  const weights = await model.exportWeights({ optimizer: true });
  const config: ModelConfig = {
    demo,
    hidden: model.hidden,
    seed: settings.seed,
    steps,
    batchSize: model.batchSize,
    learningRate: settings.learningRate,
    ...(settings.extra ? { extra: settings.extra } : {}),
  };
  await putRecord(key(demo), toStoredModel(config, weights));
  return config;
}

/** The saved model of a demo, or null when this browser holds none. */
export async function loadModel(demo: string): Promise<{ config: ModelConfig; weights: WeightMap; savedAt: string } | null> {
  const value = await getRecord(key(demo));
  if (value === undefined) return null;
  return fromStoredModel(value);
}

/** The settings of a demo's saved model (a cheap look, for offering it), or null when none is saved. */
export async function loadModelConfig(demo: string): Promise<ModelConfig | null> {
  const value = await getRecord(key(demo));
  return value === undefined ? null : storedModelConfig(value);
}
