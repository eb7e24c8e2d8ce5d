import { Alert, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickName } from '../../../i18n/pick-name.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { MembersPanel } from './MembersPanel.js';

/** The people of the active organisation. */
export function MembersPage() {
  const { t, i18n } = useTranslation();
  const { activeMembership, can } = useSession();

  if (!activeMembership) return <Alert type="info" showIcon title={t('members.noOrganisation')} />;
  const name = pickName(activeMembership.organisationNameZh, activeMembership.organisationNameEn, i18n.language);

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('members.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('members.of', { name })}</Typography.Text>
      </div>
      <Card>
        <MembersPanel
          // A new organisation starts with fresh filters.
          key={activeMembership.organisationId}
          organisationId={activeMembership.organisationId}
          organisationKind={activeMembership.organisationKind}
          organisationName={name}
          canManage={can('POST /api/organisations/:organisationId/invitations', activeMembership.organisationId)}
        />
      </Card>
    </Flex>
  );
}
