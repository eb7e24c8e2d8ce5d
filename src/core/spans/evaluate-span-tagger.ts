import { spanF1, type SpanScores } from './span-f1.js';
import { spansFromBio } from './spans-from-bio.js';
import type { SpanModel } from './span-model.js';
import { tagTokens } from './tag-tokens.js';
import type { TrainingSentence } from './train-span-perceptron.js';

export interface SpanTaggerScores {
  skill: SpanScores;
  knowledge: SpanScores;
  /** both types pooled, as the SkillSpan paper reports */
  combined: SpanScores;
}

/** Exact-match span scores of `model` on annotated sentences. */
export function evaluateSpanTagger(model: SpanModel, sentences: readonly TrainingSentence[]): SpanTaggerScores {
  const predictions = sentences.map((sentence) => tagTokens(model, sentence.tokens));
  const gold = (layer: 'skill' | 'knowledge'): ReturnType<typeof spansFromBio>[] =>
    sentences.map((sentence) => spansFromBio(layer === 'skill' ? sentence.tagsSkill : sentence.tagsKnowledge, layer));
  const predicted = (layer: 'skill' | 'knowledge'): ReturnType<typeof spansFromBio>[] =>
    predictions.map((tags) => spansFromBio(layer === 'skill' ? tags.tagsSkill : tags.tagsKnowledge, layer));
  const goldSkill = gold('skill');
  const goldKnowledge = gold('knowledge');
  const predictedSkill = predicted('skill');
  const predictedKnowledge = predicted('knowledge');
  return {
    skill: spanF1(goldSkill, predictedSkill),
    knowledge: spanF1(goldKnowledge, predictedKnowledge),
    combined: spanF1(
      goldSkill.map((spans, index) => [...spans, ...(goldKnowledge[index] ?? [])]),
      predictedSkill.map((spans, index) => [...spans, ...(predictedKnowledge[index] ?? [])]),
    ),
  };
}
