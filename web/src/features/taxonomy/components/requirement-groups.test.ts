import { describe, expect, it } from 'vitest';
import { groupRequirements, type RequirementRow } from './requirement-groups.js';

function requirement(overrides: Partial<RequirementRow> & Pick<RequirementRow, 'competencyId'>): RequirementRow {
  return {
    essential: false,
    weight: 0.5,
    level: 2,
    labelZh: null,
    labelEn: null,
    type: 'skill',
    dimension: 'it',
    escoUri: null,
    ...overrides,
  };
}

describe('a post’s requirements by dimension', () => {
  it('follows the scheme’s order of dimensions, ungrouped last, empty dimensions left out', () => {
    const groups = groupRequirements([
      requirement({ competencyId: 'none', dimension: null }),
      requirement({ competencyId: 'english', dimension: 'language' }),
      requirement({ competencyId: 'python', dimension: 'it' }),
    ]);
    expect(groups.map((group) => group.dimension)).toEqual(['it', 'language', null]);
  });

  it('lists essential first, then heavier, then by label, and sums the weights', () => {
    const [group] = groupRequirements([
      requirement({ competencyId: 'b', labelZh: '乙', weight: 0.5 }),
      requirement({ competencyId: 'a', labelZh: '甲', weight: 0.5 }),
      requirement({ competencyId: 'heavy', weight: 0.9 }),
      requirement({ competencyId: 'core', essential: true, weight: 0.75 }),
    ]);
    expect(group?.requirements.map((row) => row.competencyId)).toEqual(['core', 'heavy', 'a', 'b']);
    expect(group?.essential).toBe(1);
    expect(group?.essentialWeight).toBeCloseTo(0.75);
    expect(group?.optionalWeight).toBeCloseTo(1.9);
  });
});
