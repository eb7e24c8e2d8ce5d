/**
 * Implicit competency linking measured on the Decorte et al. ESCO skill-linking validation sets (TECH, HOUSE):
 * R-Precision@5 of our linker (full and exact-only) against a plain BM25 over ESCO preferred labels computed in the
 * same run. Reads the benchmark files only here, never at run time of the product.
 * Run: `npx tsx eval/measure-decorte.ts`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { linkEntriesFromBundles } from '../src/core/linking/link-entries-from-bundles.js';
import type { LinkEntry } from '../src/core/linking/link-entry.js';
import { buildMentionMatcher } from '../src/core/linking/exact/build-mention-matcher.js';
import { buildScatterIndex } from '../src/core/linking/exact/find-scattered-mentions.js';
import { buildImplicitIndex } from '../src/core/linking/implicit/build-implicit-index.js';
import { linkText, type Linker } from '../src/core/linking/link-text.js';
import { readEscoRelease } from '../src/interchange/esco/read-esco-release.js';
import { sharedDataPath } from '../src/interchange/shared-data.js';

export interface DecorteSetFigures {
  readonly set: 'tech' | 'house';
  /** Distinct sentences with at least one real ESCO label (the ones RP@5 averages over). */
  readonly sentences: number;
  readonly goldLabels: number;
  readonly rpAt5Full: number;
  readonly rpAt5Exact: number;
  readonly rpAt5Bm25Labels: number;
  /** Gold labels (v1.1.0 preferredLabels) with no ESCO v1.1.1 preferredLabel equal to them. */
  readonly labelsNotFound: readonly string[];
  readonly millisecondsPerSentence: number;
}

export interface DecorteFigures {
  readonly escoEntries: number;
  /** Building the implicit (BM25F) index and the exact-mention matcher for the full ESCO dictionary. */
  readonly implicitBuildMilliseconds: number;
  readonly matcherBuildMilliseconds: number;
  /** Heap growth while building the linker (a rough figure: garbage collection is not forced). */
  readonly linkerHeapMegabytes: number;
  /** How gold labels missing from ESCO v1.1.1 are treated. */
  readonly missingLabelPolicy: string;
  readonly sets: readonly DecorteSetFigures[];
}

const NOT_A_LABEL = new Set(['LABEL NOT PRESENT', 'UNDERSPECIFIED']);
const SETS = ['tech', 'house'] as const;

interface GoldSentence {
  readonly sentence: string;
  readonly gold: ReadonlySet<string>;
}

/** Sentences of one validation file with their set of real ESCO labels (sentences with none are left out). */
export async function readDecorteSet(dir: string, set: 'tech' | 'house'): Promise<GoldSentence[]> {
  const rows = parse<Record<string, string>>(await readFile(join(dir, `${set}_validation_annotations.csv`)), {
    columns: true,
    skip_empty_lines: true,
  });
  const bySentence = new Map<string, Set<string>>();
  for (const row of rows) {
    const sentence = row.sentence ?? '';
    const labels = bySentence.get(sentence) ?? new Set<string>();
    const label = (row.label ?? '').trim();
    if (label !== '' && !NOT_A_LABEL.has(label)) labels.add(label);
    bySentence.set(sentence, labels);
  }
  return [...bySentence].filter(([, gold]) => gold.size > 0).map(([sentence, gold]) => ({ sentence, gold }));
}

/** R-Precision@5 of Decorte et al.: |top-5 ∩ gold| / min(5, |gold|), averaged over sentences. */
export function rPrecisionAt5(
  sentences: readonly GoldSentence[],
  predict: (sentence: string) => readonly (string | null)[],
): number {
  if (sentences.length === 0) return 0;
  let sum = 0;
  for (const { sentence, gold } of sentences) {
    const top = [...new Set(predict(sentence).slice(0, 5))];
    const hits = top.filter((label) => label !== null && gold.has(label)).length;
    sum += hits / Math.min(5, gold.size);
  }
  return sum / sentences.length;
}

