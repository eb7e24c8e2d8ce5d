import { describe, expect, it } from 'vitest';
import { isAllowedTransition, parseLabelName } from './span-model.js';
import { allowedTransitions } from './tag-tokens.js';
import { viterbiDecode } from './viterbi-decode.js';

describe('viterbiDecode', () => {
  const allowAll = new Uint8Array(3 * 2).fill(1);

  it('follows the emissions when transitions are neutral', () => {
    const emission = Float64Array.from([1, 0, 0, 1, 1, 0]);
    expect(viterbiDecode(emission, new Float64Array(6), allowAll, 2)).toEqual([0, 1, 0]);
  });

  it('lets a strong transition override a weak emission', () => {
    // labels 0, 1; staying on a label is rewarded by 2, the middle token slightly prefers label 1
    const transition = Float64Array.from([2, 0, 0, 2, 0, 0]);
    const emission = Float64Array.from([1, 0, 0, 0.5, 1, 0]);
    expect(viterbiDecode(emission, transition, allowAll, 2)).toEqual([0, 0, 0]);
  });

  it('never takes a forbidden transition', () => {
    const labels = ['O O', 'B O', 'I O'].map(parseLabelName);
    const allowed = allowedTransitions(labels);
    // the emissions alone would say I everywhere; B I I is the best valid path
    const emission = Float64Array.from([0, 0, 5, 0, 0, 1, 0, 0, 5]);
    const path = viterbiDecode(emission, new Float64Array(12), allowed, 3);
    path.forEach((label, index) => {
      expect(isAllowedTransition(index === 0 ? null : labels[path[index - 1]!]!, labels[label]!)).toBe(true);
    });
    expect(path).toEqual([1, 2, 2]);
  });

  it('returns nothing for an empty sentence', () => {
    expect(viterbiDecode(new Float64Array(0), new Float64Array(6), allowAll, 2)).toEqual([]);
  });
});
