import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CompetencyDimension, CompetencyType, PostCategory } from '../../../api/contracts.js';
import { CATEGORY_COLOURS, DIMENSION_COLOURS, TYPE_COLOURS } from '../taxonomy-terms.js';

const TAG_STYLE = { marginInlineEnd: 0 };

export function CompetencyTypeTag({ type }: { type: CompetencyType }) {
  const { t } = useTranslation();
  return (
    <Tag color={TYPE_COLOURS[type]} style={TAG_STYLE}>
      {t(`taxonomy.types.${type}`)}
    </Tag>
  );
}

export function DimensionTag({ dimension }: { dimension: CompetencyDimension | null }) {
  const { t } = useTranslation();
  if (!dimension) return null;
  return (
    <Tag color={DIMENSION_COLOURS[dimension]} variant="outlined" style={TAG_STYLE}>
      {t(`taxonomy.dimensions.${dimension}`)}
    </Tag>
  );
}

export function PostCategoryTag({ category }: { category: PostCategory }) {
  return (
    <Tag color={CATEGORY_COLOURS[category]} style={TAG_STYLE}>
      {category}
    </Tag>
  );
}
