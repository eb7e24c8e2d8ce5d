import { Button, Dropdown, Tag, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/hooks/use-session.js';

export function UserMenu() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { session, logout } = useSession();

  const items: MenuProps['items'] = [
    { key: 'account', label: t('layout.nav.account') },
    { type: 'divider' },
    { key: 'logout', 'data-testid': 'logout', danger: true, label: t('layout.logout') },
  ];

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === 'logout') void logout();
          else void navigate('/account');
        },
      }}
    >
      <Button data-testid="user-menu" title={t('layout.userMenu')} type="text">
        {session.person.displayName}
        {session.person.isDemo && (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('common.demo')}
          </Tag>
        )}
        <span aria-hidden="true">▾</span>
      </Button>
    </Dropdown>
  );
}
