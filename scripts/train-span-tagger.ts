/**
 * Trains the skill/knowledge span tagger on the SkillSpan train split and writes data/models/span-tagger.json.gz.
 * Deterministic: the same data gives the same file. Run: npx tsx scripts/train-span-tagger.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { learnWordClusters } from '../src/core/spans/learn-word-clusters.js';
import { evaluateSpanTagger } from '../src/core/spans/evaluate-span-tagger.js';
import { toSpanModelFile } from '../src/core/spans/span-model.js';
import { trainSpanPerceptron } from '../src/core/spans/train-span-perceptron.js';
import { readSpanSentences, spanModelPath } from '../src/interchange/models/read-span-model.js';
import { sharedDataPath } from '../src/interchange/shared-data.js';

const EPOCHS = Number(process.env.SPAN_EPOCHS ?? 20);

function requirePath(...parts: string[]): string {
  const path = sharedDataPath(...parts);
  if (path === null) throw new Error(`shared data not found (${parts.join('/')}); set ZERODOCK_SHARED_DATA`);
  return path;
}

const started = Date.now();
const train = readSpanSentences(requirePath('skillspan', 'train.json'));
const dev = readSpanSentences(requirePath('skillspan', 'dev.json'));
const wordClusters =
  process.env.SPAN_CLUSTERS === '0'
    ? new Map<string, string>()
    : learnWordClusters(
        train.map((sentence) => sentence.tokens),
        { minCount: 2, contextWords: 1000, dimensions: 50, depth: 12, seed: 7 },
      );
console.log(`${wordClusters.size} words clustered (${Math.round((Date.now() - started) / 1000)} s)`);
const format = (value: number): string => value.toFixed(3);

const model = trainSpanPerceptron(train, {
  epochs: EPOCHS,
  seed: 1,
  wordClusters,
  onEpoch: (epoch, averaged) => {
    const scores = evaluateSpanTagger(averaged, dev);
    console.log(
      `epoch ${epoch}: dev skill F1 ${format(scores.skill.f1)}, knowledge F1 ${format(scores.knowledge.f1)}, combined F1 ${format(scores.combined.f1)} (${Math.round((Date.now() - started) / 1000)} s)`,
    );
  },
});

const file = toSpanModelFile(model, 1000, 'SkillSpan train (Zhang et al. 2022, MIT)');
const bytes = gzipSync(JSON.stringify(file), { level: 9 });
const out = spanModelPath();
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, bytes);
console.log(`wrote ${out}: ${file.features.length} features, ${(bytes.length / 1e6).toFixed(1)} MB`);
