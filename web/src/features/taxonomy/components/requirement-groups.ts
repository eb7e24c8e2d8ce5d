import { compareNames } from '../../../i18n/compare-names.js';
import type { CompetencyDimension, PostDetail } from '../../../api/contracts.js';
import { COMPETENCY_DIMENSIONS } from '../taxonomy-terms.js';

export type RequirementRow = PostDetail['requirements'][number];

export interface RequirementGroup {
  /** null: requirements whose competency has no dimension. */
  dimension: CompetencyDimension | null;
  requirements: RequirementRow[];
  essential: number;
  essentialWeight: number;
  optionalWeight: number;
}

/** Essential first, then by weight, then by label, so a committee reads the most important first. */
function compareRequirements(a: RequirementRow, b: RequirementRow): number {
  if (a.essential !== b.essential) return a.essential ? -1 : 1;
  if (a.weight !== b.weight) return b.weight - a.weight;
  const labelA = a.labelZh ?? a.labelEn ?? a.competencyId;
  const labelB = b.labelZh ?? b.labelEn ?? b.competencyId;
  return compareNames('zh-CN')(labelA, labelB);
}

/** A post's requirements by competency dimension, in the scheme's order of the six dimensions. */
export function groupRequirements(requirements: readonly RequirementRow[]): RequirementGroup[] {
  const order: (CompetencyDimension | null)[] = [...COMPETENCY_DIMENSIONS, null];
  return order
    .map((dimension) => {
      const rows = requirements.filter((row) => row.dimension === dimension).sort(compareRequirements);
      const sum = (items: readonly RequirementRow[]) => items.reduce((total, row) => total + row.weight, 0);
      return {
        dimension,
        requirements: rows,
        essential: rows.filter((row) => row.essential).length,
        essentialWeight: sum(rows.filter((row) => row.essential)),
        optionalWeight: sum(rows.filter((row) => !row.essential)),
      };
    })
    .filter((group) => group.requirements.length > 0);
}
