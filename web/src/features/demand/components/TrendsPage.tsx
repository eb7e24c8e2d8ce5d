import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  InputNumber,
  Row,
  Select,
  Table,
  Tag,
  Typography,
  type TableProps,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CompetencyTrend, TrendReport } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useUrlFilters } from '../../../hooks/use-url-filters.js';
import { labelsInOrder } from '../../taxonomy/bilingual.js';
import { fetchTrends } from '../api/demand-api.js';
import { formatProbability, formatShare, formatSigned, integerParam } from '../demand-format.js';
import { ShareLineChart } from './DemandCharts.js';
import { ProvinceAndPostFilters } from './DemandFilters.js';
import { NoPostingsEmpty } from './NoPostingsEmpty.js';

const FDR_CHOICES = ['0.01', '0.05', '0.1'] as const;
const MIN_POSTINGS_DEFAULT = 20;
/** Lines shown by default: the strongest rising and falling competencies. */
const DEFAULT_LINES = 3;

/**
 * Competencies whose share of postings rises or falls over the years, by the Cochran–Armitage test for trend,
 * with Benjamini–Hochberg adjusted q-values; the chosen ones drawn as share-per-year lines.
 */
export function TrendsPage() {
  const { t } = useTranslation();
  const filters = useUrlFilters();
  const fdr = filters.get('fdr', FDR_CHOICES) ?? '0.05';
  const query = {
    province: filters.get('province'),
    post: filters.get('post'),
    from: integerParam(filters.get('from')),
    to: integerParam(filters.get('to')),
    fdr: Number(fdr),
    minPostings: integerParam(filters.get('minPostings')),
  };
  const report = useApiQuery((signal) => fetchTrends(query, signal), JSON.stringify(query));
  const data = report.data;

  return (
    <Flex vertical gap={16} data-testid="demand-trends">
      <Card>
        <Flex vertical gap={12}>
          <Flex wrap gap={12} align="center">
            <ProvinceAndPostFilters filters={filters} />
            <YearRange filters={filters} />
            <Select
              aria-label={t('demand.trends.fdr')}
              data-testid="trend-fdr"
              style={{ width: 150 }}
              value={fdr}
              onChange={(value) => filters.setFilters({ fdr: value === '0.05' ? undefined : value })}
              options={FDR_CHOICES.map((value) => ({ value, label: t('demand.trends.fdrOption', { value }) }))}
            />
            <Flex gap={6} align="center">
              <Typography.Text type="secondary">{t('demand.trends.minPostings')}</Typography.Text>
              <InputNumber
                aria-label={t('demand.trends.minPostings')}
                min={1}
                max={1_000_000}
                style={{ width: 100 }}
                defaultValue={query.minPostings ?? MIN_POSTINGS_DEFAULT}
                key={query.minPostings ?? 'default'}
                onBlur={(event) => {
                  const value = integerParam(event.target.value.trim());
                  filters.setFilters({
                    minPostings: value && value !== MIN_POSTINGS_DEFAULT && value >= 1 ? String(value) : undefined,
                  });
                }}
              />
            </Flex>
          </Flex>
          <Typography.Text type="secondary" data-testid="trend-explanation">
            {t('demand.trends.explanation')}
          </Typography.Text>
        </Flex>
      </Card>
      {report.error ? <ApiErrorAlert error={report.error} onRetry={report.reload} /> : null}
      {!data ? (
        report.loading ? (
          <PageLoading />
        ) : null
      ) : data.years.length === 0 ? (
        <Card>
          {query.province || query.post ? <Empty description={t('demand.empty.filtered')} /> : <NoPostingsEmpty />}
        </Card>
      ) : (
        <TrendResults key={JSON.stringify(query)} report={data} />
      )}
    </Flex>
  );
}

/** From and to year, applied together. */
function YearRange({ filters }: { filters: ReturnType<typeof useUrlFilters> }) {
  const { t } = useTranslation();
  const from = integerParam(filters.get('from'));
  const to = integerParam(filters.get('to'));
  const [draft, setDraft] = useState<{ from: number | null; to: number | null }>({
    from: from ?? null,
    to: to ?? null,
  });
  return (
    <Flex gap={6} align="center">
      <InputNumber
        aria-label={t('demand.trends.from')}
        data-testid="trend-from"
        placeholder={t('demand.trends.from')}
        min={1990}
        max={2100}
        style={{ width: 110 }}
        value={draft.from}
        onChange={(value) => setDraft((current) => ({ ...current, from: value }))}
      />
      <span>–</span>
      <InputNumber
        aria-label={t('demand.trends.to')}
        data-testid="trend-to"
        placeholder={t('demand.trends.to')}
        min={1990}
        max={2100}
        style={{ width: 110 }}
        value={draft.to}
        onChange={(value) => setDraft((current) => ({ ...current, to: value }))}
      />
      <Button
        data-testid="trend-apply-years"
        onClick={() =>
          filters.setFilters({
            from: draft.from === null ? undefined : String(draft.from),
            to: draft.to === null ? undefined : String(draft.to),
          })
        }
      >
        {t('demand.trends.applyYears')}
      </Button>
    </Flex>
  );
}

