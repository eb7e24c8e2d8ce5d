import { Card, Col, Empty, Flex, Progress, Row, Statistic, Table, Typography, type TableProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DemandCountRow, DemandOverview } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { pickName } from '../../../i18n/pick-name.js';
import { fetchDeclarationSummary, fetchDemandOverview } from '../api/demand-api.js';
import { formatShare } from '../demand-format.js';
import { HorizontalBarChart, YearBarChart } from './DemandCharts.js';
import { ProvinceAndPostFilters } from './DemandFilters.js';
import { NoPostingsEmpty } from './NoPostingsEmpty.js';

const TOP_BARS = 15;

type TopCompetency = DemandOverview['topCompetencies'][number];

/** Key figures, postings per year, demand by post and province, and the competencies asked for most. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const filters = useUrlFilters();
  const filter = { province: filters.get('province'), post: filters.get('post') };
  const overview = useApiQuery((signal) => fetchDemandOverview(filter, signal), JSON.stringify(filter));
  const data = overview.data;
  const language = i18n.language;
  const label = (row: DemandCountRow) => rowLabel(row, language);

  const byPost = useMemo(
    () => (data?.byPost ?? []).slice(0, TOP_BARS).map((row) => ({ label: rowLabel(row, language), value: row.count })),
    [data, language],
  );
  const byProvince = useMemo(
    () =>
      (data?.byProvince ?? []).slice(0, TOP_BARS).map((row) => ({ label: rowLabel(row, language), value: row.count })),
    [data, language],
  );
  const years = useMemo(() => (data?.years ?? []).map((entry) => entry.year), [data]);
  const yearSeries = useMemo(
    () => [
      {
        name: t('demand.overview.postings'),
        values: (data?.years ?? []).map((entry) => entry.postings),
        color: '#1677ff',
      },
    ],
    [data, t],
  );

  const figures = data
    ? ([
        { key: 'postings', value: data.postings },
        { key: 'enterprises', value: data.enterprises },
        { key: 'duplicatesDropped', value: data.duplicatesDropped },
        { key: 'declaredHeadcount', value: data.declaredHeadcount },
      ] as const)
    : [];

  const competencyColumns: TableProps<TopCompetency>['columns'] = [
    {
      key: 'label',
      title: t('demand.overview.columns.competency'),
      render: (_, row) => <Link to={`/demand/postings?competency=${encodeURIComponent(row.key)}`}>{label(row)}</Link>,
    },
    { key: 'count', title: t('demand.overview.columns.postings'), dataIndex: 'count', align: 'right', width: 110 },
    {
      key: 'share',
      title: t('demand.overview.columns.share'),
      width: 200,
      render: (_, row) => (
        <Progress percent={Math.round(row.share * 1000) / 10} size="small" format={() => formatShare(row.share)} />
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="demand-overview">
      <Card>
        <Flex wrap gap={12}>
          <ProvinceAndPostFilters filters={filters} />
        </Flex>
      </Card>
      {overview.error ? <ApiErrorAlert error={overview.error} onRetry={overview.reload} /> : null}
      {!data ? (
        overview.loading ? (
          <PageLoading />
        ) : null
      ) : data.postings === 0 && data.declaredHeadcount === 0 ? (
        <Card>
          {filter.province || filter.post ? <Empty description={t('demand.empty.filtered')} /> : <NoPostingsEmpty />}
        </Card>
      ) : (
        <>
          <Row gutter={[16, 16]} data-testid="demand-figures">
            {figures.map((figure) => (
              <Col key={figure.key} xs={12} md={6}>
                <Card data-testid={`demand-figure-${figure.key}`}>
                  <Statistic title={t(`demand.overview.figures.${figure.key}`)} value={figure.value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card title={t('demand.overview.byYear')}>
                {years.length > 0 ? (
                  <YearBarChart years={years} series={yearSeries} label={t('demand.overview.byYear')} />
                ) : (
                  <Empty description={t('demand.empty.noData')} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('demand.overview.byProvince')}>
                {byProvince.length > 0 ? (
                  <HorizontalBarChart
                    bars={byProvince}
                    label={t('demand.overview.byProvince')}
                    seriesName={t('demand.overview.postings')}
                    color="#13c2c2"
                  />
                ) : (
                  <Empty description={t('demand.empty.noData')} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('demand.overview.byPost')}>
                {byPost.length > 0 ? (
                  <HorizontalBarChart
                    bars={byPost}
                    label={t('demand.overview.byPost')}
                    seriesName={t('demand.overview.postings')}
                  />
                ) : (
                  <Empty description={t('demand.empty.noData')} />
                )}
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card title={t('demand.overview.topCompetencies')}>
                <Table<TopCompetency>
                  data-testid="demand-top-competencies"
                  rowKey="key"
                  size="small"
                  columns={competencyColumns}
                  dataSource={data.topCompetencies}
                  pagination={data.topCompetencies.length > 10 ? { pageSize: 10, size: 'small' } : false}
                  locale={{ emptyText: t('demand.empty.noData') }}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('demand.overview.shareHelp')}
                </Typography.Text>
              </Card>
            </Col>
          </Row>
          <DeclarationSummaryCard />
        </>
      )}
    </Flex>
  );
}

function rowLabel(row: DemandCountRow, language: string): string {
  return pickName(row.labelZh, row.labelEn, language) || row.key;
}

type DeclaredRow = {
  postId: string;
  titleZh: string;
  titleEn: string;
  year: number;
  headcount: number;
  enterprises: number;
};

/** Headcount enterprises declared, by post and year (the second source of demand, beside postings). */
function DeclarationSummaryCard() {
  const { t, i18n } = useTranslation();
  const summary = useApiQuery((signal) => fetchDeclarationSummary(signal), 'declaration-summary');
  const columns: TableProps<DeclaredRow>['columns'] = [
    {
      key: 'post',
      title: t('demand.declared.columns.post'),
      render: (_, row) => (
        <Link to={`/demand/profile?post=${encodeURIComponent(row.postId)}`}>
          {pickName(row.titleZh, row.titleEn, i18n.language) || row.postId}
        </Link>
      ),
    },
    { key: 'year', title: t('demand.declared.columns.year'), dataIndex: 'year', width: 90 },
    { key: 'headcount', title: t('demand.declared.columns.headcount'), dataIndex: 'headcount', align: 'right' },
    { key: 'enterprises', title: t('demand.declared.columns.enterprises'), dataIndex: 'enterprises', align: 'right' },
  ];
  return (
    <Card title={t('demand.declared.title')} data-testid="declaration-summary">
      {summary.error ? <ApiErrorAlert error={summary.error} onRetry={summary.reload} /> : null}
      <Table<DeclaredRow>
        rowKey={(row) => `${row.postId}:${row.year}`}
        size="small"
        loading={summary.loading}
        columns={columns}
        dataSource={summary.data?.items ?? []}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        locale={{ emptyText: t('demand.declared.empty') }}
      />
    </Card>
  );
}
