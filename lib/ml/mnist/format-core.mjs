/**
 * The MNIST bundle file format: one 64-byte header, then count×rows×cols uint8 pixels
 * (row-major images, one after another), then count uint8 labels.
 *
 * This module is plain JavaScript on purpose: the build script that writes the file runs
 * in plain Node before any bundler exists, and the browser loader reads the same bytes
 * through the TypeScript wrapper `format.ts`. One implementation serves both, so writer
 * and reader cannot drift apart. Types live in `format-core.d.mts`.
 *
 * Header (little-endian):
 *   0  4 bytes  magic "MNST"
 *   4  u16      format version (1)
 *   6  u16      header length in bytes (64)
 *   8  u32      count
 *  12  u16      rows
 *  14  u16      cols
 *  16  u32      train count (the first `train count` records are the training split)
 *  20  u32      test count (the rest)
 *  24  u32      CRC-32 of the payload (pixels then labels)
 *  28  u32      reserved, 0
 *  32  32 bytes source tag, ASCII, NUL-padded (what the file was built from; lets the
 *               build step tell whether an existing file is up to date)
 */

export const MNIST_MAGIC = 'MNST';
export const MNIST_FORMAT_VERSION = 1;
export const MNIST_HEADER_BYTES = 64;
export const MNIST_SOURCE_TAG_BYTES = 32;
export const MNIST_CLASSES = 10;

const SOURCE_OFFSET = 32;

export class MnistFormatError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   */
  constructor(code, message) {
    super(message);
    this.name = 'MnistFormatError';
    this.code = code;
  }
}

let crcTable = null;

function table() {
  if (crcTable === null) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      // Reflected IEEE 802.3 polynomial, the CRC-32 of zip, PNG and gzip, so a file can be
      // cross-checked with everyday tools.
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  return crcTable;
}

/**
 * CRC-32 (IEEE) of `bytes`; pass the previous result as `crc` to continue over several chunks.
 * @param {Uint8Array} bytes
 * @param {number} [crc]
 */
export function crc32(bytes, crc = 0) {
  const t = table();
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Bytes of a bundle holding `count` images of rows×cols pixels. */
export function mnistByteLength(count, rows, cols) {
  return MNIST_HEADER_BYTES + count * rows * cols + count;
}

function hex32(v) {
  return `0x${(v >>> 0).toString(16).padStart(8, '0')}`;
}

function checkUint(name, value, max) {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new MnistFormatError('invalid-input', `${name} must be an integer in [0, ${max}], got ${value}`);
  }
}

function checkLabels(labels) {
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] >= MNIST_CLASSES) {
      throw new MnistFormatError(
        'bad-label',
        `label ${labels[i]} at index ${i} is outside 0–${MNIST_CLASSES - 1}`,
      );
    }
  }
}

/**
 * @param {{ pixels: Uint8Array, labels: Uint8Array, rows: number, cols: number, trainCount: number, source?: string }} dataset
 * @returns {Uint8Array}
 */
export function encodeMnist({ pixels, labels, rows, cols, trainCount, source = '' }) {
  if (!(pixels instanceof Uint8Array) || !(labels instanceof Uint8Array)) {
    throw new MnistFormatError('invalid-input', 'pixels and labels must be Uint8Arrays');
  }
  checkUint('rows', rows, 0xffff);
  checkUint('cols', cols, 0xffff);
  if (rows === 0 || cols === 0) throw new MnistFormatError('shape-mismatch', `image shape ${rows}×${cols} is empty`);
  const count = labels.length;
  checkUint('trainCount', trainCount, count);
  if (pixels.length !== count * rows * cols) {
    throw new MnistFormatError(
      'shape-mismatch',
      `pixels hold ${pixels.length} values, expected count×rows×cols = ${count}×${rows}×${cols} = ${count * rows * cols}`,
    );
  }
  checkLabels(labels);
  // The tag is compared byte for byte by the build step, so only printable ASCII is allowed.
  if (!/^[\x20-\x7e]*$/.test(source) || source.length > MNIST_SOURCE_TAG_BYTES) {
    throw new MnistFormatError(
      'invalid-input',
      `source tag must be printable ASCII of at most ${MNIST_SOURCE_TAG_BYTES} characters, got ${JSON.stringify(source)}`,
    );
  }

  const out = new Uint8Array(mnistByteLength(count, rows, cols));
  out.set(pixels, MNIST_HEADER_BYTES);
  out.set(labels, MNIST_HEADER_BYTES + pixels.length);
  const payload = out.subarray(MNIST_HEADER_BYTES);

  const view = new DataView(out.buffer, out.byteOffset, MNIST_HEADER_BYTES);
  for (let i = 0; i < 4; i++) view.setUint8(i, MNIST_MAGIC.charCodeAt(i));
  view.setUint16(4, MNIST_FORMAT_VERSION, true);
  view.setUint16(6, MNIST_HEADER_BYTES, true);
  view.setUint32(8, count, true);
  view.setUint16(12, rows, true);
  view.setUint16(14, cols, true);
  view.setUint32(16, trainCount, true);
  view.setUint32(20, count - trainCount, true);
  view.setUint32(24, crc32(payload), true);
  view.setUint32(28, 0, true);
  for (let i = 0; i < source.length; i++) view.setUint8(SOURCE_OFFSET + i, source.charCodeAt(i));
  return out;
}

