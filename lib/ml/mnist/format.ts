/**
 * The MNIST bundle format for TypeScript callers. The implementation is the plain-JavaScript
 * `format-core.mjs`, because the build script that writes the file must run in plain Node
 * before any bundler; keeping a single implementation means the writer and the browser reader
 * cannot disagree about the layout.
 */
export {
  MNIST_CLASSES,
  MNIST_FORMAT_VERSION,
  MNIST_HEADER_BYTES,
  MNIST_MAGIC,
  MNIST_SOURCE_TAG_BYTES,
  MnistFormatError,
  crc32,
  decodeMnist,
  encodeMnist,
  mnistByteLength,
  readMnistHeader,
} from './format-core.mjs';
export type {
  DecodedMnist,
  MnistEncodeInput,
  MnistFormatErrorCode,
  MnistHeader,
} from './format-core.mjs';
