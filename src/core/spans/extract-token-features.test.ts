import { describe, expect, it } from 'vitest';
import { extractTokenFeatures, normalizeWord, wordShape } from './extract-token-features.js';

describe('extractTokenFeatures', () => {
  it('describes each token by its word, neighbours, affixes, shape and flags', () => {
    const [first, second] = extractTokenFeatures(['Python', 'scripting', '2021'], new Map());
    expect(first).toEqual(
      expect.arrayContaining([
        'bias',
        'w=python',
        'p2=py',
        's3=hon',
        'sh=Xx',
        'w-1=<s>',
        'ww+1=python|scripting',
        'first',
        'title@0',
      ]),
    );
    expect(second).toEqual(expect.arrayContaining(['w-1=python', 'w+1=0000', 'w+2=</s>', 'sh+1=d']));
    expect(second).not.toContain('first');
  });

  it('adds cluster prefixes of the word and its neighbours when clusters are given', () => {
    const clusters = new Map([
      ['python', '1110010000'],
      ['java', '1110010001'],
    ]);
    const [features] = extractTokenFeatures(['Java', 'developer'], clusters);
    expect(features).toEqual(expect.arrayContaining(['c4=1110', 'c8=11100100', 'c=1110010001', 'c+1=?', 'c-1=?']));
  });

  it('normalises words and shapes', () => {
    expect(normalizeWord('SQL2019')).toBe('sql0000');
    expect(wordShape('JavaScript')).toBe('XxXx');
    expect(wordShape('C++')).toBe('X+');
  });
});
