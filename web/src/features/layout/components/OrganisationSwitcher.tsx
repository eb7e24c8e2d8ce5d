import { App, Button, Dropdown, Flex, Typography, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { isNavigationAllowed, navigationEntryForPath } from '../../../access/navigation.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';
import { setActiveOrganisation } from '../../auth/api/auth-api.js';
import { findActiveMembership } from '../../auth/find-active-membership.js';
import { useSession } from '../../auth/hooks/use-session.js';

/** The active organisation's name; a switcher when the person belongs to more than one. */
export function OrganisationSwitcher() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { session, activeMembership, replaceSession } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [switching, setSwitching] = useState(false);

  const activeName = activeMembership
    ? pickName(activeMembership.organisationNameZh, activeMembership.organisationNameEn, i18n.language)
    : t('layout.noOrganisation');

  if (session.memberships.length <= 1) {
    return (
      <Typography.Text strong ellipsis style={{ maxWidth: 280 }}>
        {activeName}
      </Typography.Text>
    );
  }

  async function switchTo(organisationId: string) {
    if (organisationId === session.activeOrganisationId) return;
    setSwitching(true);
    try {
      const next = await setActiveOrganisation(organisationId);
      replaceSession(next);
      const membership = findActiveMembership(next);
      if (membership) {
        void message.success(
          t('layout.switchedOrganisation', {
            name: pickName(membership.organisationNameZh, membership.organisationNameEn, i18n.language),
          }),
        );
      }
      // Stay on the page when the new roles may use it; otherwise go home rather than land on "not allowed".
      const entry = navigationEntryForPath(pathname);
      if (entry && !isNavigationAllowed(entry, next, membership?.organisationKind ?? null)) void navigate('/');
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setSwitching(false);
    }
  }

  const items: MenuProps['items'] = session.memberships.map((membership) => ({
    key: membership.organisationId,
    'data-testid': `org-option-${membership.organisationId}`,
    label: (
      <Flex vertical gap={4} style={{ padding: '4px 0' }}>
        <span>{pickName(membership.organisationNameZh, membership.organisationNameEn, i18n.language)}</span>
        <RoleTags roles={membership.roles} />
      </Flex>
    ),
  }));

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items,
        selectable: true,
        selectedKeys: session.activeOrganisationId ? [session.activeOrganisationId] : [],
        onClick: ({ key }) => void switchTo(key),
      }}
    >
      <Button data-testid="org-switcher" title={t('layout.organisationSwitcher')} loading={switching}>
        <span style={{ maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis' }}>{activeName}</span>
        <span aria-hidden="true">▾</span>
      </Button>
    </Dropdown>
  );
}
