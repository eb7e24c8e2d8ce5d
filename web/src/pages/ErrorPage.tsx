import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Shown when rendering fails (a bug, or a page chunk that no longer exists after a deploy). Plain links and a
 * full reload, because the router itself may be what broke.
 */
export function ErrorPage() {
  const { t } = useTranslation();
  return (
    <Result
      data-testid="error-page"
      status="500"
      title={t('pages.error.title')}
      subTitle={t('pages.error.description')}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('pages.error.reload')}
        </Button>,
        <Button key="home" href="/">
          {t('pages.backHome')}
        </Button>,
      ]}
    />
  );
}
