import { App, Button, Drawer, Flex, Grid, Layout, theme } from 'antd';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
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
  // Below the md breakpoint the menu is a drawer opened from a toggle in the header bar, so it never sits over
  // the page's heading.
  const narrow = Grid.useBreakpoint().md === false;
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  useEffect(() => setMenuOpen(false), [pathname]);

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
          <Flex align="center" gap={8}>
            {narrow && (
              <Button
                aria-label={t('layout.nav.open')}
                aria-expanded={menuOpen}
                data-testid="nav-toggle"
                onClick={() => setMenuOpen(true)}
              >
                <span aria-hidden="true">☰</span>
              </Button>
            )}
            <Link to="/" style={{ fontSize: 18, fontWeight: 600, color: token.colorText }}>
              {t('common.appName')}
            </Link>
          </Flex>
          <Flex align="center" wrap gap={8}>
            <OrganisationSwitcher />
            <LanguageSwitch onChanged={saveLocale} />
            <UserMenu />
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout>
        {narrow ? (
          <Drawer
            placement="left"
            size={240}
            open={menuOpen}
            onClose={() => setMenuOpen(false)}
            title={t('common.appName')}
            styles={{ body: { padding: 0 } }}
          >
            <NavigationMenu />
          </Drawer>
        ) : (
          <Layout.Sider
            theme="light"
            width={200}
            style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
          >
            <NavigationMenu />
          </Layout.Sider>
        )}
        <Layout.Content style={{ padding: narrow ? 16 : 24, minWidth: 0 }}>
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
