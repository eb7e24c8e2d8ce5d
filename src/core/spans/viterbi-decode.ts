/**
 * The best label sequence of a first-order linear chain. `emission` is tokenCount × labelCount (row-major);
 * `transition` is (labelCount + 1) × labelCount where the last row scores the sentence start; `allowed` has the
 * same shape and forbids a transition when 0. Ties go to the lower label index, so decoding is deterministic.
 */
export function viterbiDecode(
  emission: Float64Array,
  transition: Float32Array | Float64Array,
  allowed: Uint8Array,
  labelCount: number,
): number[] {
  const tokenCount = emission.length / labelCount;
  if (tokenCount === 0) return [];
  const score = new Float64Array(tokenCount * labelCount);
  const back = new Int32Array(tokenCount * labelCount);
  const startRow = labelCount * labelCount;
  for (let label = 0; label < labelCount; label += 1) {
    score[label] = allowed[startRow + label]
      ? (emission[label] as number) + (transition[startRow + label] as number)
      : -Infinity;
  }
  for (let token = 1; token < tokenCount; token += 1) {
    for (let label = 0; label < labelCount; label += 1) {
      let best = -Infinity;
      let bestPrevious = 0;
      for (let previous = 0; previous < labelCount; previous += 1) {
        if (!allowed[previous * labelCount + label]) continue;
        const candidate =
          (score[(token - 1) * labelCount + previous] as number) +
          (transition[previous * labelCount + label] as number);
        if (candidate > best) {
          best = candidate;
          bestPrevious = previous;
        }
      }
      score[token * labelCount + label] = best + (emission[token * labelCount + label] as number);
      back[token * labelCount + label] = bestPrevious;
    }
  }
  let last = 0;
  for (let label = 1; label < labelCount; label += 1) {
    if (
      (score[(tokenCount - 1) * labelCount + label] as number) > (score[(tokenCount - 1) * labelCount + last] as number)
    )
      last = label;
  }
  const path = new Array<number>(tokenCount);
  path[tokenCount - 1] = last;
  for (let token = tokenCount - 1; token > 0; token -= 1) {
    last = back[token * labelCount + last] as number;
    path[token - 1] = last;
  }
  return path;
}
