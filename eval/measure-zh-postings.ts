/**
 * Linking decisions on real Chinese posting sentences: ../shared/data/zh-postings-dev (hand-annotated against the
 * curated catalogue; evaluation only — its sentences are read here and never copied into the project).
 *
 * The set is split once, deterministically, before anything was tuned: a sentence is HELD OUT when the first four
 * bytes of SHA-256(id), read as a fraction of 2^32, are below 0.4. Calibration weights and the threshold of
 * `src/core/demand/link-demand.ts` were fitted with `--fit` on the tuning part only; the held-out figures are the
 * honest ones, the tuning figures are circular.
 *   npx tsx eval/measure-zh-postings.ts          # figures
 *   npx tsx eval/measure-zh-postings.ts --fit    # refit the calibration on the tuning part (prints, writes nothing)
 *   npx tsx eval/measure-zh-postings.ts --details  # the tuning part's rankings, sentence by sentence (never held out)
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { demandMaskOf } from '../src/core/demand/demand-text.js';
import { linkConfidence, linkDemand, LINK_THRESHOLD } from '../src/core/demand/link-demand.js';
import { linkEntriesFromBundles } from '../src/core/linking/link-entries-from-bundles.js';
import type { LinkEntry } from '../src/core/linking/link-entry.js';
import { buildLinker, linkText, type Linker } from '../src/core/linking/link-text.js';
import { readCuratedCatalogue } from '../src/interchange/curated/read-curated-catalogue.js';
import { curatedCatalogueDir, sharedDataPath } from '../src/interchange/shared-data.js';
import { createZhSegmenter } from '../src/interchange/zh/jieba-segmenter.js';

export const HELD_OUT_SHARE = 0.4;

interface DevSentence {
  readonly id: string;
  readonly text: string;
  readonly gold: ReadonlySet<string>;
}

export interface ZhPartFigures {
  readonly part: 'tuning' | 'held-out';
  readonly sentences: number;
  /** Sentences whose gold is empty (benefits, degree lines, skills outside the catalogue). */
  readonly noSkillSentences: number;
  readonly goldLinks: number;
  readonly linked: number;
  readonly correct: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** R-Precision@5 of the ranking (linked or not) over the sentences with gold competencies. */
  readonly rpAt5: number;
  /** No-skill sentences given at least one link, and how many links they were given. */
  readonly noSkillSentencesLinked: number;
  readonly noSkillLinks: number;
}

export interface ZhPostingsFigures {
  readonly threshold: number;
  readonly split: string;
  readonly parts: readonly ZhPartFigures[];
}

/** True for the sentences kept out of all tuning. */
export function isHeldOut(id: string): boolean {
  return createHash('sha256').update(id).digest().readUInt32BE(0) / 2 ** 32 < HELD_OUT_SHARE;
}

async function readDevSet(): Promise<DevSentence[] | null> {
  const file = sharedDataPath('zh-postings-dev', 'dev.jsonl');
  if (file === null) return null;
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const row = JSON.parse(line) as { id: string; text: string; gold: { competency: string }[] };
    return { id: row.id, text: row.text, gold: new Set(row.gold.map((gold) => gold.competency)) };
  });
}

async function curatedLinker(): Promise<{ linker: Linker; entries: readonly LinkEntry[] }> {
  const { bundle } = await readCuratedCatalogue(curatedCatalogueDir());
  const entries = linkEntriesFromBundles([bundle]);
  const zhTerms = entries.flatMap((entry) => entry.terms.filter((term) => term.lang === 'zh').map((term) => term.text));
  return { linker: buildLinker(entries, { segmentZh: createZhSegmenter(zhTerms) }), entries };
}

function measurePart(
  part: ZhPartFigures['part'],
  sentences: readonly DevSentence[],
  predict: (text: string) => { ranked: string[]; linked: string[] },
): ZhPartFigures {
  let goldLinks = 0;
  let linked = 0;
  let correct = 0;
  let rpSum = 0;
  let rpSentences = 0;
  let noSkillSentences = 0;
  let noSkillSentencesLinked = 0;
  let noSkillLinks = 0;
  for (const sentence of sentences) {
    const prediction = predict(sentence.text);
    goldLinks += sentence.gold.size;
    linked += prediction.linked.length;
    correct += prediction.linked.filter((id) => sentence.gold.has(id)).length;
    if (sentence.gold.size === 0) {
      noSkillSentences += 1;
      if (prediction.linked.length > 0) noSkillSentencesLinked += 1;
      noSkillLinks += prediction.linked.length;
    } else {
      rpSentences += 1;
      const hits = prediction.ranked.slice(0, 5).filter((id) => sentence.gold.has(id)).length;
      rpSum += hits / Math.min(5, sentence.gold.size);
    }
  }
  const precision = linked === 0 ? 0 : correct / linked;
  const recall = goldLinks === 0 ? 0 : correct / goldLinks;
  return {
    part,
    sentences: sentences.length,
    noSkillSentences,
    goldLinks,
    linked,
    correct,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    rpAt5: rpSentences === 0 ? 0 : rpSum / rpSentences,
    noSkillSentencesLinked,
    noSkillLinks,
  };
}

