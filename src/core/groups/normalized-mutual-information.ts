/**
 * Normalised mutual information between two labellings of the same items, with the arithmetic-mean
 * normalisation (scikit-learn's default): NMI = I(U; V) / ((H(U) + H(V)) / 2). 1 when the partitions agree up to
 * renaming (also when both put everything in one group); 0 when they are independent.
 */
export function normalizedMutualInformation(
  truth: ArrayLike<number | string>,
  predicted: ArrayLike<number | string>,
): number {
  const n = truth.length;
  if (n !== predicted.length) throw new RangeError('the two labellings differ in length');
  if (n === 0) return 1;
  const left = new Map<string, number>();
  const right = new Map<string, number>();
  const joint = new Map<string, { count: number; u: string; v: string }>();
  for (let i = 0; i < n; i++) {
    const u = String(truth[i]);
    const v = String(predicted[i]);
    left.set(u, (left.get(u) ?? 0) + 1);
    right.set(v, (right.get(v) ?? 0) + 1);
    const key = `${u}\u0000${v}`;
    const cell = joint.get(key);
    if (cell) cell.count++;
    else joint.set(key, { count: 1, u, v });
  }
  const entropy = (counts: Map<string, number>) => {
    let h = 0;
    for (const count of counts.values()) h -= (count / n) * Math.log(count / n);
    return h;
  };
  const hU = entropy(left);
  const hV = entropy(right);
  if (hU === 0 && hV === 0) return 1;
  let mutual = 0;
  for (const { count, u, v } of joint.values()) {
    const p = count / n;
    mutual += p * Math.log(p / ((left.get(u)! / n) * (right.get(v)! / n)));
  }
  return Math.max(0, Math.min(1, mutual / ((hU + hV) / 2)));
}
