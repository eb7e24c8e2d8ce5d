import { describe, expect, it } from 'vitest';
import { learnWordClusters } from './learn-word-clusters.js';

describe('learnWordClusters', () => {
  // Two word classes that occur in disjoint contexts.
  const sentences: string[][] = [];
  for (const language of ['python', 'java', 'rust', 'go']) {
    for (const frame of ['experience in', 'knowledge of', 'skills in'])
      sentences.push([...frame.split(' '), language, 'required']);
  }
  for (const verb of ['manage', 'lead', 'coach', 'support']) {
    for (const object of ['teams', 'people', 'projects']) sentences.push(['you', 'will', verb, object, 'daily']);
  }
  const options = { minCount: 2, contextWords: 50, dimensions: 4, depth: 6, seed: 3 };

  it('gives each word class a subtree of its own', () => {
    const clusters = learnWordClusters(sentences, options);
    const commonPrefix = (words: string[]): string => {
      const paths = words.map((word) => clusters.get(word) ?? '');
      let prefix = paths[0] ?? '';
      for (const path of paths) while (!path.startsWith(prefix)) prefix = prefix.slice(0, -1);
      return prefix;
    };
    const languages = ['python', 'java', 'rust', 'go'];
    const verbs = ['manage', 'lead', 'coach', 'support'];
    for (const [group, others] of [
      [languages, verbs],
      [verbs, languages],
    ] as const) {
      const subtree = commonPrefix([...group]);
      for (const word of others) expect(clusters.get(word)?.startsWith(subtree)).toBe(false);
    }
  });

  it('is deterministic', () => {
    expect([...learnWordClusters(sentences, options)]).toEqual([...learnWordClusters(sentences, options)]);
  });
});
