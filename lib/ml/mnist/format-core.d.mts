/** Types of `format-core.mjs`; see that file for the byte layout. */

export declare const MNIST_MAGIC: 'MNST';
export declare const MNIST_FORMAT_VERSION: number;
export declare const MNIST_HEADER_BYTES: number;
export declare const MNIST_SOURCE_TAG_BYTES: number;
export declare const MNIST_CLASSES: number;

export type MnistFormatErrorCode =
  | 'invalid-input'
  | 'bad-magic'
  | 'unsupported-version'
  | 'truncated'
  | 'size-mismatch'
  | 'shape-mismatch'
  | 'checksum-mismatch'
  | 'bad-label';

export declare class MnistFormatError extends Error {
  readonly code: MnistFormatErrorCode;
  constructor(code: MnistFormatErrorCode, message: string);
}

export interface MnistEncodeInput {
  /** count×rows×cols values, image after image, row-major. */
  pixels: Uint8Array;
  /** count labels in 0–9. */
  labels: Uint8Array;
  rows: number;
  cols: number;
  /** The first `trainCount` records form the training split, the rest the test split. */
  trainCount: number;
  /** Printable ASCII, at most 32 characters, recorded in the header. */
  source?: string;
}

export interface MnistHeader {
  version: number;
  count: number;
  rows: number;
  cols: number;
  trainCount: number;
  testCount: number;
  checksum: number;
  source: string;
  /** Size in bytes of the whole file this header describes. */
  byteLength: number;
}

export interface DecodedMnist {
  /** View into the decoded bytes: count×rows×cols uint8 values. */
  pixels: Uint8Array;
  /** View into the decoded bytes: count labels in 0–9. */
  labels: Uint8Array;
  rows: number;
  cols: number;
  count: number;
  trainCount: number;
  testCount: number;
  source: string;
}

export declare function crc32(bytes: Uint8Array, crc?: number): number;
export declare function mnistByteLength(count: number, rows: number, cols: number): number;
export declare function encodeMnist(input: MnistEncodeInput): Uint8Array;
export declare function readMnistHeader(bytes: Uint8Array): MnistHeader;
export declare function decodeMnist(bytes: Uint8Array): DecodedMnist;