/** The baseline: Okapi BM25 (k1 1.2, b 0.75) over ESCO preferred labels, lower-cased words, no stemming. */
export function buildLabelBm25(entries: readonly LinkEntry[]): (text: string, k: number) => number[] {
  const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+[+#]*/gu) ?? [];
  const documents = entries.map((entry) => (entry.isGroup || entry.escoLabel === null ? [] : words(entry.escoLabel)));
  const postings = new Map<string, Map<number, number>>();
  let totalLength = 0;
  documents.forEach((document, index) => {
    totalLength += document.length;
    for (const word of document) {
      const posting = postings.get(word) ?? new Map<number, number>();
      posting.set(index, (posting.get(index) ?? 0) + 1);
      postings.set(word, posting);
    }
  });
  const average = totalLength / Math.max(1, documents.filter((document) => document.length > 0).length);
  const count = documents.length;
  return (text, k) => {
    const scores = new Map<number, number>();
    for (const word of new Set(words(text))) {
      const posting = postings.get(word);
      if (!posting) continue;
      const idf = Math.log(1 + (count - posting.size + 0.5) / (posting.size + 0.5));
      for (const [index, tf] of posting) {
        const length = documents[index]!.length;
        const score = (idf * tf * 2.2) / (tf + 1.2 * (0.25 + (0.75 * length) / average));
        scores.set(index, (scores.get(index) ?? 0) + score);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([index]) => index);
  };
}

export async function measureDecorte(): Promise<DecorteFigures> {
  const benchmarkDir = sharedDataPath('esco-skill-linking-decorte');
  const escoDir = sharedDataPath('esco-v1.1.1-en');
  if (benchmarkDir === null || escoDir === null) throw new Error('the shared datasets are not available');
  const entries = linkEntriesFromBundles([await readEscoRelease(escoDir)]);
  const heapBefore = process.memoryUsage().heapUsed;
  const implicitStarted = performance.now();
  const implicit = buildImplicitIndex(entries);
  const implicitBuildMilliseconds = performance.now() - implicitStarted;
  const matcherStarted = performance.now();
  const matcher = buildMentionMatcher(entries);
  const matcherBuildMilliseconds = performance.now() - matcherStarted;
  const linker: Linker = { entries, matcher, implicit, scatter: buildScatterIndex(entries) };
  const linkerHeapMegabytes = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const labelBm25 = buildLabelBm25(entries);
  const escoLabels = new Set(entries.map((entry) => entry.escoLabel));
  const labelOf = (index: number) => entries[index]?.escoLabel ?? null;

  const sets: DecorteSetFigures[] = [];
  for (const set of SETS) {
    const sentences = await readDecorteSet(benchmarkDir, set);
    const gold = sentences.flatMap((sentence) => [...sentence.gold]);
    const labelsNotFound = [...new Set(gold.filter((label) => !escoLabels.has(label)))].sort();
    const fullStarted = performance.now();
    const rpAt5Full = rPrecisionAt5(sentences, (sentence) =>
      linkText(linker, sentence, { mode: 'full', top: 5 }).map((link) => labelOf(link.entry)),
    );
    const millisecondsPerSentence = (performance.now() - fullStarted) / Math.max(1, sentences.length);
    const rpAt5Exact = rPrecisionAt5(sentences, (sentence) =>
      linkText(linker, sentence, { mode: 'exact', top: 5 }).map((link) => labelOf(link.entry)),
    );
    const rpAt5Bm25Labels = rPrecisionAt5(sentences, (sentence) => labelBm25(sentence, 5).map(labelOf));
    sets.push({
      set,
      sentences: sentences.length,
      goldLabels: gold.length,
      rpAt5Full,
      rpAt5Exact,
      rpAt5Bm25Labels,
      labelsNotFound,
      millisecondsPerSentence,
    });
  }
  return {
    escoEntries: entries.length,
    implicitBuildMilliseconds,
    matcherBuildMilliseconds,
    linkerHeapMegabytes,
    missingLabelPolicy: 'kept in the gold set (they count in min(5, |gold|) and can never be hit)',
    sets,
  };
}

export function printTable(figures: DecorteFigures): void {
  console.log(
    `ESCO v1.1.1: ${figures.escoEntries} entries; implicit index built in ${(figures.implicitBuildMilliseconds / 1000).toFixed(1)} s, ` +
      `exact matcher in ${(figures.matcherBuildMilliseconds / 1000).toFixed(1)} s; heap +${figures.linkerHeapMegabytes.toFixed(0)} MiB`,
  );
  console.log('set    sentences  gold  RP@5 full  RP@5 exact  RP@5 BM25 labels  not in v1.1.1  ms/sentence');
  for (const set of figures.sets) {
    console.log(
      [
        set.set.padEnd(6),
        String(set.sentences).padStart(9),
        String(set.goldLabels).padStart(5),
        set.rpAt5Full.toFixed(3).padStart(10),
        set.rpAt5Exact.toFixed(3).padStart(11),
        set.rpAt5Bm25Labels.toFixed(3).padStart(17),
        String(set.labelsNotFound.length).padStart(14),
        set.millisecondsPerSentence.toFixed(1).padStart(12),
      ].join(' '),
    );
  }
  const missing = figures.sets.flatMap((set) => set.labelsNotFound);
  if (missing.length > 0) console.log(`Labels not in v1.1.1 (${figures.missingLabelPolicy}): ${missing.join('; ')}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  printTable(await measureDecorte());
}
