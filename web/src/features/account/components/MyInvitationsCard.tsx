import { App, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';
import { answerMyInvitation, fetchSession, listMyInvitations } from '../../auth/api/auth-api.js';
import { useSession } from '../../auth/hooks/use-session.js';

/** Invitations to organisations waiting for the signed-in person: accept (joining at once) or decline. */
export function MyInvitationsCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { replaceSession } = useSession();
  const invitations = useApiQuery((signal) => listMyInvitations(signal), 'my-invitations');
  const [busy, setBusy] = useState<string | null>(null);

  async function answer(invitation: Invitation, choice: 'accept' | 'decline') {
    setBusy(invitation.id);
    try {
      await answerMyInvitation(invitation.id, choice);
      const name = pickName(invitation.organisationNameZh, invitation.organisationNameEn, i18n.language);
      void message.success(
        t(choice === 'accept' ? 'account.invitations.joined' : 'account.invitations.declined', { name }),
      );
      replaceSession(await fetchSession());
      invitations.reload();
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setBusy(null);
    }
  }

  const items = invitations.data?.items ?? [];
  if (!invitations.error && items.length === 0) return null;
  return (
    <Card title={t('account.invitations.title')} data-testid="my-invitations">
      {invitations.error ? (
        <ApiErrorAlert error={invitations.error} onRetry={invitations.reload} />
      ) : (
        <Flex vertical gap={16}>
          {items.map((invitation) => (
            <Flex key={invitation.id} vertical gap={6} data-testid={`my-invitation-${invitation.id}`}>
              <Typography.Text strong>
                {pickName(invitation.organisationNameZh, invitation.organisationNameEn, i18n.language)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('account.invitations.from', {
                  name: invitation.invitedByName ?? t('common.none'),
                  until: formatDateTime(invitation.expiresAt, i18n.language),
                })}
              </Typography.Text>
              <RoleTags roles={invitation.roles} />
              <Flex gap={8}>
                <Button
                  type="primary"
                  size="small"
                  loading={busy === invitation.id}
                  data-testid="accept-invitation"
                  onClick={() => void answer(invitation, 'accept')}
                >
                  {t('account.invitations.accept')}
                </Button>
                <Button
                  size="small"
                  disabled={busy === invitation.id}
                  onClick={() => void answer(invitation, 'decline')}
                >
                  {t('account.invitations.decline')}
                </Button>
              </Flex>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
