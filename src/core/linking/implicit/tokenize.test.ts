import { describe, expect, it } from 'vitest';
import { porterStem } from './porter-stem.js';
import { tokenize } from './tokenize.js';

describe('porterStem', () => {
  it('conflates inflections and derivations as Porter does', () => {
    expect(porterStem('managing')).toBe('manag');
    expect(porterStem('managed')).toBe('manag');
    expect(porterStem('management')).toBe('manag');
    expect(porterStem('teams')).toBe('team');
    expect(porterStem('caresses')).toBe('caress');
    expect(porterStem('ponies')).toBe('poni');
    expect(porterStem('relational')).toBe('relat');
    expect(porterStem('hopping')).toBe('hop');
    expect(porterStem('generalization')).toBe(porterStem('generalize'));
    expect(porterStem('analysis')).toBe(porterStem('analyses'));
  });

  it('leaves short words and words with digits or symbols alone', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('c++')).toBe('c++');
    expect(porterStem('html5')).toBe('html5');
  });
});

describe('tokenize', () => {
  it('stems English words, drops stop words and keeps the spans of the original text', () => {
    const text = 'Managing the Teams, using C++ and C#';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.term)).toEqual(['manag', 'team', 'c++', 'c#']);
    expect(tokens.map((token) => text.slice(token.start, token.end))).toEqual(['Managing', 'Teams', 'C++', 'C#']);
  });

  it('folds full-width letters without moving spans', () => {
    const text = '使用ＷＭＳ系统';
    const wms = tokenize(text).find((token) => token.term === 'wms');
    expect(wms).toBeDefined();
    expect(text.slice(wms!.start, wms!.end)).toBe('ＷＭＳ');
  });

  it('cuts Han runs into unigrams and bigrams, and splits them from Latin words', () => {
    const text = '仓库WMS系统';
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.term)).toEqual(['仓', '仓库', '库', 'wms', '系', '系统', '统']);
    expect(tokens.filter((token) => token.unigram).map((token) => token.term)).toEqual(['仓', '库', '系', '统']);
    for (const token of tokens) expect(text.slice(token.start, token.end).toLowerCase()).toBe(token.term);
  });

  it('returns nothing for empty, blank or symbol-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   \n\t')).toEqual([]);
    expect(tokenize('!!! --- ***')).toEqual([]);
  });
});
