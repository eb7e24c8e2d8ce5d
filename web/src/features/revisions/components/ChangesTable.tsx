import { Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RevisionChangeView } from '../../../api/contracts.js';
import { effectSizeWord, formatEffectSize, formatQValue, formatShare, pickLabel } from '../revision-format.js';
import { Sparkline } from './Sparkline.js';
import { TermHelp } from './TermHelp.js';

const RISING = '#389e0d';
const FALLING = '#cf1322';

/** The significant changes in demand, as the server ranks them; scrolls sideways on a phone. */
export function ChangesTable({ changes }: { changes: readonly RevisionChangeView[] }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Table<RevisionChangeView>
      size="small"
      rowKey={(change) => `${change.post ?? ''}\u0000${change.competency}`}
      dataSource={[...changes]}
      pagination={changes.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 860 }}
      locale={{ emptyText: t('revisions.changes.empty') }}
      data-testid="revision-changes"
      columns={[
        {
          title: t('revisions.changes.columns.competency'),
          width: 180,
          render: (_, change) => (
            <span data-testid="revision-change-competency">
              {pickLabel(change.label, language, t('revisions.proposals.competencyFallback'))}
            </span>
          ),
        },
        {
          title: t('revisions.changes.columns.post'),
          width: 150,
          render: (_, change) =>
            change.post === null
              ? t('revisions.changes.wholeGroup')
              : pickLabel(change.postLabel, language, t('revisions.changes.wholeGroup')),
        },
        {
          title: <TermHelp help={t('revisions.changes.shareHelp')}>{t('revisions.changes.columns.share')}</TermHelp>,
          width: 170,
          render: (_, change) => (
            <div>
              <div style={{ whiteSpace: 'nowrap' }}>
                {formatShare(change.before.share)} → <strong>{formatShare(change.after.share)}</strong>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('revisions.changes.postingsValue', {
                  before: change.before.postings,
                  after: change.after.postings,
                })}
              </Typography.Text>
            </div>
          ),
        },
        {
          title: t('revisions.changes.columns.direction'),
          width: 90,
          render: (_, change) => (
            <Tag color={change.direction === 'rising' ? 'green' : 'red'} data-testid="revision-change-direction">
              {change.direction === 'rising'
                ? `↑ ${t('revisions.changes.rising')}`
                : `↓ ${t('revisions.changes.falling')}`}
            </Tag>
          ),
        },
        {
          title: <TermHelp help={t('revisions.changes.qHelp')}>{t('revisions.changes.columns.q')}</TermHelp>,
          width: 110,
          render: (_, change) => <span style={{ whiteSpace: 'nowrap' }}>{formatQValue(change.q)}</span>,
        },
        {
          title: <TermHelp help={t('revisions.changes.hHelp')}>{t('revisions.changes.columns.h')}</TermHelp>,
          width: 120,
          render: (_, change) =>
            t('revisions.changes.effectValue', {
              value: formatEffectSize(change.h),
              word: t(`revisions.changes.effect.${effectSizeWord(change.h)}`),
            }),
        },
        {
          title: <TermHelp help={t('revisions.changes.trendHelp')}>{t('revisions.changes.columns.trend')}</TermHelp>,
          width: 110,
          render: (_, change) => {
            const years = change.series.map((point) => point.year);
            return (
              <Sparkline
                series={change.series}
                colour={change.direction === 'rising' ? RISING : FALLING}
                label={t('revisions.changes.trendLabel', {
                  from: years.length ? Math.min(...years) : '',
                  to: years.length ? Math.max(...years) : '',
                })}
              />
            );
          },
        },
      ]}
    />
  );
}
