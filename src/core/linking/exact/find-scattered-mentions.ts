import type { LinkEntry, Span } from '../link-entry.js';

/** A Chinese term of an entry found as whole words of one clause, not necessarily adjacent or in order. */
export interface ScatteredMention {
  /** Index into the dictionary's entries. */
  readonly entry: number;
  /** The character ranges of the words that make up the term, in text order. */
  readonly spans: readonly Span[];
}

const HAN = /\p{Script=Han}/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
/** Breaks for scattered matching: punctuation, including 、 between the items of a list. */
const CLAUSE_BREAK = /[，,、；;。！？!?：:（）()/／\n\r]/u;
/** At most this many characters may lie between the words of a scattered term, all gaps together. */
const MAX_GAP = 2;
/** Shortest term worth splitting: two words of two characters. */
const MIN_TERM_LENGTH = 4;
/** Shortest word that may make up a piece of a term. */
const MIN_PIECE_LENGTH = 2;

/**
 * Chinese labels and aliases said in other words order or with words in between, as postings often do: 分析质量数据
 * for 质量数据分析, 系统业务监控 for 系统监控, 线程管理、同步 for 线程同步. A term of four or more Han characters
 * made of Han characters only is found when it can be cut into two or more pieces of at least two characters, each
 * a whole word of the same clause (words as the segmenter cuts the text; a clause ends at punctuation, 、 included),
 * with at most two characters between them in all. Entries in `skip` (those already mentioned exactly) are not reported. One result per
 * entry, in entry order.
 */
export function findScatteredMentions(
  index: ScatterIndex,
  text: string,
  segmentZh: (text: string) => readonly string[],
  skip: ReadonlySet<number> = new Set(),
): ScatteredMention[] {
  const found = new Map<number, Span[]>();
  for (const words of clauseWords(text, segmentZh)) {
    for (const word of words.keys()) {
      for (const { entry, term } of index.get(word.slice(0, MIN_PIECE_LENGTH)) ?? []) {
        if (skip.has(entry) || found.has(entry)) continue;
        const spans = cover(term, words)?.sort((a, b) => a[0] - b[0]);
        if (spans && gap(spans) <= MAX_GAP) found.set(entry, spans);
      }
    }
  }
  return [...found].sort(([a], [b]) => a - b).map(([entry, spans]) => ({ entry, spans }));
}

/** The Chinese terms that may be found scattered, by their first two characters (see `findScatteredMentions`). */
export type ScatterIndex = ReadonlyMap<string, readonly { readonly entry: number; readonly term: string }[]>;

export function buildScatterIndex(entries: readonly LinkEntry[]): ScatterIndex {
  const index = new Map<string, { entry: number; term: string }[]>();
  entries.forEach((entry, entryIndex) => {
    if (entry.isGroup) return;
    for (const term of entry.terms) {
      const surface = term.text.replace(/\s+/gu, '');
      if (term.lang !== 'zh' || surface.length < MIN_TERM_LENGTH || !HAN_ONLY.test(surface)) continue;
      const key = surface.slice(0, MIN_PIECE_LENGTH);
      const list = index.get(key) ?? [];
      list.push({ entry: entryIndex, term: surface });
      index.set(key, list);
    }
  });
  return index;
}

/** Characters between sorted, non-overlapping spans. */
function gap(spans: readonly Span[]): number {
  let total = 0;
  for (let index = 1; index < spans.length; index++) total += spans[index]![0] - spans[index - 1]![1];
  return total;
}

/** Per clause, its words of at least two characters: word → first span. */
function clauseWords(text: string, segmentZh: (text: string) => readonly string[]): Map<string, Span>[] {
  const clauses: Map<string, Span>[] = [];
  let current = new Map<string, Span>();
  let offset = 0;
  for (const word of segmentZh(text)) {
    const start = offset;
    offset += word.length;
    if (CLAUSE_BREAK.test(word)) {
      if (current.size >= 2) clauses.push(current);
      current = new Map();
      continue;
    }
    if (word.length >= MIN_PIECE_LENGTH && HAN.test(word) && !current.has(word)) current.set(word, [start, offset]);
  }
  if (current.size >= 2) clauses.push(current);
  return clauses;
}

/**
 * The spans of a cut of `term` into two or more pieces that are all words of the clause (each word used once), or
 * null. Dynamic programming over the term's positions, longer pieces first.
 */
function cover(term: string, words: ReadonlyMap<string, Span>): Span[] | null {
  const n = term.length;
  // best[i]: the pieces that cover term[0, i), or undefined when none do.
  const best: (string[] | undefined)[] = new Array<string[] | undefined>(n + 1);
  best[0] = [];
  for (let end = MIN_PIECE_LENGTH; end <= n; end++) {
    for (let start = end - MIN_PIECE_LENGTH; start >= 0; start--) {
      const before = best[start];
      if (before === undefined) continue;
      const piece = term.slice(start, end);
      if (!words.has(piece) || before.includes(piece)) continue;
      best[end] = [...before, piece];
      break;
    }
  }
  const pieces = best[n];
  if (pieces === undefined || pieces.length < 2) return null;
  return pieces.map((piece) => words.get(piece)!);
}
