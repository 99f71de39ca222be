/**
 * A trained autoencoder as a plain, structured-clonable record for IndexedDB: the demo's
 * configuration (so that a restore rebuilds the same model) and every named weight, Adam's
 * state included (so that training continues where it stopped). Pure: no storage access here,
 * so the format can be tested in Node. A record read back is untrusted (another build, another
 * site on the same origin, a damaged disk): it is validated with a schema before use.
 */
import { z } from 'zod';
import type { WeightMap } from '@/lib/ml/mnist/autoencoder';
import { legacyNames } from '@/lib/site/legacy-names';

export const MODEL_RECORD_FORMAT = 'mnist-autoencoder';
export const MODEL_RECORD_VERSION = 1;

export class ModelRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelRecordError';
  }
}

const count = (name: string) => z.number(`the saved ${name} is not a number`).int(`the saved ${name} is not an integer ≥ 0`).min(0, `the saved ${name} is not an integer ≥ 0`);

const configSchema = z.object(
  {
    /** The demo that saved it. */
    demo: z.string('the saved configuration names no demo').min(1, 'the saved configuration names no demo'),
    hidden: count('hidden'),
    seed: count('seed'),
    /** Optimisation steps taken when saved. */
    steps: count('steps'),
    batchSize: count('batchSize'),
    learningRate: z.number('the saved learning rate is invalid').positive('the saved learning rate is invalid'),
    /** Demo-specific settings (e.g. the corruption), strings or numbers only. */
    extra: z.record(z.string(), z.union([z.string(), z.number()]), 'the saved extra settings are not text or numbers').optional(),
  },
  'the saved model has no configuration',
);

export type ModelConfig = z.infer<typeof configSchema>;

const tensorSchema = z
  .object({
    name: z.string('a saved weight has no name'),
    shape: z.array(z.number().int().min(0), 'a saved weight has an invalid shape'),
    /** float32 values, little-endian as the platform stores them; an ArrayBuffer of its own. */
    data: z.instanceof(ArrayBuffer, { error: 'a saved weight has no data' }),
  })
  .superRefine((t, ctx) => {
    const size = t.shape.reduce((a, b) => a * b, 1);
    if (t.data.byteLength !== size * 4) {
      ctx.addIssue({ code: 'custom', message: `the saved weight ${t.name} holds ${t.data.byteLength} bytes, expected ${size * 4} for shape [${t.shape}]` });
    }
  });

export type StoredTensor = z.infer<typeof tensorSchema>;

/** Enough of a record to offer it: which model it is, without reading its weights. */
const headerSchema = z.object(
  {
    // Records saved before the format was renamed are read as they are.
    format: z.enum([MODEL_RECORD_FORMAT, legacyNames.modelFormat], 'the stored value is not a saved model'),
    version: z.literal(MODEL_RECORD_VERSION, { error: (issue) => `the saved model has format version ${String(issue.input)}; this page reads version ${MODEL_RECORD_VERSION}` }),
    config: configSchema,
  },
  'the stored value is not a saved model',
);

const recordSchema = headerSchema.extend({
  /** ISO 8601. */
  savedAt: z.string().catch(''),
  tensors: z
    .array(tensorSchema, 'the saved model holds no weights')
    .min(1, 'the saved model holds no weights')
    .superRefine((tensors, ctx) => {
      const seen = new Set<string>();
      for (const t of tensors) {
        if (seen.has(t.name)) ctx.addIssue({ code: 'custom', message: `the saved weight ${t.name} appears twice` });
        seen.add(t.name);
      }
    }),
});

export type StoredModel = Omit<z.infer<typeof recordSchema>, 'format'> & { format: typeof MODEL_RECORD_FORMAT };

/** The first problem of a record, in words a reader can act on. */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  throw new ModelRecordError(`${issue.message}${where}`);
}

/** Copies every weight into an ArrayBuffer of its own (a view's buffer may be shared and larger). */
export function toStoredModel(config: ModelConfig, weights: WeightMap, savedAt: Date = new Date()): StoredModel {
  const checked = parse(configSchema, config);
  const tensors = Object.entries(weights).map(([name, entry]) => {
    const size = entry.shape.reduce((a, b) => a * b, 1);
    if (entry.data.length !== size) throw new ModelRecordError(`${name} holds ${entry.data.length} values for shape [${entry.shape}]`);
    return { name, shape: [...entry.shape], data: Float32Array.from(entry.data).buffer };
  });
  if (tensors.length === 0) throw new ModelRecordError('there are no weights to save');
  return { format: MODEL_RECORD_FORMAT, version: MODEL_RECORD_VERSION, savedAt: savedAt.toISOString(), config: checked, tensors };
}

/** The settings of a stored model, checked, without reading (or copying) its weights. */
export function storedModelConfig(value: unknown): ModelConfig {
  return parse(headerSchema, value).config;
}

/** Validates a record read back from storage and turns it into a configuration and weights. */
export function fromStoredModel(value: unknown): { config: ModelConfig; weights: WeightMap; savedAt: string } {
  const record = parse(recordSchema, value);
  const weights: WeightMap = {};
  for (const t of record.tensors) weights[t.name] = { shape: [...t.shape], data: new Float32Array(t.data.slice(0)) };
  return { config: record.config, weights, savedAt: record.savedAt };
}
