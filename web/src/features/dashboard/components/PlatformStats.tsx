import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { fetchStats } from '../api/dashboard-api.js';
import { FigureCards } from './FigureCards.js';

/** Platform-wide counts for platform admins. */
export function PlatformStats() {
  const { t } = useTranslation();
  const stats = useApiQuery((signal) => fetchStats(signal), 'stats');
  const figures = stats.data ? Object.entries(stats.data).map(([key, value]) => ({ key, value })) : [];
  return (
    <Card title={t('dashboard.stats.title')} loading={stats.loading && !stats.data}>
      {stats.error ? (
        <ApiErrorAlert error={stats.error} onRetry={stats.reload} />
      ) : (
        <FigureCards figures={figures} keyPrefix="dashboard.stats" testId="platform-stats" />
      )}
    </Card>
  );
}
