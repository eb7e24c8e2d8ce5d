import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RevisionView } from '../../../api/contracts.js';
import { pickLabel } from '../revision-format.js';

type Declared = NonNullable<RevisionView['declared']>[number];

/**
 * Demand enterprises declared for the group's posts (their hiring plans: headcount and enterprises per year), shown
 * beside the postings' changes and never tested with them.
 */
export function DeclaredDemandCard({ view }: { view: RevisionView }) {
  const { t, i18n } = useTranslation();
  const rows = view.declared ?? [];
  if (rows.length === 0) return null;
  const figure = (value: Declared['before']) =>
    t('revisions.declared.value', { headcount: value.headcount, enterprises: value.enterprises });
  return (
    <Card title={t('revisions.declared.title')} data-testid="revision-declared">
      <Typography.Paragraph type="secondary">{t('revisions.declared.intro')}</Typography.Paragraph>
      <Table<Declared>
        size="small"
        rowKey="post"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={rows}
        columns={[
          {
            title: t('revisions.declared.post'),
            render: (_, row) => pickLabel(row.postLabel, i18n.language, t('revisions.declared.post')),
          },
          { title: String(view.beforeYear), render: (_, row) => figure(row.before) },
          { title: String(view.afterYear), render: (_, row) => figure(row.after) },
        ]}
      />
    </Card>
  );
}
