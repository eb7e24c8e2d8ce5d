import { App, Flex, Layout, theme } from 'antd';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import type { Locale } from '../../../api/contracts.js';
import { LanguageSwitch } from '../../../components/LanguageSwitch.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { translateError } from '../../../i18n/translate-error.js';
import { setSessionLocale } from '../../auth/api/auth-api.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { NavigationMenu } from './NavigationMenu.js';
import { OrganisationSwitcher } from './OrganisationSwitcher.js';
import { UserMenu } from './UserMenu.js';

export function AppLayout() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { message } = App.useApp();
  const { replaceSession } = useSession();

  function saveLocale(locale: Locale) {
    setSessionLocale(locale).then(replaceSession, (error: unknown) => void message.warning(translateError(t, error)));
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          paddingInline: 16,
          height: 'auto',
          minHeight: 64,
          lineHeight: 'normal',
        }}
      >
        <Flex align="center" justify="space-between" wrap gap={12} style={{ minHeight: 64 }}>
          <Link to="/" style={{ fontSize: 18, fontWeight: 600, color: token.colorText }}>
            {t('common.appName')}
          </Link>
          <Flex align="center" wrap gap={8}>
            <OrganisationSwitcher />
            <LanguageSwitch onChanged={saveLocale} />
            <UserMenu />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          width={200}
          breakpoint="md"
          collapsedWidth={0}
          style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
        >
          <NavigationMenu />
        </Layout.Sider>
        <Layout.Content style={{ padding: 24, minWidth: 0 }}>
          <main>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
