import { Menu, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { isNavigationAllowed, NAVIGATION, navigationEntryForPath } from '../../../access/navigation.js';
import { useSession } from '../../auth/hooks/use-session.js';

/** Lists only the pages the session's capabilities offer in the active organisation. */
export function NavigationMenu() {
  const { t } = useTranslation();
  const { session, activeMembership } = useSession();
  const { pathname } = useLocation();
  const selected = navigationEntryForPath(pathname);

  const activeKind = activeMembership?.organisationKind ?? null;
  const items: MenuProps['items'] = NAVIGATION.filter((entry) => isNavigationAllowed(entry, session, activeKind)).map(
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
