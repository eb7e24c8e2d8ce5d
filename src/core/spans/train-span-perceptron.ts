import { extractTokenFeatures } from './extract-token-features.js';
import { seededRandom, shuffled } from './seeded-random.js';
import { labelName, parseLabelName, type BioTag, type SpanModel } from './span-model.js';
import { allowedTransitions, scoreEmissions } from './tag-tokens.js';
import { viterbiDecode } from './viterbi-decode.js';

/** One annotated sentence: tokens with a skill and a knowledge BIO layer. */
export interface TrainingSentence {
  tokens: readonly string[];
  tagsSkill: readonly string[];
  tagsKnowledge: readonly string[];
}

export interface PerceptronOptions {
  epochs: number;
  /** seeds the order in which sentences are visited in each epoch */
  seed: number;
  wordClusters: ReadonlyMap<string, string>;
  /** features seen fewer times than this in the training data are not learned (default 1) */
  minFeatureCount?: number;
  /** called after each epoch with the averaged model so far (e.g. to print a dev score) */
  onEpoch?: (epoch: number, model: SpanModel) => void;
}

function asBio(tag: string | undefined): BioTag {
  return tag === 'B' || tag === 'I' ? tag : 'O';
}

/**
 * Trains a joint skill × knowledge linear-chain tagger with the averaged structured perceptron (Collins 2002) and
 * BIO-constrained Viterbi decoding. Deterministic for given sentences and options.
 */
export function trainSpanPerceptron(sentences: readonly TrainingSentence[], options: PerceptronOptions): SpanModel {
  const labelNames = new Set<string>(['O O']);
  for (const sentence of sentences) {
    sentence.tokens.forEach((_, index) => {
      labelNames.add(`${asBio(sentence.tagsSkill[index])} ${asBio(sentence.tagsKnowledge[index])}`);
    });
  }
  const labels = [...labelNames].sort().map(parseLabelName);
  const labelIndex = new Map(labels.map((label, index) => [labelName(label), index]));
  const labelCount = labels.length;

  const featureStrings = sentences.map((sentence) => extractTokenFeatures(sentence.tokens, options.wordClusters));
  const counts = new Map<string, number>();
  for (const sentence of featureStrings) {
    for (const token of sentence) for (const feature of token) counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const minCount = options.minFeatureCount ?? 1;
  const featureIndex = new Map<string, number>();
  for (const [feature, count] of counts) if (count >= minCount) featureIndex.set(feature, featureIndex.size);

  const examples = sentences.map((sentence, index) => ({
    rows: (featureStrings[index] as string[][]).map((features) =>
      Int32Array.from(features, (feature) => featureIndex.get(feature) ?? -1),
    ),
    gold: sentence.tokens.map(
      (_, token) =>
        labelIndex.get(`${asBio(sentence.tagsSkill[token])} ${asBio(sentence.tagsKnowledge[token])}`) as number,
    ),
  }));
  featureStrings.length = 0;

  const weights = new Float64Array(featureIndex.size * labelCount);
  const weightSums = new Float64Array(weights.length);
  const transition = new Float64Array((labelCount + 1) * labelCount);
  const transitionSums = new Float64Array(transition.length);
  const allowed = allowedTransitions(labels);
  const random = seededRandom(options.seed);
  let step = 1;

  const averaged = (): SpanModel => ({
    labels,
    featureIndex,
    emission: Float32Array.from(weights, (weight, index) => weight - (weightSums[index] as number) / step),
    transition: Float32Array.from(transition, (weight, index) => weight - (transitionSums[index] as number) / step),
    wordClusters: options.wordClusters,
  });

  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    for (const example of shuffled(examples, random)) {
      if (example.gold.length === 0) continue;
      const predicted = viterbiDecode(
        scoreEmissions(example.rows, weights, labelCount),
        transition,
        allowed,
        labelCount,
      );
      example.gold.forEach((gold, token) => {
        const guess = predicted[token] as number;
        if (gold !== guess) {
          for (const row of example.rows[token] as Int32Array) {
            if (row < 0) continue;
            weights[row * labelCount + gold] = (weights[row * labelCount + gold] as number) + 1;
            weightSums[row * labelCount + gold] = (weightSums[row * labelCount + gold] as number) + step;
            weights[row * labelCount + guess] = (weights[row * labelCount + guess] as number) - 1;
            weightSums[row * labelCount + guess] = (weightSums[row * labelCount + guess] as number) - step;
          }
        }
        const goldPrevious = token === 0 ? labelCount : (example.gold[token - 1] as number);
        const guessPrevious = token === 0 ? labelCount : (predicted[token - 1] as number);
        if (gold !== guess || goldPrevious !== guessPrevious) {
          transition[goldPrevious * labelCount + gold] = (transition[goldPrevious * labelCount + gold] as number) + 1;
          transitionSums[goldPrevious * labelCount + gold] =
            (transitionSums[goldPrevious * labelCount + gold] as number) + step;
          transition[guessPrevious * labelCount + guess] =
            (transition[guessPrevious * labelCount + guess] as number) - 1;
          transitionSums[guessPrevious * labelCount + guess] =
            (transitionSums[guessPrevious * labelCount + guess] as number) - step;
        }
      });
      step += 1;
    }
    options.onEpoch?.(epoch, averaged());
  }
  return averaged();
}
