import { extractTokenFeatures } from './extract-token-features.js';
import { repairBio } from './repair-bio.js';
import { isAllowedTransition, type SpanLabel, type SpanModel } from './span-model.js';
import { viterbiDecode } from './viterbi-decode.js';

/** The (labelCount + 1) × labelCount mask of BIO-valid transitions; the last row is the sentence start. */
export function allowedTransitions(labels: readonly SpanLabel[]): Uint8Array {
  const labelCount = labels.length;
  const allowed = new Uint8Array((labelCount + 1) * labelCount);
  for (let previous = 0; previous <= labelCount; previous += 1) {
    for (let next = 0; next < labelCount; next += 1) {
      allowed[previous * labelCount + next] = isAllowedTransition(labels[previous] ?? null, labels[next] as SpanLabel)
        ? 1
        : 0;
    }
  }
  return allowed;
}

/** Emission scores (tokenCount × labelCount) of feature rows (`-1` rows, unknown features, are skipped). */
export function scoreEmissions(
  featureRows: readonly Int32Array[],
  weights: Float32Array | Float64Array,
  labelCount: number,
): Float64Array {
  const scores = new Float64Array(featureRows.length * labelCount);
  featureRows.forEach((rows, token) => {
    const base = token * labelCount;
    for (const row of rows) {
      if (row < 0) continue;
      const offset = row * labelCount;
      for (let label = 0; label < labelCount; label += 1) {
        scores[base + label] = (scores[base + label] as number) + (weights[offset + label] as number);
      }
    }
  });
  return scores;
}

const allowedCache = new WeakMap<SpanModel, Uint8Array>();

/** Skill and knowledge BIO tags (`B`/`I`/`O`, one per token, valid BIO per layer) for one tokenised sentence. */
export function tagTokens(
  model: SpanModel,
  tokens: readonly string[],
): { tagsSkill: string[]; tagsKnowledge: string[] } {
  if (tokens.length === 0) return { tagsSkill: [], tagsKnowledge: [] };
  let allowed = allowedCache.get(model);
  if (!allowed) {
    allowed = allowedTransitions(model.labels);
    allowedCache.set(model, allowed);
  }
  const featureRows = extractTokenFeatures(tokens, model.wordClusters).map((features) =>
    Int32Array.from(features, (feature) => model.featureIndex.get(feature) ?? -1),
  );
  const labelCount = model.labels.length;
  const path = viterbiDecode(
    scoreEmissions(featureRows, model.emission, labelCount),
    model.transition,
    allowed,
    labelCount,
  );
  const labels = path.map((index) => model.labels[index] as SpanLabel);
  return {
    tagsSkill: repairBio(labels.map((label) => label.skill)),
    tagsKnowledge: repairBio(labels.map((label) => label.knowledge)),
  };
}
