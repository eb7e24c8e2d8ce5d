import { describe, expect, it } from 'vitest';
import { spanF1 } from './span-f1.js';
import { spansFromBio } from './spans-from-bio.js';

describe('spanF1', () => {
  it('counts a span correct only when type, start and end all match', () => {
    const gold = [[...spansFromBio(['B', 'I', 'O', 'O'], 'skill'), ...spansFromBio(['O', 'O', 'B', 'O'], 'knowledge')]];
    const predicted = [
      [
        ...spansFromBio(['B', 'I', 'O', 'O'], 'skill'), // correct
        ...spansFromBio(['O', 'O', 'B', 'I'], 'knowledge'), // wrong end
        ...spansFromBio(['O', 'B', 'O', 'O'], 'knowledge'), // wrong type position
      ],
    ];
    const scores = spanF1(gold, predicted);
    expect(scores).toMatchObject({ gold: 2, predicted: 3, correct: 1 });
    expect(scores.precision).toBeCloseTo(1 / 3);
    expect(scores.recall).toBeCloseTo(1 / 2);
    expect(scores.f1).toBeCloseTo(0.4);
  });

  it('does not match a span of the wrong type', () => {
    const scores = spanF1([[{ type: 'skill', start: 0, end: 2 }]], [[{ type: 'knowledge', start: 0, end: 2 }]]);
    expect(scores.f1).toBe(0);
  });

  it('pools counts over sentences and gives 0, not NaN, when nothing is predicted', () => {
    const gold = [[{ type: 'skill', start: 0, end: 1 }], [{ type: 'skill', start: 2, end: 3 }]];
    expect(spanF1(gold, [[{ type: 'skill', start: 0, end: 1 }], []])).toMatchObject({ precision: 1, recall: 0.5 });
    expect(spanF1(gold, [[], []])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});
