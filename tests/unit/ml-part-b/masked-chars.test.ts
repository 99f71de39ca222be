import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ALPHABET,
  ENGLISH_SENTENCES,
  FRENCH_SENTENCES,
  HELD_OUT_SENTENCES,
  TRAIN_SENTENCES,
  normalizeText,
} from '@/lib/ml/part-b/masked-corpus';
import {
  MASK_ID,
  PAD_ID,
  buildBatch,
  createMaskedCharSession,
  encode,
  maskPositions,
  mostFrequentTrainingChar,
} from '@/lib/ml/part-b/masked-chars';
import { mulberry32 } from '@/lib/ml/random';
import { losses } from './helpers';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('corpus', () => {
  it('holds about 300 distinct sentences, half English, half French, split without overlap', () => {
    expect(ENGLISH_SENTENCES.length).toBe(150);
    expect(FRENCH_SENTENCES.length).toBe(150);
    expect(new Set([...ENGLISH_SENTENCES, ...FRENCH_SENTENCES]).size).toBe(300);
    expect(TRAIN_SENTENCES.length + HELD_OUT_SENTENCES.length).toBe(300);
    expect(HELD_OUT_SENTENCES.length).toBeGreaterThanOrEqual(30);
    const train = new Set(TRAIN_SENTENCES);
    for (const s of HELD_OUT_SENTENCES) expect(train.has(s)).toBe(false);
  });

  it('normalises onto the 30-character alphabet', () => {
    expect(ALPHABET.length).toBe(30);
    for (const s of [...TRAIN_SENTENCES, ...HELD_OUT_SENTENCES]) {
      for (const c of s) expect(ALPHABET).toContain(c);
      expect(s).toBe(s.trim());
      expect(s).not.toContain('  ');
    }
    expect(normalizeText('Élève à l’école ; où ? Œuf !')).toBe("eleve a l'ecole , ou . oeuf .");
    expect(normalizeText('a\u0301b 12 c')).toBe('ab c');
  });
});

describe('masking', () => {
  it('masks round(15 %) of the positions, at least one, distinct and sorted', () => {
    const rng = mulberry32(1);
    for (const length of [1, 5, 40, 67]) {
      const m = maskPositions(length, rng);
      expect(m.length).toBe(Math.max(1, Math.round(0.15 * length)));
      expect(new Set(m).size).toBe(m.length);
      expect([...m].sort((a, b) => a - b)).toEqual(m);
      for (const p of m) expect(p >= 0 && p < length).toBe(true);
    }
  });

  it('builds context rows that hide every gap and pad the ends', () => {
    const ids = encode('abcde');
    const b = buildBatch([ids], [[0, 2]], 2);
    expect(b.rows).toBe(2);
    expect(Array.from(b.targets)).toEqual([ids[0], ids[2]]);
    // Gap 0 sees [PAD, PAD | b, gap 2]; gap 2 sees [gap 0, b | d, e].
    expect(Array.from(b.context.subarray(0, 4))).toEqual([PAD_ID, PAD_ID, ids[1], MASK_ID]);
    expect(Array.from(b.context.subarray(4, 8))).toEqual([MASK_ID, ids[1], ids[3], ids[4]]);
  });
});

describe('masked character model', () => {
  it('beats the unigram baseline on held-out text by a clear margin', async () => {
    const session = createMaskedCharSession({ seed: 1 });
    const before = await session.evaluate();
    await losses(session, 60);
    const after = await session.evaluate();
    const baseline = session.unigramBaselineAccuracy();
    session.dispose();
    // The baseline (always guess a space) scores 0.16. Measured with the defaults over seeds 1
    // to 4: 0.36 to 0.39 after 40 to 60 steps, about 0.40 after 100 and 0.47 at the plateau
    // (the held-out sentences share the vocabulary, not the sentences). Requiring
    // baseline + 0.15 asks for about twice the baseline's accuracy.
    expect(ALPHABET[mostFrequentTrainingChar()]).toBe(' ');
    expect(baseline).toBeGreaterThan(0.1);
    expect(baseline).toBeLessThan(0.25);
    expect(after.accuracy).toBeGreaterThan(baseline + 0.15);
    expect(after.loss).toBeLessThan(before.loss);
  });

  it('predicts the top five characters at every mask, with positions in the original text', async () => {
    const session = createMaskedCharSession({ seed: 2, hidden: 16, batch: 8 });
    await losses(session, 5);
    const text = 'Élève _ l’éc_le.';
    const out = await session.predict(text);
    expect(out.map((p) => p.position)).toEqual([6, 12]);
    for (const p of out) {
      expect(p.top.length).toBe(5);
      let total = 0;
      for (let i = 0; i < 5; i++) {
        expect(ALPHABET).toContain(p.top[i].char);
        if (i > 0) expect(p.top[i].p).toBeLessThanOrEqual(p.top[i - 1].p);
        total += p.top[i].p;
      }
      expect(total).toBeLessThanOrEqual(1 + 1e-5);
    }
    expect(await session.predict('no gaps here')).toEqual([]);
    expect((await session.predict('a*c', '*'))[0].position).toBe(1);
    session.dispose();
  });

  it('scores a fixed held-out set and repeats a seeded run exactly', async () => {
    const trace = async () => {
      const session = createMaskedCharSession({ seed: 3, hidden: 16, batch: 4 });
      const l = await losses(session, 10);
      const e = await session.evaluate();
      const n = session.evaluationSize;
      session.dispose();
      return { l, e, n };
    };
    const a = await trace();
    expect(a).toEqual(await trace());
    expect(a.n).toBeGreaterThan(500);
  });
});

describe('evenRows', () => {
  it('repeats the last row of an odd batch and leaves an even one alone', async () => {
    const { evenRows } = await import('@/lib/ml/part-b/masked-chars');
    const odd = { context: Int32Array.from([1, 2, 3, 4, 5, 6]), targets: Int32Array.from([7, 8, 9]), rows: 3 };
    const even = evenRows(odd, 2);
    expect(even.rows).toBe(4);
    expect(Array.from(even.context)).toEqual([1, 2, 3, 4, 5, 6, 5, 6]);
    expect(Array.from(even.targets)).toEqual([7, 8, 9, 9]);
    const two = { context: Int32Array.from([1, 2, 3, 4]), targets: Int32Array.from([7, 8]), rows: 2 };
    expect(evenRows(two, 2)).toBe(two);
  });
});
