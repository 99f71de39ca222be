/**
 * The autoencoder's weights in PyTorch's names and layout, so that a model trained here loads
 * in the practicum's notebook and back: `encoder.weight` [d, 784], `encoder.bias` [d],
 * `decoder.weight` [784, d], `decoder.bias` [784], and with the optimizer state `adam.step`
 * (shape []) and `adam.exp_avg.<name>` / `adam.exp_avg_sq.<name>` for each of those.
 * Internally weights are [fan_in, fan_out] (see model-maths.ts), so weights are transposed.
 */
import type { Moments } from './adam';
import { PARAM_NAMES, type ParamName } from './model-maths';

export interface WeightEntry {
  shape: number[];
  data: Float32Array;
}

/** Named tensors in PyTorch's layout (see the module comment). */
export type WeightMap = Record<string, WeightEntry>;

/** Parameters, and optionally Adam's moments and step, in the internal layout. */
export interface ModelState {
  params: Record<ParamName, Float32Array>;
  /** First and second moments; null when the map has no optimizer state. */
  moments: [Moments, Moments] | null;
  step: number;
}

const TORCH_NAMES: Record<ParamName, string> = {
  w1: 'encoder.weight',
  b1: 'encoder.bias',
  w2: 'decoder.weight',
  b2: 'decoder.bias',
};
const MOMENT_KEYS = ['exp_avg', 'exp_avg_sq'] as const;

/** Row-major rows×cols → cols×rows. */
export function transposeArray(data: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(data.length);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = data[r * cols + c];
  }
  return out;
}

/** PyTorch's layout: weights are [fan_out, fan_in]. */
function torchShapes(inputSize: number, hidden: number): Record<ParamName, number[]> {
  return { w1: [hidden, inputSize], b1: [hidden], w2: [inputSize, hidden], b2: [inputSize] };
}

const isWeight = (name: ParamName) => name === 'w1' || name === 'w2';

/** Internal layout → a PyTorch entry. */
function toEntry(name: ParamName, values: Float32Array, shapes: Record<ParamName, number[]>): WeightEntry {
  const shape = [...shapes[name]];
  return { shape, data: isWeight(name) ? transposeArray(values, shape[1], shape[0]) : Float32Array.from(values) };
}

/** A PyTorch entry → internal layout, after checking its shape and values. */
function fromEntry(key: string, name: ParamName, entry: WeightEntry | undefined, shapes: Record<ParamName, number[]>): Float32Array {
  const expected = shapes[name];
  if (!entry) throw new RangeError(`weights lack ${key}`);
  if (entry.shape.length !== expected.length || entry.shape.some((d, i) => d !== expected[i])) {
    throw new RangeError(`${key} has shape [${entry.shape}], expected [${expected}]`);
  }
  const size = expected.reduce((a, b) => a * b, 1);
  if (!(entry.data instanceof Float32Array) || entry.data.length !== size) {
    throw new RangeError(`${key} must hold a Float32Array of ${size} values`);
  }
  for (let i = 0; i < size; i++) {
    if (!Number.isFinite(entry.data[i])) throw new RangeError(`${key} holds a non-finite value at index ${i}`);
  }
  return isWeight(name) ? transposeArray(entry.data, expected[0], expected[1]) : Float32Array.from(entry.data);
}

const perParam = <T>(make: (name: ParamName) => T): Record<ParamName, T> =>
  Object.fromEntries(PARAM_NAMES.map((name) => [name, make(name)])) as Record<ParamName, T>;

/** The model's state as a PyTorch-style map (optimizer entries only when `state.moments` is set). */
export function toWeightMap(state: ModelState, inputSize: number, hidden: number): WeightMap {
  const shapes = torchShapes(inputSize, hidden);
  const out: WeightMap = {};
  for (const name of PARAM_NAMES) {
    out[TORCH_NAMES[name]] = toEntry(name, state.params[name], shapes);
    state.moments?.forEach((moment, k) => {
      out[`adam.${MOMENT_KEYS[k]}.${TORCH_NAMES[name]}`] = toEntry(name, moment[name], shapes);
    });
  }
  if (state.moments) out['adam.step'] = { shape: [], data: Float32Array.of(state.step) };
  return out;
}

/** Reads and checks a map for a model of these sizes; throws a RangeError naming the bad entry. */
export function fromWeightMap(weights: WeightMap, inputSize: number, hidden: number): ModelState {
  const shapes = torchShapes(inputSize, hidden);
  const params = perParam((name) => fromEntry(TORCH_NAMES[name], name, weights[TORCH_NAMES[name]], shapes));
  const stepEntry = weights['adam.step'];
  if (!stepEntry) return { params, moments: null, step: 0 };
  const step = stepEntry.data?.[0];
  if (!Number.isInteger(step) || step < 0) throw new RangeError(`adam.step must be an integer ≥ 0, got ${step}`);
  const moments = MOMENT_KEYS.map((kind) =>
    perParam((name) => {
      const key = `adam.${kind}.${TORCH_NAMES[name]}`;
      return fromEntry(key, name, weights[key], shapes);
    }),
  ) as [Moments, Moments];
  return { params, moments, step };
}
