import { Flex, Table, Typography, type TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostDetail } from '../../../api/contracts.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { BilingualText } from './BilingualText.js';
import { CompetencyTypeTag } from './CompetencyTags.js';
import { EssentialTag, LevelTag, WeightBar } from './RequirementBadge.js';
import type { RequirementGroup, RequirementRow } from './requirement-groups.js';

/** One table per dimension: essential first, weight as a bar, the level named from the framework's scale. */
export function RequirementGroups({
  groups,
  levels,
}: {
  groups: readonly RequirementGroup[];
  levels: PostDetail['levels'];
}) {
  const { t } = useTranslation();
  const { href } = useTaxonomy();
  const columns: TableProps<RequirementRow>['columns'] = [
    {
      key: 'competency',
      title: t('taxonomy.requirementsEditor.competency'),
      render: (_, row) => (
        <BilingualText
          zh={row.labelZh}
          en={row.labelEn}
          fallback={row.competencyId}
          render={(text) => (
            <Link to={href(`/taxonomy/competencies/${encodeURIComponent(row.competencyId)}`)}>{text}</Link>
          )}
        />
      ),
    },
    {
      key: 'type',
      title: t('taxonomy.competency.type'),
      width: 80,
      responsive: ['md'],
      render: (_, row) => <CompetencyTypeTag type={row.type} />,
    },
    {
      key: 'essential',
      title: t('taxonomy.requirement.essential'),
      width: 80,
      render: (_, row) => <EssentialTag essential={row.essential} />,
    },
    {
      key: 'weight',
      title: t('taxonomy.requirement.weight'),
      width: 150,
      render: (_, row) => <WeightBar weight={row.weight} />,
    },
    {
      key: 'level',
      title: t('taxonomy.requirement.level'),
      width: 110,
      render: (_, row) => <LevelTag level={row.level} levels={levels} />,
    },
  ];

  return (
    <Flex vertical gap={20}>
      {groups.map((group) => {
        const name = group.dimension ?? 'none';
        return (
          <section key={name} data-testid={`requirement-group-${name}`}>
            <Flex align="baseline" gap={8} wrap style={{ marginBottom: 8 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {t(`taxonomy.dimensions.${name}`)}
              </Typography.Title>
              <Typography.Text type="secondary">
                {t('taxonomy.post.groupSummary', {
                  count: group.requirements.length,
                  essential: group.essential,
                  weight: (group.essentialWeight + group.optionalWeight).toFixed(2),
                })}
              </Typography.Text>
            </Flex>
            <Table<RequirementRow>
              size="small"
              rowKey="competencyId"
              pagination={false}
              columns={columns}
              dataSource={group.requirements}
              scroll={{ x: 'max-content' }}
              onRow={(row) => ({ 'data-testid': `requirement-${row.competencyId}` }) as object}
            />
          </section>
        );
      })}
    </Flex>
  );
}
