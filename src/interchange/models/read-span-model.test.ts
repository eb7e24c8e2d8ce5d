import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateSpanTagger } from '../../core/spans/evaluate-span-tagger.js';
import { tagTokens } from '../../core/spans/tag-tokens.js';
import { sharedDataPath } from '../shared-data.js';
import { readSpanModel, readSpanSentences, spanModelPath } from './read-span-model.js';

const devPath = sharedDataPath('skillspan', 'dev.json');
const devAbsent = devPath === null || !existsSync(devPath);
if (devAbsent) console.warn('read-span-model.test: shared SkillSpan data absent, the dev-set check is skipped');

describe('the shipped span tagger', () => {
  it('loads from data/models and is cached', () => {
    expect(existsSync(spanModelPath())).toBe(true);
    const model = readSpanModel();
    expect(readSpanModel()).toBe(model);
    expect(model.labels.length).toBeGreaterThanOrEqual(5);
  });

  it('tags one label per token, valid BIO on both layers', () => {
    const tokens = ['Experience', 'with', 'Python', ',', 'SQL', 'and', 'working', 'in', 'agile', 'teams', '.'];
    const { tagsSkill, tagsKnowledge } = tagTokens(readSpanModel(), tokens);
    for (const tags of [tagsSkill, tagsKnowledge]) {
      expect(tags).toHaveLength(tokens.length);
      tags.forEach((tag, index) => {
        expect(['B', 'I', 'O']).toContain(tag);
        if (tag === 'I') expect(['B', 'I']).toContain(tags[index - 1]);
      });
    }
    expect(tagsKnowledge[2]).toBe('B');
  });

  it.skipIf(devAbsent)('reaches a combined span-F1 of at least 0.30 on 200 SkillSpan dev sentences', () => {
    const sentences = readSpanSentences(devPath as string).slice(0, 200);
    const scores = evaluateSpanTagger(readSpanModel(), sentences);
    expect(scores.combined.gold).toBeGreaterThan(50);
    expect(scores.combined.f1).toBeGreaterThanOrEqual(0.3);
  });
});
