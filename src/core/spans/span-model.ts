/** One BIO tag of a layer. */
export type BioTag = 'B' | 'I' | 'O';

/** A joint label: the skill layer's tag and the knowledge layer's tag of one token (overlaps are representable). */
export interface SpanLabel {
  skill: BioTag;
  knowledge: BioTag;
}

/**
 * A trained linear-chain span tagger: emission weights per (feature, label), first-order transition weights, and the
 * word clusters that feature extraction looks up. Weights are plain typed arrays so that scoring is a few adds.
 */
export interface SpanModel {
  labels: readonly SpanLabel[];
  /** feature string → row in `emission` */
  featureIndex: ReadonlyMap<string, number>;
  /** featureCount × labels.length, row-major */
  emission: Float32Array;
  /** (labels.length + 1) × labels.length: row `p` is "previous label p", the last row is "start of sentence" */
  transition: Float32Array;
  /** lowercased, digit-normalised word → cluster bit path (prefixes of it are coarser clusters) */
  wordClusters: ReadonlyMap<string, string>;
}

/** The JSON form of a {@link SpanModel} as shipped (weights quantised to integers, divided by `scale` on load). */
export interface SpanModelFile {
  format: 'zerodock-span-tagger';
  version: 1;
  labels: string[];
  scale: number;
  features: string[];
  emission: number[];
  transition: number[];
  wordClusters: Record<string, string>;
  trainedOn: string;
}

/** `"B O"`-style name of a label (skill tag, then knowledge tag). */
export function labelName(label: SpanLabel): string {
  return `${label.skill} ${label.knowledge}`;
}

function isBioTag(value: string | undefined): value is BioTag {
  return value === 'B' || value === 'I' || value === 'O';
}

/** Parses a `"B O"`-style label name. */
export function parseLabelName(name: string): SpanLabel {
  const [skill, knowledge] = name.split(' ');
  if (!isBioTag(skill) || !isBioTag(knowledge)) throw new Error(`not a span label: ${JSON.stringify(name)}`);
  return { skill, knowledge };
}

/** Whether `next` may follow `previous` (or the sentence start) in valid BIO on both layers. */
export function isAllowedTransition(previous: SpanLabel | null, next: SpanLabel): boolean {
  const layerAllows = (before: BioTag | undefined, after: BioTag): boolean =>
    after !== 'I' || before === 'B' || before === 'I';
  return layerAllows(previous?.skill, next.skill) && layerAllows(previous?.knowledge, next.knowledge);
}

/** The model as its JSON file form; weights are rounded to `1 / scale`, and zero-weight features are dropped. */
export function toSpanModelFile(model: SpanModel, scale: number, trainedOn: string): SpanModelFile {
  const labelCount = model.labels.length;
  const features: string[] = [];
  const emission: number[] = [];
  const sortedFeatures = [...model.featureIndex.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [feature, row] of sortedFeatures) {
    const weights = Array.from(model.emission.subarray(row * labelCount, (row + 1) * labelCount), (weight) =>
      Math.round(weight * scale),
    );
    if (weights.every((weight) => weight === 0)) continue;
    features.push(feature);
    emission.push(...weights);
  }
  const sortedClusters = [...model.wordClusters.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    format: 'zerodock-span-tagger',
    version: 1,
    labels: model.labels.map(labelName),
    scale,
    features,
    emission,
    transition: Array.from(model.transition, (weight) => Math.round(weight * scale)),
    wordClusters: Object.fromEntries(sortedClusters),
    trainedOn,
  };
}

/** The model from its JSON file form; throws on a malformed file. */
export function fromSpanModelFile(file: SpanModelFile): SpanModel {
  if (file.format !== 'zerodock-span-tagger' || file.version !== 1)
    throw new Error('not a zerodock span tagger v1 file');
  const labels = file.labels.map(parseLabelName);
  const labelCount = labels.length;
  if (file.emission.length !== file.features.length * labelCount) throw new Error('span model: emission size mismatch');
  if (file.transition.length !== (labelCount + 1) * labelCount) throw new Error('span model: transition size mismatch');
  const featureIndex = new Map<string, number>();
  file.features.forEach((feature, row) => featureIndex.set(feature, row));
  const emission = Float32Array.from(file.emission, (weight) => weight / file.scale);
  const transition = Float32Array.from(file.transition, (weight) => weight / file.scale);
  return { labels, featureIndex, emission, transition, wordClusters: new Map(Object.entries(file.wordClusters)) };
}
