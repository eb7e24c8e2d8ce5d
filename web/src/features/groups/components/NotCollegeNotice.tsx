import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/** The college pages in an organisation that is not a college. */
export function NotCollegeNotice() {
  const { t } = useTranslation();
  return <Alert type="info" showIcon title={t('groups.notCollege')} data-testid="groups-not-college" />;
}
