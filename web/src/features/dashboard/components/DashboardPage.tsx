import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { pickName } from '../../../i18n/pick-name.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { fetchDashboard } from '../api/dashboard-api.js';
import { DashboardCharts } from './DashboardCharts.js';
import { FigureCards } from './FigureCards.js';
import { PlatformStats } from './PlatformStats.js';
import { RoleWelcome } from './RoleWelcome.js';

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { session, activeMembership, activeRoles } = useSession();
  const dashboard = useApiQuery((signal) => fetchDashboard(signal), `dashboard:${session.activeOrganisationId ?? ''}`);

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} data-testid="dashboard-title" style={{ marginTop: 0 }}>
          {t('dashboard.title', { name: session.person.displayName })}
        </Typography.Title>
        {activeMembership && (
          <Flex align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {t('dashboard.organisation', {
                name: pickName(activeMembership.organisationNameZh, activeMembership.organisationNameEn, i18n.language),
              })}
            </Typography.Text>
            <RoleTags roles={activeRoles} />
          </Flex>
        )}
      </div>
      {session.pendingInvitations > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="pending-invitations"
          title={t('account.invitations.pending', { count: session.pendingInvitations })}
          action={<Link to="/account">{t('account.invitations.open')}</Link>}
        />
      )}
      <RoleWelcome roles={activeRoles} />
      {dashboard.error ? (
        <ApiErrorAlert error={dashboard.error} onRetry={dashboard.reload} />
      ) : !dashboard.data ? (
        <PageLoading />
      ) : (
        <>
          {dashboard.data.figures.length > 0 && (
            <Card title={t('dashboard.figuresTitle')}>
              <FigureCards figures={dashboard.data.figures} keyPrefix="dashboard.figures" testId="dashboard-figures" />
            </Card>
          )}
          <DashboardCharts dashboard={dashboard.data} />
        </>
      )}
      {activeRoles.includes('platform_admin') && <PlatformStats />}
    </Flex>
  );
}
