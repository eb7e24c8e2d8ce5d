import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { fromSpanModelFile, type SpanModel, type SpanModelFile } from '../../core/spans/span-model.js';
import type { TrainingSentence } from '../../core/spans/train-span-perceptron.js';

/** The folder holding `package.json` above this file: the checkout under tsx, the same folder above `dist/`. */
function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('no package.json above src/interchange/models');
    directory = parent;
  }
  return directory;
}

/** Where the shipped span tagger lives: `data/models/span-tagger.json.gz` at the package root. */
export function spanModelPath(): string {
  return join(packageRoot(), 'data', 'models', 'span-tagger.json.gz');
}

const cache = new Map<string, SpanModel>();

/** Loads (once per path, then cached) the gzipped JSON span tagger, by default the shipped one. */
export function readSpanModel(path: string = spanModelPath()): SpanModel {
  const cached = cache.get(path);
  if (cached) return cached;
  const file = JSON.parse(gunzipSync(readFileSync(path)).toString('utf8')) as SpanModelFile;
  const model = fromSpanModelFile(file);
  cache.set(path, model);
  return model;
}

/** The sentences of a SkillSpan-style JSON Lines file (`tokens`, `tags_skill`, optional `tags_knowledge`). */
export function readSpanSentences(path: string): TrainingSentence[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const record = JSON.parse(line) as { tokens?: unknown; tags_skill?: unknown; tags_knowledge?: unknown };
      if (!Array.isArray(record.tokens) || !Array.isArray(record.tags_skill)) {
        throw new Error(`${path}:${index + 1}: expected tokens and tags_skill arrays`);
      }
      const tokens = record.tokens.map(String);
      return {
        tokens,
        tagsSkill: record.tags_skill.map(String),
        tagsKnowledge: Array.isArray(record.tags_knowledge) ? record.tags_knowledge.map(String) : tokens.map(() => 'O'),
      };
    });
}
