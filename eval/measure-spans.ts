/**
 * Span tagger figures on the SkillSpan dev split (and Green et al. dev, skills only): exact-match span P/R/F1 per
 * type and pooled, and tagging throughput. Run directly: npx tsx eval/measure-spans.ts
 */
import { pathToFileURL } from 'node:url';
import { evaluateSpanTagger } from '../src/core/spans/evaluate-span-tagger.js';
import type { SpanScores } from '../src/core/spans/span-f1.js';
import { tagTokens } from '../src/core/spans/tag-tokens.js';
import { readSpanModel, readSpanSentences } from '../src/interchange/models/read-span-model.js';
import { sharedDataPath } from '../src/interchange/shared-data.js';

export interface SpanEvalFigures {
  dataset: 'SkillSpan dev';
  sentences: number;
  tokens: number;
  skill: SpanScores;
  knowledge: SpanScores;
  combined: SpanScores;
  /** tokens tagged per second (features, scoring and Viterbi; model already loaded) */
  tokensPerSecond: number;
  /** skill-span scores on Green et al. 2022 dev (other annotation guidelines), or null when that data is absent */
  greenDevSkill: SpanScores | null;
}

/** Measures the shipped span tagger on the shared SkillSpan dev split; throws when the data is absent. */
export async function measureSpans(): Promise<SpanEvalFigures> {
  const devPath = sharedDataPath('skillspan', 'dev.json');
  if (devPath === null) throw new Error('SkillSpan dev split not found (shared data absent; set ZERODOCK_SHARED_DATA)');
  const dev = readSpanSentences(devPath);
  const model = readSpanModel();
  const tokens = dev.reduce((sum, sentence) => sum + sentence.tokens.length, 0);

  tagTokens(model, dev[0]?.tokens ?? []); // warm-up
  const started = performance.now();
  for (const sentence of dev) tagTokens(model, sentence.tokens);
  const seconds = (performance.now() - started) / 1000;

  const scores = evaluateSpanTagger(model, dev);
  const greenPath = sharedDataPath('green-2022-skill-ner', 'dev.json');
  let greenDevSkill: SpanScores | null = null;
  try {
    if (greenPath !== null) greenDevSkill = evaluateSpanTagger(model, readSpanSentences(greenPath)).skill;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return {
    dataset: 'SkillSpan dev',
    sentences: dev.length,
    tokens,
    ...scores,
    tokensPerSecond: Math.round(tokens / seconds),
    greenDevSkill,
  };
}

export function printFigures(figures: SpanEvalFigures): void {
  const row = (name: string, scores: SpanScores): string =>
    `${name.padEnd(22)} ${scores.precision.toFixed(3)}  ${scores.recall.toFixed(3)}  ${scores.f1.toFixed(3)}  ${String(scores.gold).padStart(5)}  ${String(scores.predicted).padStart(5)}`;
  console.log(`${figures.dataset}: ${figures.sentences} sentences, ${figures.tokens} tokens`);
  console.log(`${''.padEnd(22)} P      R      F1     gold   pred`);
  console.log(row('skill', figures.skill));
  console.log(row('knowledge', figures.knowledge));
  console.log(row('combined', figures.combined));
  if (figures.greenDevSkill) console.log(row('Green dev skill', figures.greenDevSkill));
  console.log(`throughput: ${figures.tokensPerSecond.toLocaleString('en')} tokens/s`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printFigures(await measureSpans());
}
