import { describe, expect, it } from 'vitest';
import { repairBio } from './repair-bio.js';
import { bioFromSpans, spansFromBio } from './spans-from-bio.js';

describe('spansFromBio', () => {
  it('reads B/I runs as spans with an exclusive end', () => {
    expect(spansFromBio(['B', 'I', 'O', 'B', 'B', 'I'], 'skill')).toEqual([
      { type: 'skill', start: 0, end: 2 },
      { type: 'skill', start: 3, end: 4 },
      { type: 'skill', start: 4, end: 6 },
    ]);
  });

  it('opens a span at an I that follows O, as conlleval does', () => {
    expect(spansFromBio(['O', 'I', 'I', 'O'], 'knowledge')).toEqual([{ type: 'knowledge', start: 1, end: 3 }]);
  });

  it('round-trips through bioFromSpans', () => {
    const tags = ['O', 'B', 'I', 'I', 'B', 'O', 'B'];
    expect(bioFromSpans(spansFromBio(tags, 'skill'), tags.length)).toEqual(tags);
  });
});

describe('repairBio', () => {
  it('turns a leading or orphan I into B and anything unknown into O', () => {
    expect(repairBio(['I', 'I', 'O', 'I', 'X', 'B', 'I'])).toEqual(['B', 'I', 'O', 'B', 'O', 'B', 'I']);
  });

  it('leaves valid BIO alone', () => {
    expect(repairBio(['O', 'B', 'I', 'B', 'O'])).toEqual(['O', 'B', 'I', 'B', 'O']);
  });
});
