import { App, Button, Card, Flex, List, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionEntry } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { translateError } from '../../../i18n/translate-error.js';
import { endMyOtherSessions, endMySession, listMySessions } from '../../auth/api/auth-api.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { describeDevice } from '../describe-device.js';

/** 登录设备: where the person is signed in, this device first; end one, or all the others. */
export function SessionsCard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const sessions = useApiQuery((signal) => listMySessions(signal), 'my-sessions');
  const [busy, setBusy] = useState<string | null>(null);
  const items = [...(sessions.data?.items ?? [])].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
  const others = items.filter((session) => !session.current).length;

  async function act(key: string, action: () => Promise<string>) {
    setBusy(key);
    try {
      void message.success(await action());
      sessions.reload();
    } catch (error) {
      void message.error(translateError(t, error));
    } finally {
      setBusy(null);
    }
  }

  const method = (session: SessionEntry) =>
    session.method
      ? t(`account.sessions.methods.${session.method}` as 'account.sessions.methods.password', {
          defaultValue: session.method,
        })
      : null;

  return (
    <Card
      title={t('account.sessions.title')}
      data-testid="my-sessions"
      extra={
        can('POST /api/auth/sessions/end-others') && others > 0 ? (
          <Popconfirm
            title={t('account.sessions.endOthersConfirm')}
            okText={t('account.sessions.endOthers')}
            okButtonProps={{ danger: true, 'data-testid': 'end-other-sessions-confirm' }}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              void act('others', async () => t('account.sessions.ended', { count: (await endMyOtherSessions()).ended }))
            }
          >
            <Button danger size="small" loading={busy === 'others'} data-testid="end-other-sessions">
              {t('account.sessions.endOthers')}
            </Button>
          </Popconfirm>
        ) : undefined
      }
    >
      {sessions.error ? (
        <ApiErrorAlert error={sessions.error} onRetry={sessions.reload} />
      ) : (
        <List<SessionEntry>
          loading={sessions.loading && !sessions.data}
          dataSource={items}
          locale={{ emptyText: t('account.sessions.none') }}
          renderItem={(session) => (
            <List.Item
              data-testid={session.current ? 'session-current' : 'session-other'}
              actions={
                !session.current && can('DELETE /api/auth/sessions/:sessionId')
                  ? [
                      <Popconfirm
                        key="end"
                        title={t('account.sessions.endConfirm')}
                        okText={t('account.sessions.end')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          void act(session.id, async () => {
                            await endMySession(session.id);
                            return t('account.sessions.endedOne');
                          })
                        }
                      >
                        <Button size="small" loading={busy === session.id}>
                          {t('account.sessions.end')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Flex gap={6} wrap align="center">
                  <Typography.Text strong>
                    {describeDevice(session.userAgent) ?? t('account.sessions.unknownDevice')}
                  </Typography.Text>
                  {session.current && <Tag color="green">{t('account.sessions.current')}</Tag>}
                  {method(session) && <Tag>{method(session)}</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    session.ip,
                    t('account.sessions.since', { date: formatDateTime(session.createdAt, i18n.language) }),
                    t('account.sessions.lastSeen', { date: formatDateTime(session.lastSeenAt, i18n.language) }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
