import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../dashboard/components/EChart.js';
import type { RequirementGroup } from './requirement-groups.js';
import { requirementWeightHeight, requirementWeightOption } from './requirement-weight-option.js';

/** Summed requirement weight per dimension, essential and optional stacked: where the post's weight lies. */
export function RequirementWeightChart({ groups }: { groups: readonly RequirementGroup[] }) {
  const { t } = useTranslation();
  const option = useMemo(
    () =>
      requirementWeightOption(
        groups.map((group) => ({
          label: t(`taxonomy.dimensions.${group.dimension ?? 'none'}`),
          essentialWeight: group.essentialWeight,
          optionalWeight: group.optionalWeight,
        })),
        { essential: t('taxonomy.post.chart.essential'), optional: t('taxonomy.post.chart.optional') },
      ),
    [groups, t],
  );
  return (
    <EChart option={option} label={t('taxonomy.post.chart.label')} height={requirementWeightHeight(groups.length)} />
  );
}
