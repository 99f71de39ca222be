/**
 * The real digits for the tests, built in memory exactly as the build step builds the bundle
 * (the bundle itself is a build artefact the tests must not depend on).
 */
import { decodeMnist, encodeMnist, type DecodedMnist } from '@/lib/ml/mnist/format';
import { buildDataset, loadMnistPackage, sourceTag, type BuiltDataset } from '@/scripts/data/mnist-dataset.mjs';

let built: BuiltDataset | null = null;
let decoded: DecodedMnist | null = null;

export function realDigits(): BuiltDataset {
  if (built === null) built = buildDataset(loadMnistPackage().digits);
  return built;
}

/** The digits after a round trip through the file format, as the browser sees them. */
export function decodedDigits(): DecodedMnist {
  if (decoded === null) {
    const { version } = loadMnistPackage();
    decoded = decodeMnist(encodeMnist({ ...realDigits(), source: sourceTag(version) }));
  }
  return decoded;
}
