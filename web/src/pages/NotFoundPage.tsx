import { Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="not-found"
      status="404"
      title={t('pages.notFound.title')}
      subTitle={t('pages.notFound.description')}
      extra={
        <Link to="/" data-testid="back-home">
          {t('pages.backHome')}
        </Link>
      }
    />
  );
}
