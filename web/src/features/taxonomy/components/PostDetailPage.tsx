import { Card, Col, Collapse, Descriptions, Empty, Flex, Row, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PostDetail } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { pickName } from '../../../i18n/pick-name.js';
import { fetchPost, fetchPostHistory } from '../api/taxonomy-api.js';
import { labelsInOrder, primaryLabel } from '../bilingual.js';
import { useTaxonomy } from '../hooks/use-taxonomy.js';
import { BilingualText } from './BilingualText.js';
import { PostCategoryTag } from './CompetencyTags.js';
import { DraftHint } from './DraftHint.js';
import { EditHistory } from './EditHistory.js';
import { groupRequirements } from './requirement-groups.js';
import { RequirementGroups } from './RequirementGroups.js';
import { RequirementsEditor } from './RequirementsEditor.js';
import { RequirementWeightChart } from './RequirementWeightChart.js';

type Reference = PostDetail['references'][number];

/** `/taxonomy/posts/:postId`: what the post does, which occupations it maps to, and what it requires. */
export function PostDetailPage() {
  const { t, i18n } = useTranslation();
  const { postId = '' } = useParams();
  const { version, editable, canEdit, href, versionChanged } = useTaxonomy();
  const [generation, setGeneration] = useState(0);
  const key = JSON.stringify([version.id, postId, generation]);
  const post = useApiQuery((signal) => fetchPost(version.id, postId, signal), key);
  const history = useApiQuery((signal) => fetchPostHistory(version.id, postId, signal), key);
  const data = post.data?.id === postId ? post.data : undefined;
  const groups = useMemo(() => groupRequirements(data?.requirements ?? []), [data]);
  const labels = useMemo(
    () =>
      new Map(
        (data?.requirements ?? []).map((row) => [
          row.competencyId,
          primaryLabel({ ...row, id: row.competencyId }, i18n.language),
        ]),
      ),
    [data, i18n.language],
  );
  const language = i18n.language;

  const back = <Link to={href('/taxonomy/posts')}>← {t('taxonomy.post.back')}</Link>;
  if (post.error) {
    return (
      <Flex vertical gap={16}>
        {back}
        <ApiErrorAlert error={post.error} onRetry={post.reload} testId="post-error" />
      </Flex>
    );
  }
  if (!data) return <PageLoading />;

  const [title, otherTitle] = labelsInOrder(data.titleZh, data.titleEn, language);
  const [description, otherDescription] = labelsInOrder(data.descriptionZh, data.descriptionEn, language);
  const aliases = language === 'en' ? [...data.aliasesEn, ...data.aliasesZh] : [...data.aliasesZh, ...data.aliasesEn];

  const referenceColumns: TableProps<Reference>['columns'] = [
    { key: 'scheme', title: t('taxonomy.post.scheme'), render: (_, ref) => t(`taxonomy.schemes.${ref.scheme}`) },
    {
      key: 'code',
      title: t('taxonomy.post.code'),
      render: (_, ref) =>
        ref.ref.startsWith('http') ? (
          <a href={ref.ref} target="_blank" rel="noreferrer" title={ref.ref}>
            {ref.ref.slice(ref.ref.lastIndexOf('/') + 1, ref.ref.lastIndexOf('/') + 9)}…
          </a>
        ) : (
          <Typography.Text code>{ref.ref}</Typography.Text>
        ),
    },
    {
      key: 'title',
      title: t('taxonomy.post.occupationTitle'),
      render: (_, ref) =>
        ref.titleZh || ref.titleEn ? (
          <span>
            {pickName(ref.titleZh ?? '', ref.titleEn ?? '', language)}
            {ref.versionLabel && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {' '}
                ({ref.versionLabel})
              </Typography.Text>
            )}
          </span>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }}>{t('taxonomy.post.notImported')}</Tag>
        ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="post-detail">
      {back}
      <div>
        <Flex align="center" gap={12} wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="post-title">
            {title}
          </Typography.Title>
          <PostCategoryTag category={data.category} />
        </Flex>
        {otherTitle && <Typography.Text type="secondary">{otherTitle}</Typography.Text>}
      </div>

      <Card>
        <Descriptions
          column={1}
          size="small"
          items={[
            {
              key: 'subSector',
              label: t('taxonomy.post.subSector'),
              children: <BilingualText zh={data.subSectorZh} en={data.subSectorEn} />,
            },
            {
              key: 'aliases',
              label: t('taxonomy.post.aliases'),
              children:
                aliases.length === 0 ? (
                  t('common.none')
                ) : (
                  <Flex wrap gap={4}>
                    {aliases.map((alias) => (
                      <Tag key={alias} style={{ marginInlineEnd: 0 }}>
                        {alias}
                      </Tag>
                    ))}
                  </Flex>
                ),
            },
            {
              key: 'description',
              label: t('taxonomy.post.description'),
              children: (
                <div>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>{description}</Typography.Paragraph>
                  {otherDescription && <Typography.Text type="secondary">{otherDescription}</Typography.Text>}
                </div>
              ),
            },
          ]}
        />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('taxonomy.post.requirements')} data-testid="post-requirements" style={{ height: '100%' }}>
            {groups.length === 0 ? (
              <Empty description={t('taxonomy.post.requirementsEmpty')} />
            ) : (
              <RequirementGroups groups={groups} levels={data.levels} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            {groups.length > 0 && (
              <Card title={t('taxonomy.post.chart.title')} data-testid="post-weight-chart">
                <RequirementWeightChart groups={groups} />
              </Card>
            )}
            <Card title={t('taxonomy.post.references')}>
              <Table<Reference>
                data-testid="post-references"
                size="small"
                rowKey={(ref) => `${ref.scheme}:${ref.ref}`}
                pagination={false}
                columns={referenceColumns}
                dataSource={data.references}
                scroll={{ x: 'max-content' }}
              />
            </Card>
          </Flex>
        </Col>
      </Row>

      {data.scenes.length > 0 && (
        <Card title={t('taxonomy.post.scenes')} data-testid="post-scenes">
          <Collapse
            defaultActiveKey={data.scenes.map((_, index) => index)}
            items={data.scenes.map((scene, index) => {
              const [name, otherName] = labelsInOrder(scene.nameZh, scene.nameEn, language);
              const [sceneDescription] = labelsInOrder(scene.descriptionZh, scene.descriptionEn, language);
              const tasks =
                language === 'en'
                  ? scene.tasksEn.length > 0
                    ? scene.tasksEn
                    : scene.tasksZh
                  : scene.tasksZh.length > 0
                    ? scene.tasksZh
                    : scene.tasksEn;
              return {
                key: index,
                label: (
                  <span>
                    {name}
                    {otherName && <Typography.Text type="secondary"> · {otherName}</Typography.Text>}
                  </span>
                ),
                children: (
                  <Flex vertical gap={8}>
                    {sceneDescription && <Typography.Text>{sceneDescription}</Typography.Text>}
                    <Typography.Text strong>{t('taxonomy.post.tasks')}</Typography.Text>
                    <ol style={{ margin: 0, paddingInlineStart: 22 }}>
                      {tasks.map((task) => (
                        <li key={task}>{task}</li>
                      ))}
                    </ol>
                  </Flex>
                ),
              };
            })}
          />
        </Card>
      )}

      {editable ? (
        <RequirementsEditor
          key={JSON.stringify(data.requirements)}
          post={data}
          onSaved={() => {
            setGeneration((value) => value + 1);
            // The version's requirement count changed.
            versionChanged(version);
          }}
        />
      ) : (
        canEdit && <DraftHint />
      )}

      <Card title={t('taxonomy.post.history')}>
        <EditHistory query={history} testId="post-history" labelOf={(id) => labels.get(id)} />
      </Card>
    </Flex>
  );
}
