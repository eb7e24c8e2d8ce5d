import { Alert, Button, Card, Flex, Typography } from 'antd';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isNavigationAllowed, NAVIGATION, navigationEntryForPath } from '../../../access/navigation.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { pickName } from '../../../i18n/pick-name.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { fetchDashboard } from '../api/dashboard-api.js';
import { DashboardCharts } from './DashboardCharts.js';
import { FigureCards } from './FigureCards.js';
import { PathwayNoticesCard } from './PathwayNoticesCard.js';
import { RevisionCalendarCard } from './RevisionCalendarCard.js';
import { RoleWelcome } from './RoleWelcome.js';

export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const { session, activeMembership, activeRoles } = useSession();
  const dashboard = useApiQuery((signal) => fetchDashboard(signal), `dashboard:${session.activeOrganisationId ?? ''}`);
  const activeKind = activeMembership?.organisationKind ?? null;
  const pages = NAVIGATION.filter(
    (entry) => entry.key !== 'home' && entry.key !== 'account' && isNavigationAllowed(entry, session, activeKind),
  );
  const canOpen = (path: string) => {
    const entry = navigationEntryForPath(path);
    return entry !== undefined && isNavigationAllowed(entry, session, activeKind);
  };
  const organisationName = activeMembership
    ? pickName(activeMembership.organisationNameZh, activeMembership.organisationNameEn, i18n.language)
    : '';
  const figures = dashboard.data?.figures ?? [];
  const ownFigures = figures.filter((figure) => figure.scope !== 'platform');
  const platformFigures = figures.filter((figure) => figure.scope === 'platform');

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} data-testid="dashboard-title" style={{ marginTop: 0 }}>
          {/* The name is the person's own data, in whichever language they wrote it. */}
          <Trans
            i18nKey="dashboard.title"
            values={{ name: session.person.displayName }}
            components={{ name: <span data-user-data="person" /> }}
          />
        </Typography.Title>
        {activeMembership && (
          <Flex align="center" wrap gap={8}>
            <Typography.Text type="secondary">
              {t('dashboard.organisation', { name: organisationName })}
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
      {activeMembership && activeRoles.includes('student') ? (
        <PathwayNoticesCard organisationId={activeMembership.organisationId} />
      ) : null}
      {pages.length > 0 && (
        <Card title={t('dashboard.actionsTitle')} size="small">
          <Flex wrap gap={8} data-testid="dashboard-actions">
            {pages.map((entry) => (
              <Link key={entry.key} to={entry.path} data-testid={`dashboard-action-${entry.key}`}>
                <Button>{t(`layout.nav.${entry.key}`)}</Button>
              </Link>
            ))}
          </Flex>
        </Card>
      )}
      {dashboard.error ? (
        <ApiErrorAlert error={dashboard.error} onRetry={dashboard.reload} />
      ) : !dashboard.data ? (
        <PageLoading />
      ) : (
        <>
          {dashboard.data.revisionCalendar && dashboard.data.revisionCalendar.items.length > 0 ? (
            <RevisionCalendarCard calendar={dashboard.data.revisionCalendar} />
          ) : null}
          {ownFigures.length > 0 && (
            <Card
              title={
                activeMembership
                  ? t('dashboard.organisationFigures', { name: organisationName })
                  : t('dashboard.figuresTitle')
              }
            >
              <FigureCards
                figures={ownFigures}
                keyPrefix="dashboard.figures"
                testId="dashboard-figures"
                canOpen={canOpen}
              />
            </Card>
          )}
          {platformFigures.length > 0 && (
            <Card title={t('dashboard.platformFigures')}>
              <FigureCards
                figures={platformFigures}
                keyPrefix="dashboard.figures"
                testId="platform-figures"
                canOpen={canOpen}
              />
            </Card>
          )}
          <DashboardCharts dashboard={dashboard.data} />
        </>
      )}
    </Flex>
  );
}
