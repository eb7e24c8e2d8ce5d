import type { LinkEntry } from '../link-entry.js';
import { tokenize } from './tokenize.js';

/** The text fields of an entry the ranker reads, strongest first. */
export type ImplicitField = 'label' | 'alias' | 'broader' | 'description';
const FIELDS: readonly ImplicitField[] = ['label', 'alias', 'broader', 'description'];

export interface ImplicitIndexOptions {
  /** BM25F weight of each field (a term in the preferred label counts this many times one in the description). */
  readonly fieldWeights: Readonly<Record<ImplicitField, number>>;
  /** BM25F length normalisation per field (0 = none, 1 = full). */
  readonly fieldB: Readonly<Record<ImplicitField, number>>;
  /** BM25 saturation. */
  readonly k1: number;
  /** Weight of the best label/alias coverage (share of the term's idf found in the text) in the final score. */
  readonly coverageWeight: number;
  /** Weight of the popularity prior log(1 + occupations) / log(1 + max occupations). */
  readonly priorWeight: number;
  /** How many BM25F candidates are re-ranked. */
  readonly candidates: number;
  /** Query weight of a Chinese character unigram relative to a bigram or an English word. */
  readonly unigramWeight: number;
}

export const DEFAULT_IMPLICIT_OPTIONS: ImplicitIndexOptions = {
  fieldWeights: { label: 4, alias: 2, broader: 0.5, description: 0.6 },
  fieldB: { label: 0.5, alias: 0.7, broader: 0.3, description: 0.75 },
  k1: 1.2,
  coverageWeight: 1,
  priorWeight: 0.3,
  candidates: 400,
  unigramWeight: 0.3,
};

/**
 * A precomputed BM25F index over a link dictionary. Postings hold, per term, the entries that contain it (in
 * entry order) and the field-weighted, length-normalised term frequency of BM25F, so a query only sums.
 */
export interface ImplicitIndex {
  readonly options: ImplicitIndexOptions;
  readonly entryCount: number;
  readonly termIds: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
  readonly postingEntries: readonly Int32Array[];
  readonly postingWeights: readonly Float32Array[];
  /** Per entry, its labels and aliases as lists of term ids (what coverage and explanations use). */
  readonly surfaceTerms: readonly (readonly Int32Array[])[];
  /** Per entry, the popularity prior in [0, 1]. */
  readonly prior: Float64Array;
  /** Per entry, 1 when it may be returned (not a grouping concept). */
  readonly rankable: Uint8Array;
}

/** Builds the implicit ranker's index from the dictionary's own text (deterministic, no external data). */
export function buildImplicitIndex(
  entries: readonly LinkEntry[],
  options: Partial<ImplicitIndexOptions> = {},
): ImplicitIndex {
  const settings: ImplicitIndexOptions = { ...DEFAULT_IMPLICIT_OPTIONS, ...options };
  const termIds = new Map<string, number>();
  const termId = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
    }
    return id;
  };

  // Per entry and field: term id → count, and the field length.
  const fieldCounts: Map<number, number>[][] = [];
  const fieldLengths: Float64Array[] = FIELDS.map(() => new Float64Array(entries.length));
  const surfaceTerms: Int32Array[][] = [];
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const entry = entries[entryIndex]!;
    const texts: Record<ImplicitField, string[]> = {
      label: [entry.labelEn, entry.labelZh].filter((text): text is string => text !== null),
      alias: entry.terms.filter((term) => term.kind === 'alias').map((term) => term.text),
      broader: [...entry.broaderLabels],
      description: [entry.descriptionEn, entry.descriptionZh].filter((text): text is string => text !== null),
    };
    const perField: Map<number, number>[] = [];
    FIELDS.forEach((field, fieldIndex) => {
      const counts = new Map<number, number>();
      let length = 0;
      for (const text of texts[field]) {
        for (const token of tokenize(text)) {
          const id = termId(token.term);
          counts.set(id, (counts.get(id) ?? 0) + 1);
          length++;
        }
      }
      fieldLengths[fieldIndex]![entryIndex] = length;
      perField.push(counts);
    });
    fieldCounts.push(perField);
    const surfaces: Int32Array[] = [];
    for (const term of entry.terms) {
      const ids = [...new Set(tokenize(term.text).map((token) => termId(token.term)))];
      if (ids.length > 0) surfaces.push(Int32Array.from(ids));
    }
    surfaceTerms.push(surfaces);
  }

  const averages = fieldLengths.map((lengths) => {
    let sum = 0;
    let count = 0;
    for (const length of lengths) {
      if (length > 0) {
        sum += length;
        count++;
      }
    }
    return count === 0 ? 1 : sum / count;
  });

  // Two passes over the entries' combined BM25F weights: count document frequencies, then fill typed postings
  // (a map per term would dominate the build time on ESCO).
  const termCount = termIds.size;
  const combinedPerEntry: Map<number, number>[] = [];
  const documentFrequency = new Int32Array(termCount);
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const combined = new Map<number, number>();
    FIELDS.forEach((field, fieldIndex) => {
      const b = settings.fieldB[field];
      const norm = 1 - b + (b * fieldLengths[fieldIndex]![entryIndex]!) / averages[fieldIndex]!;
      for (const [id, count] of fieldCounts[entryIndex]![fieldIndex]!) {
        combined.set(id, (combined.get(id) ?? 0) + (settings.fieldWeights[field] * count) / norm);
      }
    });
    for (const id of combined.keys()) documentFrequency[id] = documentFrequency[id]! + 1;
    combinedPerEntry.push(combined);
  }

  const postingEntries: Int32Array[] = [];
  const postingWeights: Float32Array[] = [];
  const idf = new Float64Array(termCount);
  const total = entries.length;
  for (let id = 0; id < termCount; id++) {
    const df = documentFrequency[id]!;
    postingEntries.push(new Int32Array(df));
    postingWeights.push(new Float32Array(df));
    idf[id] = Math.log(1 + (total - df + 0.5) / (df + 0.5));
  }
  const filled = new Int32Array(termCount);
  combinedPerEntry.forEach((combined, entryIndex) => {
    for (const [id, weight] of combined) {
      const position = filled[id]!;
      postingEntries[id]![position] = entryIndex;
      postingWeights[id]![position] = weight;
      filled[id] = position + 1;
    }
  });

  let maxOccupations = 0;
  for (const entry of entries) maxOccupations = Math.max(maxOccupations, entry.occupationCount);
  const prior = new Float64Array(entries.length);
  const rankable = new Uint8Array(entries.length);
  entries.forEach((entry, index) => {
    prior[index] = maxOccupations === 0 ? 0 : Math.log1p(entry.occupationCount) / Math.log1p(maxOccupations);
    rankable[index] = entry.isGroup ? 0 : 1;
  });

  return {
    options: settings,
    entryCount: entries.length,
    termIds,
    idf,
    postingEntries,
    postingWeights,
    surfaceTerms,
    prior,
    rankable,
  };
}
