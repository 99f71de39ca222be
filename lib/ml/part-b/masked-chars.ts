/**
 * BERT in miniature: a masked character model trained in the page.
 *
 * Corruption: in each training sentence, round(15 %) of the characters (at least one) are
 * replaced by a [MASK] token, always (BERT's 80/10/10 replacement mix matters for fine-tuning,
 * which this demo never does). The loss is the cross-entropy on the masked positions only.
 *
 * Model: for a masked position i, the embeddings of the c characters on each side
 * (i−c … i−1 and i+1 … i+c; masked neighbours show [MASK], positions past either end show
 * [PAD]) are concatenated, so each relative offset gets its own weights, and go through one
 * hidden layer to a softmax over the 30 characters. It sees both sides of the gap, which is
 * what makes it bidirectional like BERT; a Transformer would add long-range context, but a
 * window of a few characters is what a few seconds of in-browser training can exploit.
 * Only the masked positions are ever computed, so a step costs a few hundred rows.
 */
import * as tf from '@tensorflow/tfjs-core';
import { floatOneHot } from '../one-hot';
import '../gradients';
import { mulberry32, type Rng } from '../random';
import type { TrainingSession } from '../trainer';
import { ALPHABET, HELD_OUT_SENTENCES, TRAIN_SENTENCES, normalizeChar } from './masked-corpus';
import { glorotUniform } from './mlp';
import { checkCount, checkPositive, guard, makeOptimizer, rngFor, sampleDistinct, type OptimizerName } from './util';

/** Number of predictable characters (the softmax size). */
export const VOCAB_SIZE = ALPHABET.length;
export const MASK_ID = VOCAB_SIZE;
export const PAD_ID = VOCAB_SIZE + 1;
const TOKENS = VOCAB_SIZE + 2;

export const MASK_RATE = 0.15;

/** Seed of the held-out masks: fixed, so every session is scored on the very same gaps. */
export const EVAL_SEED = 20240307;
/** Independent maskings of each held-out sentence in the evaluation set (more gaps, steadier score). */
export const EVAL_MASKINGS = 4;

export function encode(text: string): Int32Array {
  const ids = new Int32Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const id = ALPHABET.indexOf(text[i]);
    if (id < 0) throw new RangeError(`character ${JSON.stringify(text[i])} is not in the alphabet; normalise first`);
    ids[i] = id;
  }
  return ids;
}

/** round(rate·L) distinct positions of a length-L sentence, at least one, sorted. */
export function maskPositions(length: number, rng: Rng, rate = MASK_RATE): number[] {
  const count = Math.min(length, Math.max(1, Math.round(rate * length)));
  return sampleDistinct(rng, length, count).sort((a, b) => a - b);
}

/** Rows of context ids and targets for every masked position of a set of masked sentences. */
export interface MaskedBatch {
  /** [rows, 2c] token ids (row-major). */
  context: Int32Array;
  /** [rows] target ids. */
  targets: Int32Array;
  rows: number;
}

/**
 * Builds the context rows. `masked` gives, per sentence, its masked positions; every masked
 * position shows [MASK] to its neighbours, as in BERT, so the model never peeks at one gap
 * from another.
 */
export function buildBatch(sentences: readonly Int32Array[], masked: readonly number[][], context: number): MaskedBatch {
  let rows = 0;
  for (const m of masked) rows += m.length;
  const width = 2 * context;
  const ctx = new Int32Array(rows * width);
  const targets = new Int32Array(rows);
  let r = 0;
  sentences.forEach((ids, s) => {
    const shown = ids.slice();
    for (const p of masked[s]) shown[p] = MASK_ID;
    for (const p of masked[s]) {
      let col = 0;
      for (let o = -context; o <= context; o++) {
        if (o === 0) continue;
        const q = p + o;
        ctx[r * width + col++] = q < 0 || q >= ids.length ? PAD_ID : shown[q];
      }
      targets[r++] = ids[p];
    }
  });
  return { context: ctx, targets, rows };
}

/**
 * The batch with an even number of rows: on WebGL, the gradient products over an odd number of
 * rows read the unused half of a packed texture and return NaN (seen with tfjs 4.22). Repeating
 * one row changes the loss by a hair and keeps training finite on every backend.
 */
