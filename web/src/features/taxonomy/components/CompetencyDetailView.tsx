import { Descriptions, Divider, Flex, Table, Tag, Typography, type TableProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { CompetencyDetail } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateDynamic } from '../../../i18n/translate-dynamic.js';
import { fetchCompetency, fetchCompetencyHistory } from '../api/taxonomy-api.js';
import { labelsInOrder, primaryLabel } from '../bilingual.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { CompetencyEditForm } from './CompetencyEditForm.js';
import { CompetencyTypeTag, DimensionTag, PostCategoryTag } from './CompetencyTags.js';
import { DraftHint } from './DraftHint.js';
import { EditHistory } from './EditHistory.js';
import { RequirementBadge } from './RequirementBadge.js';

type PostUse = CompetencyDetail['posts'][number];
type LabelRef = CompetencyDetail['broader'][number];

/** Everything about one competency of the shown version; its edit form for editors on a draft. */
export function CompetencyDetailView({ competencyId }: { competencyId: string }) {
  const { t, i18n } = useTranslation();
  const { version, editable, canEdit, href, versionChanged } = useTaxonomy();
  const { search } = useLocation();
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([version.id, competencyId, generation]);
  const detail = useApiQuery((signal) => fetchCompetency(version.id, competencyId, signal), key);
  const history = useApiQuery((signal) => fetchCompetencyHistory(version.id, competencyId, signal), key);

  if (detail.error) return <ApiErrorAlert error={detail.error} onRetry={detail.reload} testId="competency-error" />;
  const competency = detail.data?.id === competencyId ? detail.data : undefined;
  if (!competency) return <PageLoading />;

  const language = i18n.language;
  const [primary, secondary] = labelsInOrder(competency.labelZh, competency.labelEn, language);
  const [description, otherDescription] = labelsInOrder(competency.descriptionZh, competency.descriptionEn, language);
  const none = t('common.none');
  const aliasTags = (aliases: readonly string[]) =>
    aliases.length === 0 ? (
      none
    ) : (
      <Flex wrap gap={4}>
        {aliases.map((alias) => (
          <Tag key={alias} style={{ marginInlineEnd: 0 }}>
            {alias}
          </Tag>
        ))}
      </Flex>
    );
  const competencyLinks = (refs: readonly LabelRef[]) => (
    <Flex wrap gap={6}>
      {refs.map((ref) => (
        // Within the drawer, so the list behind keeps its search.
        <Link key={ref.id} to={{ pathname: `/taxonomy/competencies/${encodeURIComponent(ref.id)}`, search }}>
          <Tag color="blue" style={{ marginInlineEnd: 0, cursor: 'pointer' }}>
            {primaryLabel(ref, language)}
          </Tag>
        </Link>
      ))}
    </Flex>
  );

  const postColumns: TableProps<PostUse>['columns'] = [
    {
      key: 'post',
      title: t('taxonomy.tabs.posts'),
      render: (_, post) => (
        <Flex gap={6} align="center" wrap>
          <PostCategoryTag category={post.category} />
          <Link to={href(`/taxonomy/posts/${encodeURIComponent(post.postId)}`)}>
            {pickName(post.titleZh, post.titleEn, language)}
          </Link>
        </Flex>
      ),
    },
    {
      key: 'requirement',
      title: t('taxonomy.requirement.title'),
      render: (_, post) => <RequirementBadge essential={post.essential} weight={post.weight} level={post.level} />,
    },
  ];

  const relations = (['broader', 'narrower', 'related'] as const).filter((kind) => competency[kind].length > 0);

  return (
    <Flex vertical gap={16} data-testid="competency-detail">
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="competency-title">
          {primary || competency.id}
        </Typography.Title>
        {secondary && <Typography.Text type="secondary">{secondary}</Typography.Text>}
        <Flex gap={6} wrap style={{ marginTop: 8 }}>
          <CompetencyTypeTag type={competency.type} />
          <DimensionTag dimension={competency.dimension} />
          {competency.isGroup && <Tag style={{ marginInlineEnd: 0 }}>{t('taxonomy.competencies.group')}</Tag>}
        </Flex>
      </div>
      {description && (
        <div>
          <Typography.Paragraph style={{ marginBottom: 4 }}>{description}</Typography.Paragraph>
          {otherDescription && <Typography.Text type="secondary">{otherDescription}</Typography.Text>}
        </div>
      )}
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          {
            key: 'id',
            label: t('taxonomy.competency.id'),
            children: <Typography.Text code>{competency.id}</Typography.Text>,
          },
          { key: 'labelZh', label: t('taxonomy.competency.labelZh'), children: competency.labelZh ?? none },
          { key: 'labelEn', label: t('taxonomy.competency.labelEn'), children: competency.labelEn ?? none },
          { key: 'aliasesZh', label: t('taxonomy.competency.aliasesZh'), children: aliasTags(competency.aliasesZh) },
          { key: 'aliasesEn', label: t('taxonomy.competency.aliasesEn'), children: aliasTags(competency.aliasesEn) },
          {
            key: 'escoUri',
            label: t('taxonomy.competency.escoUri'),
            children: competency.escoUri ? (
              <a href={competency.escoUri} target="_blank" rel="noreferrer" data-testid="competency-esco">
                {competency.escoUri}
              </a>
            ) : (
              none
            ),
          },
          {
            key: 'onet',
            label: t('taxonomy.competency.onetElementId'),
            children: competency.onetElementId ?? none,
          },
          {
            key: 'xStandard',
            label: t('taxonomy.competency.xStandardCode'),
            children: competency.xStandardCode ?? none,
          },
          { key: 'case', label: t('taxonomy.competency.caseGuid'), children: competency.caseGuid ?? none },
          {
            key: 'previousIds',
            label: t('taxonomy.competency.previousIds'),
            children: competency.previousIds.length > 0 ? competency.previousIds.join(', ') : none,
          },
        ]}
      />

      {relations.length > 0 && (
        <Descriptions
          size="small"
          column={1}
          items={relations.map((kind) => ({
            key: kind,
            label: t(`taxonomy.competency.${kind}`),
            children: competencyLinks(competency[kind]),
          }))}
        />
      )}

      <section>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('taxonomy.competency.posts')}
        </Divider>
        {competency.posts.length === 0 ? (
          <Typography.Text type="secondary">{t('taxonomy.competency.postsEmpty')}</Typography.Text>
        ) : (
          <Table<PostUse>
            data-testid="competency-posts"
            size="small"
            rowKey="postId"
            pagination={false}
            columns={postColumns}
            dataSource={competency.posts}
          />
        )}
      </section>

      <section>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('taxonomy.competency.occupations', { total: competency.occupations.total })}
        </Divider>
        {competency.occupations.total === 0 ? (
          <Typography.Text type="secondary">{t('taxonomy.competency.occupationsEmpty')}</Typography.Text>
        ) : (
          <Flex vertical gap={8} data-testid="competency-occupations">
            <Flex wrap gap={6}>
              {competency.occupations.items.map((occupation) => (
                <Tag key={`${occupation.id}:${occupation.relation}`} style={{ marginInlineEnd: 0 }}>
                  {pickName(occupation.titleZh ?? '', occupation.titleEn ?? '', language) || occupation.id}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {' · '}
                    {translateDynamic(t, `taxonomy.competency.relations.${occupation.relation}`, occupation.relation)}
                  </Typography.Text>
                </Tag>
              ))}
            </Flex>
            {competency.occupations.items.length < competency.occupations.total && (
              <Typography.Text type="secondary">
                {t('taxonomy.competency.occupationsShown', { shown: competency.occupations.items.length })}
              </Typography.Text>
            )}
          </Flex>
        )}
      </section>

      {editable ? (
        <CompetencyEditForm
          key={JSON.stringify(competency)}
          competency={competency}
          onSaved={() => {
            setGeneration((value) => value + 1);
            // The list behind the drawer shows the new labels once the version's change is seen.
            versionChanged(version);
          }}
        />
      ) : (
        canEdit && <DraftHint />
      )}

      <section>
        <Divider titlePlacement="start" style={{ marginTop: 0 }}>
          {t('taxonomy.history.title')}
        </Divider>
        <EditHistory query={history} testId="competency-history" />
      </section>
    </Flex>
  );
}
