import { Card, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../../api/api-error.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { NotFoundPage } from '../../../pages/NotFoundPage.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { MembersPanel } from '../../members/components/MembersPanel.js';
import { fetchOrganisation } from '../api/organisations-api.js';
import { OrganisationKindTag } from './OrganisationKindTag.js';

export function OrganisationDetailPage() {
  const { t, i18n } = useTranslation();
  const { organisationId = '' } = useParams();
  const { can } = useSession();
  const organisation = useApiQuery((signal) => fetchOrganisation(organisationId, signal), organisationId);

  if (
    isApiError(organisation.error) &&
    ['NOT_FOUND', 'ORGANISATION_NOT_FOUND', 'VALIDATION_FAILED'].includes(organisation.error.code)
  ) {
    return <NotFoundPage />;
  }

  const data = organisation.data?.id === organisationId ? organisation.data : undefined;
  // Platform admins look after every organisation; others see the people of their own organisations.
  const canReadMembers = can('GET /api/organisations/:organisationId/members', organisationId);
  const canManageMembers = can('POST /api/organisations/:organisationId/invitations', organisationId);

  return (
    <Flex vertical gap={16}>
      <Link to="/organisations">← {t('organisations.detail.back')}</Link>
      {organisation.error ? (
        <ApiErrorAlert error={organisation.error} onRetry={organisation.reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <>
          <Flex align="center" gap={12} wrap>
            <Typography.Title level={2} style={{ margin: 0 }} data-testid="organisation-title">
              {pickName(data.nameZh, data.nameEn, i18n.language)}
            </Typography.Title>
            <OrganisationKindTag kind={data.kind} />
          </Flex>
          <Card>
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'other',
                  label: t('organisations.detail.nameOtherLanguage'),
                  children: i18n.language === 'en' ? data.nameZh : data.nameEn,
                },
                { key: 'kind', label: t('organisations.columns.kind'), children: t(`kinds.${data.kind}`) },
                {
                  key: 'enterpriseType',
                  label: t('organisations.columns.enterpriseType'),
                  children: data.enterpriseType ? t(`enterpriseTypes.${data.enterpriseType}`) : t('common.none'),
                },
                {
                  key: 'location',
                  label: t('organisations.columns.location'),
                  children: [data.province, data.city].filter(Boolean).join(' · ') || t('common.none'),
                },
                { key: 'memberCount', label: t('organisations.columns.memberCount'), children: data.memberCount },
                {
                  key: 'createdAt',
                  label: t('organisations.columns.createdAt'),
                  children: formatDateTime(data.createdAt, i18n.language),
                },
              ]}
            />
          </Card>
          {canReadMembers && (
            <Card title={t('organisations.detail.members')}>
              <MembersPanel
                organisationId={data.id}
                organisationKind={data.kind}
                organisationName={pickName(data.nameZh, data.nameEn, i18n.language)}
                canManage={canManageMembers}
                onChanged={organisation.reload}
              />
            </Card>
          )}
        </>
      )}
    </Flex>
  );
}
