import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="forbidden"
      status="403"
      title={t('pages.forbidden.title')}
      subTitle={t('pages.forbidden.description')}
      extra={
        <Link to="/" data-testid="back-home">
          {t('pages.backHome')}
        </Link>
      }
    />
  );
}
