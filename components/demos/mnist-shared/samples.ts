/**
 * The fixed test digits a demo shows: the first test digit of each class in turn, so that the
 * row covers every class, the same ones on every visit.
 */
export function sampleIndices(labels: Uint8Array, count = 10): number[] {
  const out: number[] = [];
  const used = new Set<number>();
  for (let round = 0; out.length < count && round < labels.length; round++) {
    const wanted = out.length % 10;
    const i = labels.findIndex((label, k) => label === wanted && !used.has(k));
    if (i < 0) break;
    used.add(i);
    out.push(i);
  }
  // A test split lacking a class still fills the row, in order.
  for (let k = 0; out.length < count && k < labels.length; k++) if (!used.has(k)) out.push(k);
  return out;
}
