import { Card, Col, Empty, Flex, Progress, Row, Statistic, Table, Tag, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PostDemandProfile } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { pickName } from '../../../i18n/pick-name.js';
import { labelsInOrder } from '../../taxonomy/bilingual.js';
import { fetchPostDemand } from '../api/demand-api.js';
import { formatShare } from '../demand-format.js';
import { HorizontalBarChart, YearBarChart } from './DemandCharts.js';
import { PostPicker } from './PostPicker.js';

type DemandedCompetency = PostDemandProfile['competencies'][number];

/**
 * One post's demand: postings and declared headcount per year, where it is asked for, the competencies its
 * postings mention (marked when the post's requirements already list them; the others are emerging), and the
 * requirements no posting mentions.
 */
export function PostProfilePage() {
  const { t } = useTranslation();
  const filters = useUrlFilters();
  const postId = filters.get('post');
  return (
    <Flex vertical gap={16} data-testid="post-profile-page">
      <Card>
        <Flex gap={12} align="center" wrap>
          <Typography.Text strong>{t('demand.profile.pick')}</Typography.Text>
          <PostPicker
            testId="profile-post"
            width={360}
            value={postId}
            allowClear={false}
            onChange={(post) => filters.setFilters({ post })}
          />
        </Flex>
      </Card>
      {postId ? (
        <PostProfile key={postId} postId={postId} />
      ) : (
        <Card>
          <Empty description={t('demand.profile.none')} />
        </Card>
      )}
    </Flex>
  );
}

function PostProfile({ postId }: { postId: string }) {
  const { t, i18n } = useTranslation();
  const profile = useApiQuery((signal) => fetchPostDemand(postId, signal), postId);
  const data = profile.data;
  const language = i18n.language;
  const years = useMemo(() => (data?.years ?? []).map((entry) => entry.year), [data]);
  const series = useMemo(
    () => [
      {
        name: t('demand.profile.postings'),
        values: (data?.years ?? []).map((entry) => entry.postings),
        color: '#1677ff',
      },
      {
        name: t('demand.profile.declared'),
        values: (data?.years ?? []).map((entry) => entry.declared),
        color: '#fa8c16',
      },
    ],
    [data, t],
  );
  const provinces = useMemo(
    () =>
      (data?.provinces ?? [])
        .slice(0, 12)
        .map((row) => ({ label: pickName(row.labelZh, row.labelEn, language) || row.key, value: row.count })),
    [data, language],
  );

  if (profile.error) return <ApiErrorAlert error={profile.error} onRetry={profile.reload} />;
  if (!data) return <PageLoading />;

  const [title, otherTitle] = labelsInOrder(data.titleZh, data.titleEn, language);
  const postings = data.years.reduce((sum, entry) => sum + entry.postings, 0);
  const declared = data.years.reduce((sum, entry) => sum + entry.declared, 0);
  const emerging = data.competencies.filter((competency) => !competency.required).length;

  const columns: TableProps<DemandedCompetency>['columns'] = [
    {
      key: 'label',
      title: t('demand.profile.columns.competency'),
      render: (_, row) => (
        <Link to={`/demand/postings?competency=${encodeURIComponent(row.key)}&post=${encodeURIComponent(postId)}`}>
          {pickName(row.labelZh, row.labelEn, language) || row.key}
        </Link>
      ),
    },
    { key: 'count', title: t('demand.profile.columns.postings'), dataIndex: 'count', align: 'right', width: 100 },
    {
      key: 'share',
      title: t('demand.profile.columns.share'),
      width: 180,
      render: (_, row) => (
        <Progress percent={Math.round(row.share * 1000) / 10} size="small" format={() => formatShare(row.share)} />
      ),
    },
    {
      key: 'required',
      title: t('demand.profile.columns.status'),
      render: (_, row) =>
        row.required ? (
          <Tag color={row.essential ? 'red' : 'blue'} data-testid={`profile-required-${row.key}`}>
            {row.essential ? t('demand.profile.essential') : t('demand.profile.required')}
          </Tag>
        ) : (
          <Tag color="orange" data-testid={`profile-emerging-${row.key}`}>
            {t('demand.profile.emerging')}
          </Tag>
        ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="post-profile">
      <Flex justify="space-between" align="flex-end" wrap gap={12}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="profile-title">
            {title}
          </Typography.Title>
          {otherTitle && <Typography.Text type="secondary">{otherTitle}</Typography.Text>}
        </div>
        <Link to={`/taxonomy/posts/${encodeURIComponent(data.postId)}`}>{t('demand.profile.openPost')}</Link>
      </Flex>
      <Row gutter={[16, 16]}>
        {(
          [
            { key: 'postings', value: postings },
            { key: 'declared', value: declared },
            { key: 'enterprises', value: data.enterprises },
            { key: 'emerging', value: emerging },
          ] as const
        ).map((figure) => (
          <Col key={figure.key} xs={12} md={6}>
            <Card data-testid={`profile-figure-${figure.key}`}>
              <Statistic title={t(`demand.profile.figures.${figure.key}`)} value={figure.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('demand.profile.byYear')}>
            {years.length > 0 ? (
              <YearBarChart years={years} series={series} label={t('demand.profile.byYear')} />
            ) : (
              <Empty description={t('demand.profile.noPostings')} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('demand.profile.byProvince')}>
            {provinces.length > 0 ? (
              <HorizontalBarChart
                bars={provinces}
                label={t('demand.profile.byProvince')}
                seriesName={t('demand.profile.postings')}
                color="#13c2c2"
              />
            ) : (
              <Empty description={t('demand.profile.noPostings')} />
            )}
          </Card>
        </Col>
      </Row>
      <Card title={t('demand.profile.competencies')}>
        <Typography.Paragraph type="secondary">{t('demand.profile.competenciesHelp')}</Typography.Paragraph>
        <Table<DemandedCompetency>
          data-testid="profile-competencies"
          rowKey="key"
          size="small"
          columns={columns}
          dataSource={data.competencies}
          pagination={data.competencies.length > 15 ? { pageSize: 15, size: 'small' } : false}
          locale={{ emptyText: t('demand.profile.noPostings') }}
        />
      </Card>
      <Card title={t('demand.profile.unmentioned')} data-testid="profile-unmentioned">
        <Typography.Paragraph type="secondary">{t('demand.profile.unmentionedHelp')}</Typography.Paragraph>
        {data.unmentionedRequirements.length === 0 ? (
          <Typography.Text type="secondary">{t('demand.profile.allMentioned')}</Typography.Text>
        ) : (
          <Flex gap={6} wrap>
            {data.unmentionedRequirements.map((requirement) => (
              <Tag key={requirement.key}>
                {pickName(requirement.labelZh, requirement.labelEn, language) || requirement.key}
              </Tag>
            ))}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