export function evenRows(b: MaskedBatch, width: number): MaskedBatch {
  if (b.rows % 2 === 0) return b;
  const context = new Int32Array((b.rows + 1) * width);
  context.set(b.context);
  context.set(b.context.subarray((b.rows - 1) * width, b.rows * width), b.rows * width);
  const targets = new Int32Array(b.rows + 1);
  targets.set(b.targets);
  targets[b.rows] = b.targets[b.rows - 1];
  return { context, targets, rows: b.rows + 1 };
}

export interface MaskedCharSessionOptions {
  seed: number;
  /** Default 0.01 (Adam). */
  learningRate?: number;
  /** Characters of context on each side, c; default 3 (wider windows overfit 260 sentences). */
  context?: number;
  /** Hidden units; default 96. */
  hidden?: number;
  /** Sentences per step; default 32. */
  batch?: number;
  /** Embedding size per character; default 16. */
  embedding?: number;
  /** Default 'adam'. */
  optimizer?: OptimizerName;
}

export interface CharGuess {
  char: string;
  p: number;
}

export interface MaskedPrediction {
  /** Index of the mask character in the text passed to `predict`. */
  position: number;
  /** The five most likely characters, most likely first. */
  top: CharGuess[];
}

export interface MaskedEvaluation {
  /** Fraction of held-out masked positions whose most likely character is right. */
  accuracy: number;
  /** Mean cross-entropy (nats) on those positions. */
  loss: number;
}

export interface MaskedCharSession extends TrainingSession {
  /**
   * Top-5 characters for every occurrence of `maskChar` in `text`. The text is folded onto the
   * alphabet character by character (accents dropped, unknown characters read as spaces); the
   * positions refer to the original string.
   */
  predict(text: string, maskChar?: string): Promise<MaskedPrediction[]>;
  /** Accuracy and loss on the fixed held-out gaps. */
  evaluate(): Promise<MaskedEvaluation>;
  /** Accuracy on the same held-out gaps of always guessing the most frequent training character. */
  unigramBaselineAccuracy(): number;
  /** Number of held-out gaps `evaluate` scores. */
  readonly evaluationSize: number;
  readonly steps: number;
}

const TRAIN_IDS = TRAIN_SENTENCES.map(encode);
const HELD_OUT_IDS = HELD_OUT_SENTENCES.map(encode);

function evaluationBatch(context: number): MaskedBatch {
  const rng = mulberry32(EVAL_SEED);
  const sentences: Int32Array[] = [];
  const masked: number[][] = [];
  for (let round = 0; round < EVAL_MASKINGS; round++) {
    for (const ids of HELD_OUT_IDS) {
      sentences.push(ids);
      masked.push(maskPositions(ids.length, rng));
    }
  }
  return buildBatch(sentences, masked, context);
}

/** The most frequent character of the training sentences. */
export function mostFrequentTrainingChar(): number {
  const counts = new Array<number>(VOCAB_SIZE).fill(0);
  for (const ids of TRAIN_IDS) for (const id of ids) counts[id]++;
  return counts.indexOf(Math.max(...counts));
}