/** Figures on the tuning and the held-out part, or null when ../shared/data is not there. */
export async function measureZhPostings(threshold = LINK_THRESHOLD): Promise<ZhPostingsFigures | null> {
  const sentences = await readDevSet();
  if (sentences === null) return null;
  const { linker, entries } = await curatedLinker();
  const predict = (text: string) => {
    const links = linkDemand(linker, text, { mode: 'full', top: 10, threshold });
    return {
      ranked: links.map((link) => entries[link.entry]!.id),
      linked: links.filter((link) => link.linked).map((link) => entries[link.entry]!.id),
    };
  };
  const tuning = sentences.filter((sentence) => !isHeldOut(sentence.id));
  const heldOut = sentences.filter((sentence) => isHeldOut(sentence.id));
  return {
    threshold,
    split: `held out: SHA-256(id) < ${HELD_OUT_SHARE} (${heldOut.length} of ${sentences.length} sentences)`,
    parts: [measurePart('tuning', tuning, predict), measurePart('held-out', heldOut, predict)],
  };
}

export function printZhPostings(figures: ZhPostingsFigures | null): void {
  if (figures === null) {
    console.log('skipped: ../shared/data/zh-postings-dev is not here');
    return;
  }
  console.log(`real sentences, curated catalogue; ${figures.split}; threshold ${figures.threshold}`);
  console.log('part       sentences  no-skill  gold  linked  P      R      F1     RP@5   no-skill linked (links)');
  for (const part of figures.parts) {
    console.log(
      [
        part.part.padEnd(10),
        String(part.sentences).padStart(9),
        String(part.noSkillSentences).padStart(9),
        String(part.goldLinks).padStart(5),
        String(part.linked).padStart(7),
        part.precision.toFixed(3).padStart(6),
        part.recall.toFixed(3).padStart(6),
        part.f1.toFixed(3).padStart(6),
        part.rpAt5.toFixed(3).padStart(6),
        `${part.noSkillSentencesLinked} of ${part.noSkillSentences} (${part.noSkillLinks})`.padStart(16),
      ].join(' '),
    );
  }
  console.log('tuning figures are circular (the calibration and filters were fitted there); held-out ones are not');
}

/** One candidate link of a tuning sentence: the calibration's features (bias first) and whether it is gold. */
interface FitRow {
  readonly x: readonly number[];
  readonly y: number;
  /** True when some of its evidence lies in demand text (the rows the regression learns from). */
  readonly inDemand: boolean;
  /** True when its evidence lies in demand text as `linkDemand` requires (at least half of its characters). */
  readonly decidable: boolean;
}

/** The top-10 candidates of each tuning sentence as calibration rows, with the sentence's gold count. */
async function fitRows(): Promise<{ rows: FitRow[]; gold: number }[]> {
  const sentences = await readDevSet();
  if (sentences === null) throw new Error('../shared/data/zh-postings-dev is not here');
  const { linker, entries } = await curatedLinker();
  return sentences
    .filter((candidate) => !isHeldOut(candidate.id))
    .map((sentence) => {
      const ranked = linkText(linker, sentence.text, { mode: 'full', top: 10 });
      const mask = demandMaskOf(sentence.text);
      const best = ranked[0]?.score ?? 0;
      const rows = ranked.map((link) => {
        let total = 0;
        let kept = 0;
        for (const [start, end] of link.spans) {
          total += end - start;
          kept += mask.subarray(start, end).reduce((sum, value) => sum + value, 0);
        }
        return {
          x: [1, link.score, link.evidence === 'exact' ? 1 : 0, best > 0 ? link.score / best : 0],
          y: sentence.gold.has(entries[link.entry]!.id) ? 1 : 0,
          inDemand: kept > 0,
          decidable: total > 0 && kept / total >= 0.5,
        };
      });
      return { rows, gold: sentence.gold.size };
    });
}

