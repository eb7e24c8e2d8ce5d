import type { Span } from '../link-entry.js';
import type { ImplicitIndex } from './build-implicit-index.js';
import { tokenize } from './tokenize.js';

export interface ImplicitHit {
  /** Index into the dictionary's entries. */
  readonly entry: number;
  /** In [0, 1], higher is better. */
  readonly score: number;
  /** The character ranges of the words of the text that matched the entry (merged, in order). */
  readonly spans: Span[];
}

/**
 * Ranks the dictionary's competencies for a free text (a sentence of a job advert, a course outcome…): BM25F over
 * labels, aliases, broader labels and descriptions selects candidates, which are re-ranked by how much of their
 * best label or alias the text covers and by a popularity prior. Deterministic: ties go to the lower entry index.
 */
export function rankImplicit(index: ImplicitIndex, text: string, k: number): ImplicitHit[] {
  if (k <= 0 || text.length === 0) return [];
  const options = index.options;
  const tokens = tokenize(text);
  // Query term id → weight (1 for a word or a bigram, less for a Chinese unigram), and its positions in the text.
  const queryWeights = new Map<number, number>();
  const queryTokens = new Map<number, Span[]>();
  for (const token of tokens) {
    const id = index.termIds.get(token.term);
    if (id === undefined) continue;
    const weight = token.unigram ? options.unigramWeight : 1;
    queryWeights.set(id, Math.max(queryWeights.get(id) ?? 0, weight));
    const spans = queryTokens.get(id) ?? [];
    spans.push([token.start, token.end]);
    queryTokens.set(id, spans);
  }
  if (queryWeights.size === 0) return [];

  const scores = new Float64Array(index.entryCount);
  const touched: number[] = [];
  const k1 = options.k1;
  for (const [id, queryWeight] of queryWeights) {
    const entries = index.postingEntries[id]!;
    const weights = index.postingWeights[id]!;
    const idf = index.idf[id]! * queryWeight;
    for (let position = 0; position < entries.length; position++) {
      const entry = entries[position]!;
      const tf = weights[position]!;
      if (scores[entry] === 0) touched.push(entry);
      scores[entry] = scores[entry]! + (idf * tf) / (k1 + tf);
    }
  }

  const candidates = touched
    .filter((entry) => index.rankable[entry] === 1)
    .sort((a, b) => scores[b]! - scores[a]! || a - b)
    .slice(0, Math.max(options.candidates, k));
  if (candidates.length === 0) return [];
  const top = scores[candidates[0]!]!;
  const scale = 1 + options.coverageWeight + options.priorWeight;

  const hits = candidates.map((entry) => {
    let coverage = 0;
    for (const surface of index.surfaceTerms[entry]!) {
      let found = 0;
      let all = 0;
      for (const id of surface) {
        const idf = index.idf[id]!;
        all += idf;
        found += idf * (queryWeights.get(id) ?? 0);
      }
      if (all > 0) coverage = Math.max(coverage, found / all);
    }
    const combined =
      scores[entry]! / top + options.coverageWeight * coverage + options.priorWeight * index.prior[entry]!;
    return { entry, score: combined / scale };
  });
  hits.sort((a, b) => b.score - a.score || a.entry - b.entry);
  return hits.slice(0, k).map((hit) => ({ ...hit, spans: matchedSpans(index, hit.entry, queryTokens, text) }));
}

function matchedSpans(
  index: ImplicitIndex,
  entry: number,
  queryTokens: ReadonlyMap<number, Span[]>,
  text: string,
): Span[] {
  const surfaceIds = new Set<number>();
  for (const surface of index.surfaceTerms[entry]!) for (const id of surface) surfaceIds.add(id);
  const spans: Span[] = [];
  const fromSurface = [...queryTokens].filter(([id]) => surfaceIds.has(id));
  const chosen = fromSurface.length > 0 ? fromSurface : [...queryTokens].filter(([id]) => contains(index, id, entry));
  for (const [, positions] of chosen) spans.push(...positions);
  return mergeSpans(spans, text);
}

function contains(index: ImplicitIndex, id: number, entry: number): boolean {
  const entries = index.postingEntries[id]!;
  let low = 0;
  let high = entries.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = entries[middle]!;
    if (value === entry) return true;
    if (value < entry) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Sorts spans and merges those that overlap or touch; given the text, also those separated only by spaces or
 * hyphens (so `keep stock records` is one span, not three).
 */
export function mergeSpans(spans: readonly Span[], text?: string): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    const joins = last && (start <= last[1] || (text !== undefined && /^[\s-]*$/.test(text.slice(last[1], start))));
    if (last && joins) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
