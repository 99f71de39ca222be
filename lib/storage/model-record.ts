/**
 * A trained autoencoder as a plain, structured-clonable record for IndexedDB: the demo's
 * configuration (so that a restore rebuilds the same model) and every named weight, Adam's
 * state included (so that training continues where it stopped). Pure: no storage access here,
 * so the format can be tested in Node.
 */
import type { WeightMap } from '@/lib/ml/mnist/autoencoder';

export const MODEL_RECORD_FORMAT = 'week07-autoencoder';
export const MODEL_RECORD_VERSION = 1;

export interface ModelConfig {
  /** The demo that saved it. */
  demo: string;
  hidden: number;
  seed: number;
  /** Optimisation steps taken when saved. */
  steps: number;
  batchSize: number;
  learningRate: number;
  /** Demo-specific settings (e.g. the corruption), strings or numbers only. */
  extra?: Record<string, string | number>;
}

export interface StoredTensor {
  name: string;
  shape: number[];
  /** float32 values, little-endian as the platform stores them; an ArrayBuffer of its own. */
  data: ArrayBuffer;
}

export interface StoredModel {
  format: typeof MODEL_RECORD_FORMAT;
  version: number;
  /** ISO 8601. */
  savedAt: string;
  config: ModelConfig;
  tensors: StoredTensor[];
}

export class ModelRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelRecordError';
  }
}

function checkConfig(config: unknown): ModelConfig {
  if (!config || typeof config !== 'object') throw new ModelRecordError('the saved model has no configuration');
  const c = config as Record<string, unknown>;
  if (typeof c.demo !== 'string' || c.demo === '') throw new ModelRecordError('the saved configuration names no demo');
  for (const key of ['hidden', 'seed', 'steps', 'batchSize'] as const) {
    const v = c[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) throw new ModelRecordError(`the saved ${key} is not an integer ≥ 0: ${String(v)}`);
  }
  if (typeof c.learningRate !== 'number' || !(c.learningRate > 0) || !Number.isFinite(c.learningRate)) {
    throw new ModelRecordError(`the saved learning rate is invalid: ${String(c.learningRate)}`);
  }
  let extra: Record<string, string | number> | undefined;
  if (c.extra !== undefined) {
    if (!c.extra || typeof c.extra !== 'object') throw new ModelRecordError('the saved extra settings are not an object');
    extra = {};
    for (const [k, v] of Object.entries(c.extra as Record<string, unknown>)) {
      if (typeof v !== 'string' && typeof v !== 'number') throw new ModelRecordError(`the saved setting ${k} is neither text nor a number`);
      extra[k] = v;
    }
  }
  return {
    demo: c.demo,
    hidden: c.hidden as number,
    seed: c.seed as number,
    steps: c.steps as number,
    batchSize: c.batchSize as number,
    learningRate: c.learningRate,
    ...(extra ? { extra } : {}),
  };
}

/** Copies every weight into an ArrayBuffer of its own (a view's buffer may be shared and larger). */
export function toStoredModel(config: ModelConfig, weights: WeightMap, savedAt: Date = new Date()): StoredModel {
  const checked = checkConfig(config);
  const tensors = Object.entries(weights).map(([name, entry]) => {
    const size = entry.shape.reduce((a, b) => a * b, 1);
    if (entry.data.length !== size) throw new ModelRecordError(`${name} holds ${entry.data.length} values for shape [${entry.shape}]`);
    return { name, shape: [...entry.shape], data: Float32Array.from(entry.data).buffer };
  });
  if (tensors.length === 0) throw new ModelRecordError('there are no weights to save');
  return { format: MODEL_RECORD_FORMAT, version: MODEL_RECORD_VERSION, savedAt: savedAt.toISOString(), config: checked, tensors };
}

/** Validates a record read back from storage and turns it into a configuration and weights. */
/** The settings of a stored model, checked, without reading (or copying) its weights. */
export function storedModelConfig(value: unknown): ModelConfig {
  if (!value || typeof value !== 'object') throw new ModelRecordError('the stored value is not a saved model');
  const v = value as Partial<StoredModel>;
  if (v.format !== MODEL_RECORD_FORMAT) throw new ModelRecordError(`the stored value is not a saved model (format ${String(v.format)})`);
  if (v.version !== MODEL_RECORD_VERSION) throw new ModelRecordError(`the saved model has format version ${String(v.version)}; this page reads version ${MODEL_RECORD_VERSION}`);
  return checkConfig(v.config);
}

export function fromStoredModel(value: unknown): { config: ModelConfig; weights: WeightMap; savedAt: string } {
  const config = storedModelConfig(value);
  const v = value as Partial<StoredModel>;
  if (!Array.isArray(v.tensors) || v.tensors.length === 0) throw new ModelRecordError('the saved model holds no weights');
  const weights: WeightMap = {};
  for (const t of v.tensors as unknown[]) {
    const entry = t as Partial<StoredTensor>;
    if (typeof entry?.name !== 'string') throw new ModelRecordError('a saved weight has no name');
    if (!Array.isArray(entry.shape) || entry.shape.some((d) => !Number.isInteger(d) || d < 0)) {
      throw new ModelRecordError(`the saved weight ${entry.name} has an invalid shape`);
    }
    if (!(entry.data instanceof ArrayBuffer)) throw new ModelRecordError(`the saved weight ${entry.name} has no data`);
    const size = entry.shape.reduce((a: number, b: number) => a * b, 1);
    if (entry.data.byteLength !== size * 4) {
      throw new ModelRecordError(`the saved weight ${entry.name} holds ${entry.data.byteLength} bytes, expected ${size * 4} for shape [${entry.shape}]`);
    }
    if (Object.hasOwn(weights, entry.name)) throw new ModelRecordError(`the saved weight ${entry.name} appears twice`);
    weights[entry.name] = { shape: [...entry.shape], data: new Float32Array(entry.data.slice(0)) };
  }
  return { config, weights, savedAt: typeof v.savedAt === 'string' ? v.savedAt : '' };
}