/** Logistic regression by gradient descent (L2 0.01, the bias unpenalised) over the rows whose evidence is demand. */
function fitWeights(rows: readonly FitRow[]): number[] {
  const weights = [0, 0, 0, 0];
  const training = rows.filter((row) => row.inDemand);
  for (let step = 0; step < 20_000; step++) {
    const gradient = [0, 0, 0, 0];
    for (const { x, y } of training) {
      const p = 1 / (1 + Math.exp(-x.reduce((sum, value, index) => sum + value * weights[index]!, 0)));
      for (let index = 0; index < 4; index++) gradient[index]! += (p - y) * x[index]!;
    }
    for (let index = 0; index < 4; index++) {
      weights[index]! -= (0.5 * (gradient[index]! + (index === 0 ? 0 : 0.01 * weights[index]!))) / training.length;
    }
  }
  return weights;
}

/**
 * Fits the Platt calibration on the tuning part only: logistic regression of "this ranked competency is gold" on
 * score, exact and relative score, over the top-10 candidates whose evidence lies in demand text; then sweeps the
 * threshold for F1 on the same part (circular), and estimates the fitting procedure honestly by leave-one-sentence-
 * out cross-validation on the tuning part (each sentence decided by weights fitted on the 31 others).
 */
async function fit(): Promise<void> {
  const sentences = await fitRows();
  const weights = fitWeights(sentences.flatMap((sentence) => sentence.rows));
  const rows = sentences.flatMap((sentence) => sentence.rows.filter((row) => row.inDemand));
  console.log(`rows ${rows.length}, positives ${rows.filter((row) => row.y === 1).length}`);
  console.log(
    `weights: bias ${weights[0]!.toFixed(2)}, score ${weights[1]!.toFixed(2)}, exact ${weights[2]!.toFixed(2)}, relative ${weights[3]!.toFixed(2)}`,
  );
  console.log('(copy them into CONFIDENCE_WEIGHTS, then sweep:)');
  const thresholds = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
  for (const threshold of thresholds) {
    const figures = await measureZhPostings(threshold);
    const tuning = figures!.parts.find((part) => part.part === 'tuning')!;
    console.log(
      `threshold ${threshold}: tuning P ${tuning.precision.toFixed(3)} R ${tuning.recall.toFixed(3)} F1 ${tuning.f1.toFixed(3)} no-skill linked ${tuning.noSkillSentencesLinked}`,
    );
  }
  console.log('leave-one-sentence-out on the tuning part (the whole fitting procedure, not the weights above):');
  const folds = sentences.map((_, left) =>
    fitWeights(sentences.flatMap((sentence, index) => (index === left ? [] : sentence.rows))),
  );
  for (const threshold of thresholds) {
    let gold = 0;
    let linked = 0;
    let correct = 0;
    sentences.forEach((sentence, index) => {
      gold += sentence.gold;
      for (const row of sentence.rows) {
        const z = row.x.reduce((sum, value, feature) => sum + value * folds[index]![feature]!, 0);
        if (!row.decidable || 1 / (1 + Math.exp(-z)) < threshold) continue;
        linked += 1;
        correct += row.y;
      }
    });
    const precision = linked === 0 ? 0 : correct / linked;
    const recall = gold === 0 ? 0 : correct / gold;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    console.log(
      `threshold ${threshold}: cross-validated P ${precision.toFixed(3)} R ${recall.toFixed(3)} F1 ${f1.toFixed(3)}`,
    );
  }
  void linkConfidence;
}

/** Prints the top 10 of each TUNING sentence with its decision, gold marks and evidence, then the gold it missed. */
async function details(): Promise<void> {
  const sentences = await readDevSet();
  if (sentences === null) throw new Error('../shared/data/zh-postings-dev is not here');
  const { linker, entries } = await curatedLinker();
  for (const sentence of sentences.filter((candidate) => !isHeldOut(candidate.id))) {
    console.log(`\n${sentence.id}: ${sentence.text}`);
    const links = linkDemand(linker, sentence.text, { mode: 'full', top: 10 });
    links.forEach((link, rank) => {
      const entry = entries[link.entry]!;
      const evidence = link.spans.map(([start, end]) => sentence.text.slice(start, end)).join('|');
      console.log(
        `  ${String(rank + 1).padStart(2)} ${link.linked ? 'linked' : '      '} ${link.score.toFixed(3)} p ${link.confidence.toFixed(2)} ` +
          `${link.evidence.padEnd(8)} ${sentence.gold.has(entry.id) ? 'GOLD ' : '     '}${entry.id} [${evidence}]`,
      );
    });
    const ranked = new Set(links.map((link) => entries[link.entry]!.id));
    for (const id of sentence.gold) if (!ranked.has(id)) console.log(`     not in the top 10: ${id}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--fit')) await fit();
  else if (process.argv.includes('--details')) await details();
  else printZhPostings(await measureZhPostings());
}
