import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isNavigationAllowed, NAVIGATION, navigationEntryForPath } from '../../../access/navigation.js';
import { useSession } from '../../auth/hooks/use-session.js';

/** Lists only the pages the person's roles in the active organisation can use. */
export function NavigationMenu() {
  const { t } = useTranslation();
  const { activeRoles } = useSession();
  const { pathname } = useLocation();
  const selected = navigationEntryForPath(pathname);

  const items: MenuProps['items'] = NAVIGATION.filter((entry) => isNavigationAllowed(entry, activeRoles)).map(
    (entry) => ({
      key: entry.key,
      'data-testid': `nav-${entry.key}`,
      label: <Link to={entry.path}>{t(`layout.nav.${entry.key}`)}</Link>,
    }),
  );

  return (
    <nav aria-label={t('layout.nav.label')}>
      <Menu
        mode="inline"
        items={items}
        selectedKeys={selected ? [selected.key] : []}
        style={{ borderInlineEnd: 'none' }}
      />
    </nav>
  );
}
