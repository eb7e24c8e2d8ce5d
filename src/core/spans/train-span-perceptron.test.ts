import { describe, expect, it } from 'vitest';
import { evaluateSpanTagger } from './evaluate-span-tagger.js';
import { fromSpanModelFile, toSpanModelFile } from './span-model.js';
import { tagTokens } from './tag-tokens.js';
import { trainSpanPerceptron, type TrainingSentence } from './train-span-perceptron.js';

function sentence(text: string, skill: string, knowledge: string): TrainingSentence {
  return { tokens: text.split(' '), tagsSkill: skill.split(' '), tagsKnowledge: knowledge.split(' ') };
}

const toyCorpus = [
  sentence('experience with python and sql', 'O O O O O', 'O O B O B'),
  sentence('you can manage stakeholders well', 'O O B I O', 'O O O O O'),
  sentence('knowledge of java is a plus', 'O O O O O O', 'O O B O O O'),
  sentence('able to manage teams', 'O O B I', 'O O O O'),
  sentence('python and java', 'O O O', 'B O B'),
];

describe('trainSpanPerceptron', () => {
  it('learns a separable toy corpus and tags valid BIO', () => {
    const model = trainSpanPerceptron(toyCorpus, { epochs: 10, seed: 1, wordClusters: new Map() });
    expect(evaluateSpanTagger(model, toyCorpus).combined.f1).toBe(1);
    const tags = tagTokens(model, ['manage', 'python']);
    expect(tags.tagsSkill).toHaveLength(2);
    expect(tags.tagsKnowledge[1]).toBe('B');
  });

  it('is deterministic and survives its file form', () => {
    const first = trainSpanPerceptron(toyCorpus, { epochs: 3, seed: 5, wordClusters: new Map() });
    const second = trainSpanPerceptron(toyCorpus, { epochs: 3, seed: 5, wordClusters: new Map() });
    const file = toSpanModelFile(first, 1000, 'toy');
    expect(JSON.stringify(toSpanModelFile(second, 1000, 'toy'))).toBe(JSON.stringify(file));
    const reloaded = fromSpanModelFile(JSON.parse(JSON.stringify(file)) as typeof file);
    for (const example of toyCorpus)
      expect(tagTokens(reloaded, example.tokens)).toEqual(tagTokens(first, example.tokens));
  });

  it('tags an empty sentence as empty', () => {
    const model = trainSpanPerceptron(toyCorpus, { epochs: 1, seed: 1, wordClusters: new Map() });
    expect(tagTokens(model, [])).toEqual({ tagsSkill: [], tagsKnowledge: [] });
  });
});