export function createMaskedCharSession({
  seed,
  learningRate = 0.01,
  context = 3,
  hidden = 96,
  batch = 32,
  embedding = 16,
  optimizer = 'adam',
}: MaskedCharSessionOptions): MaskedCharSession {
  checkPositive('learningRate', learningRate);
  checkCount('context', context);
  checkCount('hidden', hidden);
  checkCount('batch', batch);
  checkCount('embedding', embedding);
  const width = 2 * context;
  const rng = mulberry32(seed);
  const vars = tf.tidy(() => {
    // Embeddings start like the rows of a dense layer fed one-hot tokens.
    const emb = tf.variable(tf.tensor2d(glorotUniform(TOKENS, embedding, rng), [TOKENS, embedding]), true);
    const w1 = tf.variable(tf.tensor2d(glorotUniform(width * embedding, hidden, rng), [width * embedding, hidden]), true);
    const b1 = tf.variable(tf.zeros([1, hidden]), true);
    const w2 = tf.variable(tf.tensor2d(glorotUniform(hidden, VOCAB_SIZE, rng), [hidden, VOCAB_SIZE]), true);
    const b2 = tf.variable(tf.zeros([1, VOCAB_SIZE]), true);
    return [emb, w1, b1, w2, b2];
  });
  const [emb, w1, b1, w2, b2] = vars;
  const opt = makeOptimizer(optimizer, learningRate);
  const evalBatch = evaluationBatch(context);
  const evalContext = tf.tensor2d(evalBatch.context, [evalBatch.rows, width], 'int32');
  const evalTargets = tf.tensor1d(evalBatch.targets, 'int32');
  const frequent = mostFrequentTrainingChar();
  let baseline = 0;
  for (const t of evalBatch.targets) if (t === frequent) baseline++;
  baseline /= evalBatch.rows;
  let steps = 0;
  let disposed = false;

  const logits = (ctx: tf.Tensor2D): tf.Tensor2D => {
    const rows = ctx.shape[0];
    // A one-hot product rather than tf.gather: the gradient of gather goes through
    // unsortedSegmentSum, which the cpu backend runs some fifty times slower than this small
    // matrix product, and the result is the same.
    const oneHot = floatOneHot(tf.reshape(ctx, [rows * width]) as tf.Tensor1D, TOKENS);
    const x = tf.reshape(tf.matMul(oneHot, emb), [rows, width * embedding]) as tf.Tensor2D;
    const h = tf.relu(tf.add(tf.matMul(x, w1), b1));
    return tf.add(tf.matMul(h, w2), b2) as tf.Tensor2D;
  };
  /** Mean cross-entropy of predicted logits against target ids. */
  const crossEntropy = (l: tf.Tensor2D, targets: tf.Tensor1D): tf.Scalar =>
    tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(l), floatOneHot(targets, VOCAB_SIZE)), 1))) as tf.Scalar;

  return {
    get steps() {
      return steps;
    },
    evaluationSize: evalBatch.rows,
    step() {
      guard(disposed, 'masked character session');
      const r = rngFor(seed, steps++);
      const sentences: Int32Array[] = [];
      const masked: number[][] = [];
      for (let s = 0; s < batch; s++) {
        const ids = TRAIN_IDS[Math.min(TRAIN_IDS.length - 1, Math.floor(r() * TRAIN_IDS.length))];
        sentences.push(ids);
        masked.push(maskPositions(ids.length, r));
      }
      const b = evenRows(buildBatch(sentences, masked, context), width);
      return tf.tidy(() => {
        const ctx = tf.tensor2d(b.context, [b.rows, width], 'int32');
        const targets = tf.tensor1d(b.targets, 'int32');
        const cost = opt.minimize(() => crossEntropy(logits(ctx), targets), true, vars);
        if (cost === null) throw new Error('the optimizer returned no loss');
        return cost;
      });
    },
    async predict(text, maskChar = '_') {
      guard(disposed, 'masked character session');
      if (maskChar.length !== 1) throw new RangeError(`maskChar must be one character, got ${JSON.stringify(maskChar)}`);
      const ids: number[] = [];
      const origin: number[] = [];
      const masked: number[] = [];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === maskChar) {
          masked.push(ids.length);
          origin.push(i);
          ids.push(MASK_ID);
          continue;
        }
        for (const c of normalizeChar(text[i])) ids.push(ALPHABET.indexOf(c));
      }
      if (masked.length === 0) return [];
      // The gaps already read [MASK]; buildBatch's targets are unused here.
      const b = buildBatch([Int32Array.from(ids, (id) => (id === MASK_ID ? 0 : id))], [masked], context);
      const probs = tf.tidy(() => tf.softmax(logits(tf.tensor2d(b.context, [b.rows, width], 'int32'))));
      let p: Float32Array;
      try {
        p = (await probs.data()) as Float32Array;
      } finally {
        probs.dispose();
      }
      return masked.map((_, r) => {
        const row = Array.from(p.subarray(r * VOCAB_SIZE, (r + 1) * VOCAB_SIZE), (v, id) => ({ char: ALPHABET[id], p: v }));
        row.sort((a, c) => c.p - a.p);
        return { position: origin[r], top: row.slice(0, 5) };
      });
    },
    async evaluate() {
      guard(disposed, 'masked character session');
      const out = tf.tidy(() => {
        const l = logits(evalContext);
        const correct = tf.mean(tf.cast(tf.equal(tf.argMax(l, 1), evalTargets), 'float32'));
        const ce = crossEntropy(l, evalTargets as tf.Tensor1D);
        return tf.stack([correct, ce]);
      });
      try {
        const v = await out.data();
        return { accuracy: v[0], loss: v[1] };
      } finally {
        out.dispose();
      }
    },
    unigramBaselineAccuracy() {
      return baseline;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      opt.dispose();
      tf.dispose(vars);
      evalContext.dispose();
      evalTargets.dispose();
    },
  };
}
