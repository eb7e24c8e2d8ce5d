import { Flex, Tabs, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageLoading } from '../../../components/PageLoading.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { DemandContext, type DemandContextValue } from '../hooks/demand-context.js';

export const DEMAND_SECTIONS = ['overview', 'trends', 'postings', 'profile', 'link', 'imports'] as const;
export type DemandSection = (typeof DEMAND_SECTIONS)[number];

/** The frame of the demand pages: title, the section tabs, and what the person may do. */
export function DemandLayout() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const canImport = can('POST /api/demand/imports');
  const context = useMemo<DemandContextValue>(() => ({ canImport }), [canImport]);
  const section: DemandSection =
    DEMAND_SECTIONS.find((name) => pathname === `/demand/${name}` || pathname.startsWith(`/demand/${name}/`)) ??
    'overview';

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="demand-title">
          {t('demand.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('demand.subtitle')}</Typography.Text>
      </div>
      <Tabs
        activeKey={section}
        onChange={(key) => void navigate(`/demand/${key}`)}
        items={DEMAND_SECTIONS.map((name) => ({
          key: name,
          label: <span data-testid={`demand-tab-${name}`}>{t(`demand.tabs.${name}`)}</span>,
        }))}
        style={{ marginBottom: -16 }}
      />
      <DemandContext.Provider value={context}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </DemandContext.Provider>
    </Flex>
  );
}

/** `/demand` opens the overview. */
export function DemandIndexRedirect() {
  return <Navigate to="/demand/overview" replace />;
}
