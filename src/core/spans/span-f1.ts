import type { TypedSpan } from './spans-from-bio.js';

/** Exact-match span scores: counts and precision/recall/F1 (0 when undefined). */
export interface SpanScores {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Scores from counts; precision, recall and F1 are 0 when their denominator is 0. */
export function scoresFromCounts(gold: number, predicted: number, correct: number): SpanScores {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { gold, predicted, correct, precision, recall, f1 };
}

/**
 * Span-F1 as in the SkillSpan paper: per sentence, a predicted span is correct when a gold span has the same type,
 * start and end; counts are pooled over all sentences and types. `gold[i]` and `predicted[i]` are sentence i's spans.
 */
export function spanF1(
  gold: readonly (readonly TypedSpan[])[],
  predicted: readonly (readonly TypedSpan[])[],
): SpanScores {
  if (gold.length !== predicted.length)
    throw new Error(`spanF1: ${gold.length} gold vs ${predicted.length} predicted sentences`);
  let goldCount = 0;
  let predictedCount = 0;
  let correct = 0;
  gold.forEach((goldSpans, index) => {
    const keys = new Set(goldSpans.map((span) => `${span.type}\u0000${span.start}\u0000${span.end}`));
    const predictedKeys = new Set(
      (predicted[index] ?? []).map((span) => `${span.type}\u0000${span.start}\u0000${span.end}`),
    );
    goldCount += keys.size;
    predictedCount += predictedKeys.size;
    for (const key of predictedKeys) if (keys.has(key)) correct += 1;
  });
  return scoresFromCounts(goldCount, predictedCount, correct);
}