/**
 * Reads and checks the header only (no checksum): enough to know the file's shape, its
 * expected size and its source tag from the first 64 bytes.
 * @param {Uint8Array} bytes
 */
export function readMnistHeader(bytes) {
  if (!(bytes instanceof Uint8Array)) throw new MnistFormatError('invalid-input', 'expected a Uint8Array');
  if (bytes.length < MNIST_HEADER_BYTES) {
    throw new MnistFormatError(
      'truncated',
      `truncated file: ${bytes.length} bytes is shorter than the ${MNIST_HEADER_BYTES}-byte header`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, MNIST_HEADER_BYTES);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) {
    const shown = Array.from(bytes.subarray(0, 4), (b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new MnistFormatError(
      'bad-magic',
      `bad magic bytes ${shown}: this is not an MNIST bundle (expected "${MNIST_MAGIC}"); an HTML error page served in its place is a common cause`,
    );
  }
  const version = view.getUint16(4, true);
  if (version !== MNIST_FORMAT_VERSION) {
    throw new MnistFormatError(
      'unsupported-version',
      `unsupported format version ${version} (this reader understands version ${MNIST_FORMAT_VERSION})`,
    );
  }
  const headerBytes = view.getUint16(6, true);
  if (headerBytes !== MNIST_HEADER_BYTES) {
    throw new MnistFormatError('shape-mismatch', `header length field is ${headerBytes}, expected ${MNIST_HEADER_BYTES}`);
  }
  const count = view.getUint32(8, true);
  const rows = view.getUint16(12, true);
  const cols = view.getUint16(14, true);
  const trainCount = view.getUint32(16, true);
  const testCount = view.getUint32(20, true);
  const checksum = view.getUint32(24, true);
  let source = '';
  for (let i = 0; i < MNIST_SOURCE_TAG_BYTES; i++) {
    const c = bytes[SOURCE_OFFSET + i];
    if (c === 0) break;
    source += String.fromCharCode(c);
  }
  if (rows === 0 || cols === 0) throw new MnistFormatError('shape-mismatch', `image shape ${rows}×${cols} is empty`);
  if (trainCount + testCount !== count) {
    throw new MnistFormatError(
      'shape-mismatch',
      `train count ${trainCount} + test count ${testCount} does not equal count ${count}`,
    );
  }
  return { version, count, rows, cols, trainCount, testCount, checksum, source, byteLength: mnistByteLength(count, rows, cols) };
}

/**
 * Decodes and fully validates a bundle. `pixels` and `labels` are views into `bytes` (no
 * copy), so `bytes` must not be modified afterwards.
 * @param {Uint8Array} bytes
 */
export function decodeMnist(bytes) {
  const header = readMnistHeader(bytes);
  const { count, rows, cols, trainCount, testCount, checksum, source, byteLength } = header;
  if (bytes.length < byteLength) {
    throw new MnistFormatError(
      'truncated',
      `truncated file: expected ${byteLength} bytes for ${count} images of ${rows}×${cols}, got ${bytes.length}`,
    );
  }
  if (bytes.length > byteLength) {
    throw new MnistFormatError(
      'size-mismatch',
      `file has ${bytes.length - byteLength} trailing bytes: expected ${byteLength} bytes for ${count} images of ${rows}×${cols}, got ${bytes.length}`,
    );
  }
  const payload = bytes.subarray(MNIST_HEADER_BYTES);
  const actual = crc32(payload);
  if (actual !== checksum) {
    throw new MnistFormatError(
      'checksum-mismatch',
      `checksum mismatch: header records CRC-32 ${hex32(checksum)}, payload has ${hex32(actual)} (the file is corrupted)`,
    );
  }
  const pixels = payload.subarray(0, count * rows * cols);
  const labels = payload.subarray(count * rows * cols);
  checkLabels(labels);
  return { pixels, labels, rows, cols, count, trainCount, testCount, source };
}
