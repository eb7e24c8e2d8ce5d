import { buildMentionMatcher, type MentionMatcher } from './exact/build-mention-matcher.js';
import { findMentions } from './exact/find-mentions.js';
import { buildScatterIndex, findScatteredMentions, type ScatterIndex } from './exact/find-scattered-mentions.js';
import { buildImplicitIndex, type ImplicitIndex, type ImplicitIndexOptions } from './implicit/build-implicit-index.js';
import { mergeSpans, rankImplicit } from './implicit/rank-implicit.js';
import type { LinkEntry, LinkedCompetency, Span } from './link-entry.js';

/** Everything needed to link texts against one dictionary; build it once, use it for many texts. */
export interface Linker {
  readonly entries: readonly LinkEntry[];
  readonly matcher: MentionMatcher;
  readonly implicit: ImplicitIndex;
  /** Chinese terms that may be found as scattered words of a clause (see `findScatteredMentions`). */
  readonly scatter: ScatterIndex;
  /** The Chinese word segmenter exact matching uses (see `findMentions`), when one was given. */
  readonly segmentZh?: (text: string) => readonly string[];
}

export interface BuildLinkerOptions {
  readonly implicit?: Partial<ImplicitIndexOptions>;
  /** A Chinese word segmenter for exact matching (e.g. jieba with the dictionary's Chinese terms as user words). */
  readonly segmentZh?: (text: string) => readonly string[];
}

export type LinkMode = 'exact' | 'full';

export interface LinkTextOptions {
  /** `exact`: only competencies a label or alias of which occurs in the text; `full`: also the implicit ranking. */
  readonly mode: LinkMode;
  /** How many competencies to return at most. */
  readonly top: number;
  /** Overrides the linker's segmenter for this text; with neither, forward maximum matching. */
  readonly segmentZh?: (text: string) => readonly string[];
}

/** An exact mention scores in [EXACT_FLOOR, 1]; an implicit-only link in [0, EXACT_FLOOR). */
export const EXACT_FLOOR = 0.75;
/**
 * A Chinese term found as scattered words of a clause (分析质量数据 for 质量数据分析) scores in
 * [EXACT_FLOOR × SCATTERED_FLOOR, EXACT_FLOOR): above implicit-only links of the same implicit score, below exact ones.
 */
export const SCATTERED_FLOOR = 0.8;
/** How many implicit candidates are considered beside the exact mentions. */
const IMPLICIT_POOL = 50;

export function buildLinker(entries: readonly LinkEntry[], options: BuildLinkerOptions = {}): Linker {
  const linker: Linker = {
    entries,
    matcher: buildMentionMatcher(entries),
    implicit: buildImplicitIndex(entries, options.implicit),
    scatter: buildScatterIndex(entries),
  };
  return options.segmentZh ? { ...linker, segmentZh: options.segmentZh } : linker;
}

/**
 * Links a text to competencies, best first. Exact mentions of a label or alias come first (score ≥ 0.75, ordered
 * among themselves by the implicit ranker's score); in `full` mode competencies the implicit ranker finds follow
 * (score < 0.75), Chinese terms found as scattered words of one clause first among them. One result per entry: evidence `exact` with its mentions as spans when any exact mention exists,
 * else `implicit` with the words that matched. `exact` mode skips the implicit ranker altogether (the fast path).
 * Ties go to the lower entry index.
 */
export function linkText(linker: Linker, text: string, options: LinkTextOptions): LinkedCompetency[] {
  if (options.top <= 0 || text.trim() === '') return [];
  const exactSpans = new Map<number, Span[]>();
  const segmentZh = options.segmentZh ?? linker.segmentZh;
  for (const mention of findMentions(linker.matcher, text, segmentZh ? { segmentZh } : {})) {
    if (linker.entries[mention.entry]?.isGroup) continue;
    const spans = exactSpans.get(mention.entry) ?? [];
    spans.push([mention.start, mention.end]);
    exactSpans.set(mention.entry, spans);
  }
  const results: LinkedCompetency[] = [];
  if (options.mode === 'exact') {
    // The fast path: no implicit ranking; more mentions rank higher (1 → 0.875, 2 → 0.917, 3 → 0.9375, …).
    for (const [entry, spans] of exactSpans) {
      const score = EXACT_FLOOR + (1 - EXACT_FLOOR) * (1 - 1 / (1 + spans.length));
      results.push({ entry, score, spans: mergeSpans(spans), evidence: 'exact' });
    }
    results.sort((a, b) => b.score - a.score || a.entry - b.entry);
    return results.slice(0, options.top);
  }
  const implicit = new Map<number, { score: number; spans: readonly Span[] }>();
  const pool = Math.max(options.top, IMPLICIT_POOL);
  for (const hit of rankImplicit(linker.implicit, text, pool)) implicit.set(hit.entry, hit);

  for (const [entry, spans] of exactSpans) {
    const ranked = implicit.get(entry);
    // The spans that justify an exact link are its mentions; the implicit ranker only orders them.
    results.push({
      entry,
      score: EXACT_FLOOR + (1 - EXACT_FLOOR) * (ranked?.score ?? 0),
      spans: mergeSpans(spans),
      evidence: 'exact',
    });
  }
  const scattered = new Map<number, readonly Span[]>();
  if (segmentZh) {
    for (const mention of findScatteredMentions(linker.scatter, text, segmentZh, new Set(exactSpans.keys()))) {
      scattered.set(mention.entry, mention.spans);
    }
  }
  for (const [entry, spans] of scattered) {
    const score = EXACT_FLOOR * (SCATTERED_FLOOR + (1 - SCATTERED_FLOOR) * (implicit.get(entry)?.score ?? 0));
    results.push({ entry, score, spans: mergeSpans(spans), evidence: 'implicit' });
  }
  for (const [entry, hit] of implicit) {
    if (exactSpans.has(entry) || scattered.has(entry)) continue;
    results.push({ entry, score: EXACT_FLOOR * hit.score, spans: hit.spans, evidence: 'implicit' });
  }
  results.sort((a, b) => b.score - a.score || a.entry - b.entry);
  return results.slice(0, options.top);
}
