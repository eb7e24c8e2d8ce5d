import { Flex, Progress, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PostDetail } from '../../../api/contracts.js';
import { pickName } from '../../../i18n/pick-name.js';

type Level = PostDetail['levels'][number];

export function EssentialTag({ essential }: { essential: boolean }) {
  const { t } = useTranslation();
  return essential ? (
    <Tag color="red" style={{ marginInlineEnd: 0 }}>
      {t('taxonomy.requirement.essential')}
    </Tag>
  ) : (
    <Tag style={{ marginInlineEnd: 0 }}>{t('taxonomy.requirement.optional')}</Tag>
  );
}

/** The weight (0–1) as a bar with its value. */
export function WeightBar({ weight, width = 120 }: { weight: number; width?: number }) {
  const { t } = useTranslation();
  return (
    <div style={{ width }} title={`${t('taxonomy.requirement.weight')} ${weight.toFixed(2)}`}>
      <Progress
        percent={Math.round(weight * 100)}
        size="small"
        format={() => weight.toFixed(2)}
        aria-label={`${t('taxonomy.requirement.weight')} ${weight.toFixed(2)}`}
      />
    </div>
  );
}

/** The level with its name and descriptor from the framework's scale, when the scale is known. */
export function LevelTag({ level, levels = [] }: { level: number; levels?: readonly Level[] }) {
  const { t, i18n } = useTranslation();
  const named = levels.find((candidate) => candidate.level === level);
  if (!named) return <Tag style={{ marginInlineEnd: 0 }}>{t('taxonomy.requirement.levelNumber', { level })}</Tag>;
  return (
    <Tooltip title={pickName(named.descriptorZh, named.descriptorEn, i18n.language)}>
      <Tag color="geekblue" style={{ marginInlineEnd: 0 }}>
        {t('taxonomy.requirement.levelNamed', { level, name: pickName(named.nameZh, named.nameEn, i18n.language) })}
      </Tag>
    </Tooltip>
  );
}

/** Essential or not, weight and level of one requirement, in one line. */
export function RequirementBadge({
  essential,
  weight,
  level,
  levels,
}: {
  essential: boolean;
  weight: number;
  level: number;
  levels?: readonly Level[];
}) {
  return (
    <Flex gap={8} align="center" wrap>
      <EssentialTag essential={essential} />
      <WeightBar weight={weight} width={110} />
      <LevelTag level={level} levels={levels} />
    </Flex>
  );
}
