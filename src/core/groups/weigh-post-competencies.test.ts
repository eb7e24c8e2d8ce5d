import { describe, expect, it } from 'vitest';
import type { PostRequirement } from '../taxonomy/taxonomy-bundle.js';
import { DEMAND_MIN_POSTINGS, weighPostCompetencies } from './weigh-post-competencies.js';

const requirement = (competencyId: string, weight: number, essential: boolean): PostRequirement => ({
  postId: 'p',
  competencyId,
  essential,
  weight,
  level: 3,
});

describe('weighPostCompetencies', () => {
  it('weighs essential requirements in full and optional ones at half, at least 0.01, sorted by id', () => {
    expect(
      weighPostCompetencies(
        [requirement('z', 0.8, true), requirement('a', 0.8, false), requirement('m', 0.001, true)],
        null,
      ),
    ).toEqual([
      { id: 'a', weight: 0.4 },
      { id: 'm', weight: 0.01 },
      { id: 'z', weight: 0.8 },
    ]);
  });

  it('keeps the higher weight of a competency listed twice', () => {
    expect(weighPostCompetencies([requirement('a', 0.6, false), requirement('a', 0.5, true)], null)).toEqual([
      { id: 'a', weight: 0.5 },
    ]);
  });

  it('ignores the demand profile of a post with too few postings', () => {
    const demand = { postings: DEMAND_MIN_POSTINGS - 1, competencies: new Map([['b', DEMAND_MIN_POSTINGS - 1]]) };
    expect(weighPostCompetencies([requirement('a', 1, true)], demand)).toEqual([{ id: 'a', weight: 1 }]);
  });

  it('raises or adds demanded competencies up to half an essential weight, never lowering a requirement', () => {
    const demand = {
      postings: 100,
      competencies: new Map([
        ['a', 100], // the most demanded: 0.5, but the requirement says 0.9
        ['b', 60], // not required: added at 0.5 × 60/100 = 0.3
        ['c', 4], // 4 % of postings: below the 5 % floor, noise
        ['d', 40], // optional 0.1 × 0.5 = 0.05 → raised to 0.2
      ]),
    };
    expect(weighPostCompetencies([requirement('a', 0.9, true), requirement('d', 0.1, false)], demand)).toEqual([
      { id: 'a', weight: 0.9 },
      { id: 'b', weight: 0.3 },
      { id: 'd', weight: 0.2 },
    ]);
  });
});