function TrendResults({ report }: { report: TrendReport }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string[]>(() => [
    ...report.rising.slice(0, DEFAULT_LINES).map((trend) => trend.key),
    ...report.falling.slice(0, DEFAULT_LINES).map((trend) => trend.key),
  ]);
  const all = useMemo(
    () => new Map([...report.rising, ...report.falling].map((trend) => [trend.key, trend])),
    [report],
  );
  const language = i18n.language;
  const lines = useMemo(
    () =>
      chosen.flatMap((key) => {
        const trend = all.get(key);
        return trend ? [{ name: trendLabel(trend, language), shares: trend.shares }] : [];
      }),
    [chosen, all, language],
  );
  const first = report.years[0];
  const last = report.years.at(-1);

  return (
    <>
      <Alert
        type="info"
        showIcon
        data-testid="trend-summary"
        title={t('demand.trends.summary', {
          tested: report.tested,
          from: first,
          to: last,
          postings: report.totals.reduce((sum, total) => sum + total, 0),
          fdr: report.fdr,
        })}
      />
      {report.years.length < 3 && <Alert type="warning" showIcon title={t('demand.trends.fewYears')} />}
      <Card title={t('demand.trends.chart.title')}>
        {lines.length > 0 ? (
          <ShareLineChart years={report.years} lines={lines} label={t('demand.trends.chart.title')} />
        ) : (
          <Empty description={t('demand.trends.chart.none')} />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <TrendTable
            title={t('demand.trends.rising')}
            testId="trend-rising"
            trends={report.rising}
            chosen={chosen}
            onChoose={setChosen}
          />
        </Col>
        <Col xs={24} xl={12}>
          <TrendTable
            title={t('demand.trends.falling')}
            testId="trend-falling"
            trends={report.falling}
            chosen={chosen}
            onChoose={setChosen}
          />
        </Col>
      </Row>
    </>
  );
}

function trendLabel(trend: CompetencyTrend, language: string): string {
  return labelsInOrder(trend.labelZh, trend.labelEn, language)[0] || trend.key;
}

function TrendTable({
  title,
  testId,
  trends,
  chosen,
  onChoose,
}: {
  title: string;
  testId: string;
  trends: readonly CompetencyTrend[];
  chosen: readonly string[];
  onChoose: (keys: string[]) => void;
}) {
  const { t, i18n } = useTranslation();
  const own = new Set(trends.map((trend) => trend.key));
  const columns: TableProps<CompetencyTrend>['columns'] = [
    {
      key: 'label',
      title: t('demand.trends.columns.competency'),
      render: (_, trend) => (
        <Flex vertical gap={2}>
          <Link to={`/demand/postings?competency=${encodeURIComponent(trend.key)}`}>
            {trendLabel(trend, i18n.language)}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatShare(trend.shares[0] ?? 0)} → {formatShare(trend.shares.at(-1) ?? 0)}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'change',
      title: t('demand.trends.columns.change'),
      align: 'right',
      render: (_, trend) => t('demand.trends.points', { value: formatSigned(trend.changePoints, 1) }),
    },
    { key: 'z', title: 'z', align: 'right', render: (_, trend) => formatSigned(trend.z) },
    { key: 'p', title: 'p', align: 'right', render: (_, trend) => formatProbability(trend.p) },
    { key: 'q', title: 'q', align: 'right', render: (_, trend) => formatProbability(trend.q) },
    {
      key: 'significant',
      title: t('demand.trends.columns.significant'),
      render: (_, trend) =>
        trend.significant ? (
          <Tag color="green" data-testid={`trend-significant-${trend.key}`}>
            {t('demand.trends.significant')}
          </Tag>
        ) : (
          <Tag>{t('demand.trends.notSignificant')}</Tag>
        ),
    },
  ];
  return (
    <Card title={title}>
      <Table<CompetencyTrend>
        data-testid={testId}
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={[...trends]}
        scroll={{ x: 'max-content' }}
        pagination={trends.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('demand.trends.none') }}
        rowSelection={{
          columnTitle: t('demand.trends.columns.chart'),
          selectedRowKeys: chosen.filter((key) => own.has(key)),
          onChange: (keys) => {
            const mine = keys.map(String);
            onChoose([...chosen.filter((key) => !own.has(key)), ...mine]);
          },
        }}
      />
    </Card>
  );
}
