import { Button, Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyData } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { fieldLabel } from '../../../i18n/translate-error.js';
import type { Role } from '../../../api/contracts.js';
import { fetchMyData } from '../../auth/api/auth-api.js';

type AuditRow = MyData['auditEvents'][number];

/**
 * 我的数据: everything Zerodock stores about the signed-in person, read as sentences and tables (reading it is
 * audited, so it loads only when asked for).
 */
export function MyDataCard() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card title={t('account.myData.title')} data-testid="my-data">
      <Typography.Paragraph type="secondary">{t('account.myData.help')}</Typography.Paragraph>
      {open ? (
        <MyDataView />
      ) : (
        <Button onClick={() => setOpen(true)} data-testid="my-data-open">
          {t('account.myData.open')}
        </Button>
      )}
    </Card>
  );
}

function MyDataView() {
  const { t, i18n } = useTranslation();
  const data = useApiQuery((signal) => fetchMyData(signal), 'my-data');
  if (data.error) return <ApiErrorAlert error={data.error} onRetry={data.reload} />;
  if (!data.data) return <PageLoading />;
  const { person, memberships, rosterEntries, sessions, auditEvents } = data.data;
  const date = (value: string | null) => (value ? formatDateTime(value, i18n.language) : t('common.none'));

  return (
    <Flex vertical gap={16} data-testid="my-data-view">
      <Descriptions
        title={t('account.myData.person')}
        column={1}
        size="small"
        items={[
          { key: 'name', label: t('account.displayName'), children: person.displayName },
          { key: 'email', label: t('account.email'), children: person.email ?? t('common.none') },
          { key: 'loginId', label: t('account.loginId'), children: person.loginId ?? t('common.none') },
          {
            key: 'locale',
            label: t('account.myData.locale'),
            children: t(`language.${person.locale}` as 'language.zh-CN', { defaultValue: person.locale }),
          },
          { key: 'createdAt', label: t('account.myData.createdAt'), children: date(person.createdAt) },
          { key: 'password', label: t('account.myData.passwordChangedAt'), children: date(person.passwordChangedAt) },
          { key: 'sessions', label: t('account.myData.sessions'), children: sessions },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('account.myData.memberships')}</Typography.Title>
        {memberships.length === 0 ? (
          <Typography.Text type="secondary">{t('account.myData.noEntries')}</Typography.Text>
        ) : (
          <Flex vertical gap={8}>
            {memberships.map((membership) => (
              <Flex key={membership.organisationId} justify="space-between" wrap gap={8}>
                <Typography.Text>
                  {pickName(membership.organisationNameZh, membership.organisationNameEn, i18n.language)}
                </Typography.Text>
                <RoleTags roles={membership.roles as Role[]} />
              </Flex>
            ))}
          </Flex>
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('account.myData.rosterEntries')}</Typography.Title>
        {rosterEntries.length === 0 ? (
          <Typography.Text type="secondary">{t('account.myData.noEntries')}</Typography.Text>
        ) : (
          <Flex vertical gap={12}>
            {rosterEntries.map((entry) => (
              <Descriptions
                key={`${entry.organisationId}:${entry.kind}`}
                bordered
                size="small"
                column={1}
                title={
                  <Flex gap={8} wrap align="center">
                    <span>{pickName(entry.organisationNameZh, entry.organisationNameEn, i18n.language)}</span>
                    <Tag>{t(`people.kinds.${entry.kind}` as 'people.kinds.student', { defaultValue: entry.kind })}</Tag>
                    <Tag>
                      {t(`account.myData.statusValues.${entry.status}` as 'account.myData.statusValues.active', {
                        defaultValue: entry.status,
                      })}
                    </Tag>
                  </Flex>
                }
                items={[
                  { key: 'externalId', label: fieldLabel(t, 'externalId'), children: entry.externalId },
                  ...Object.entries(entry.fields)
                    .filter(([, value]) => value !== null && value !== '')
                    .map(([field, value]) => ({ key: field, label: fieldLabel(t, field), children: value })),
                ]}
              />
            ))}
          </Flex>
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('account.myData.auditEvents')}</Typography.Title>
        {auditEvents.length === 0 ? (
          <Empty description={t('account.myData.noEntries')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <Table<AuditRow>
            size="small"
            rowKey={(row) => `${row.occurredAt}:${row.action}`}
            dataSource={auditEvents}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            scroll={{ x: 'max-content' }}
            columns={[
              {
                key: 'occurredAt',
                title: t('account.myData.occurredAt'),
                render: (_, row) => formatDateTime(row.occurredAt, i18n.language),
              },
              {
                key: 'action',
                title: t('account.myData.action'),
                render: (_, row) =>
                  t(`audit.actions.${row.action}` as 'audit.actions.logout', { defaultValue: row.action }),
              },
            ]}
          />
        )}
      </div>
    </Flex>
  );
}
