import { Alert, App, Button, Card, Descriptions, Flex, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Account, IssuedCode } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { translateError } from '../../../i18n/translate-error.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { actOnAccount, fetchAccount, issueResetCode, type AccountAction } from '../api/people-api.js';
import { usePeople } from '../hooks/people-context.js';

type Action = AccountAction | 'reset-code';

/** The route key of each action: an action is offered only when the session may call it. */
const ACTION_ROUTES = {
  disable: 'POST /api/organisations/:organisationId/accounts/:personId/disable',
  enable: 'POST /api/organisations/:organisationId/accounts/:personId/enable',
  leave: 'POST /api/organisations/:organisationId/accounts/:personId/leave',
  return: 'POST /api/organisations/:organisationId/accounts/:personId/return',
  'reset-code': 'POST /api/organisations/:organisationId/accounts/:personId/reset-code',
  'end-sessions': 'POST /api/organisations/:organisationId/accounts/:personId/end-sessions',
} as const satisfies Record<Action, string>;

const ACTION_TEXT = {
  disable: { label: 'people.account.disable', confirm: 'people.account.disableConfirm', danger: true },
  enable: { label: 'people.account.enable', confirm: 'people.account.enableConfirm', danger: false },
  leave: { label: 'people.account.leave', confirm: 'people.account.leaveConfirm', danger: true },
  return: { label: 'people.account.return', confirm: 'people.account.returnConfirm', danger: false },
  'reset-code': { label: 'people.account.resetCode', confirm: 'people.account.resetConfirm', danger: false },
  'end-sessions': { label: 'people.account.endSessions', confirm: 'people.account.endSessionsConfirm', danger: true },
} as const;

/** A member's account as an organisation admin manages it: its state and the lifecycle actions, each confirmed. */
export function PersonAccountPage() {
  const { t, i18n } = useTranslation();
  const { modal, message } = App.useApp();
  const { can } = useSession();
  const { personId = '' } = useParams();
  const people = usePeople();
  const account = useApiQuery(
    (signal) => fetchAccount(people.organisationId, personId, signal),
    `${people.organisationId}:${personId}`,
  );
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [error, setError] = useState<unknown>(null);

  function run(action: Action, data: Account) {
    const text = ACTION_TEXT[action];
    modal.confirm({
      title: t(text.label),
      content: t(text.confirm, { name: data.displayName }),
      okText: t(text.label),
      okButtonProps: { danger: text.danger, 'data-testid': `account-confirm-${action}` },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setError(null);
        try {
          if (action === 'reset-code') {
            setIssued(await issueResetCode(people.organisationId, data.personId));
          } else {
            await actOnAccount(people.organisationId, data.personId, action);
            void message.success(t('people.account.done'));
          }
          account.reload();
        } catch (failure) {
          setError(failure);
        }
      },
    });
  }

  const data = account.data;
  const offered = (action: Action) => can(ACTION_ROUTES[action]);
  const actions: Action[] = data
    ? [
        data.disabled ? 'enable' : 'disable',
        data.left ? 'return' : 'leave',
        'reset-code',
        ...(data.activeSessions > 0 ? (['end-sessions'] as const) : []),
      ].filter((action): action is Action => offered(action as Action))
    : [];

  return (
    <Flex vertical gap={16}>
      <Link to="/people/roster">← {t('people.account.back')}</Link>
      {account.error ? (
        <ApiErrorAlert error={account.error} onRetry={account.reload} />
      ) : !data ? (
        <PageLoading />
      ) : (
        <>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="person-account-title">
            {t('people.account.title', { name: data.displayName })}
          </Typography.Title>
          {error !== null && <ApiErrorAlert error={error} testId="person-account-error" />}
          <Card title={t('people.account.state')}>
            <Flex gap={6} wrap style={{ marginBottom: 12 }} data-testid="person-account-state">
              <Tag color={data.disabled ? 'red' : 'green'}>
                {t(data.disabled ? 'people.account.disabled' : 'people.account.enabled')}
              </Tag>
              {data.left && <Tag>{t('people.account.left')}</Tag>}
              {data.mustChangePassword && <Tag color="gold">{t('people.account.mustChange')}</Tag>}
              <Tag color={data.hasPassword ? 'blue' : 'gold'}>
                {t(data.hasPassword ? 'people.account.hasPassword' : 'people.account.noPassword')}
              </Tag>
            </Flex>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'loginId', label: t('people.account.loginId'), children: data.loginId ?? t('common.none') },
                { key: 'email', label: t('people.account.email'), children: data.email ?? t('common.none') },
                {
                  key: 'sessions',
                  label: t('people.account.sessions'),
                  children: <span data-testid="person-account-sessions">{data.activeSessions}</span>,
                },
                {
                  key: 'lastSignIn',
                  label: t('people.account.lastSignIn'),
                  children: data.lastSignInAt
                    ? formatDateTime(data.lastSignInAt, i18n.language)
                    : t('people.account.never'),
                },
                ...(data.otherOrganisations > 0
                  ? [
                      {
                        key: 'others',
                        label: t('people.account.otherOrganisations', { count: data.otherOrganisations }),
                        children: <Typography.Text type="secondary">{t('people.account.sharedHelp')}</Typography.Text>,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {actions.length > 0 && (
            <Card title={t('people.account.actions')}>
              <Space wrap>
                {actions.map((action) => (
                  <Button
                    key={action}
                    danger={ACTION_TEXT[action].danger}
                    data-testid={`account-action-${action}`}
                    onClick={() => run(action, data)}
                  >
                    {t(ACTION_TEXT[action].label)}
                  </Button>
                ))}
              </Space>
            </Card>
          )}
        </>
      )}
      <IssuedCodeModal issued={issued} onClose={() => setIssued(null)} />
    </Flex>
  );
}

/** The code, shown once, with a copy button and its expiry; or where it was e-mailed. */
function IssuedCodeModal({ issued, onClose }: { issued: IssuedCode | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  if (!issued) return null;
  const expires = formatDateTime(issued.expiresAt, i18n.language);
  const login = issued.loginId ?? issued.email ?? '';
  return (
    <Modal
      open
      title={t('people.account.codeTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="issued-code-close">
          {t('common.close')}
        </Button>
      }
      maskClosable={false}
    >
      {issued.delivered === 'email' || issued.code === null ? (
        <Alert
          type="success"
          showIcon
          data-testid="issued-code-emailed"
          title={t('people.account.codeEmailed', { email: issued.email ?? '', expires })}
        />
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <Typography.Text
              code
              style={{ fontSize: 24, letterSpacing: 2 }}
              data-testid="issued-code"
              data-user-data="server"
            >
              {issued.code}
            </Typography.Text>
            <Button
              data-testid="issued-code-copy"
              onClick={() => {
                navigator.clipboard.writeText(issued.code ?? '').then(
                  () => void message.success(t('people.account.copied')),
                  (failure: unknown) => void message.error(translateError(t, failure)),
                );
              }}
            >
              {t('people.account.copy')}
            </Button>
          </Flex>
          <Typography.Paragraph>
            {t('people.account.codeHelp', { name: issued.displayName, expires, login })}
          </Typography.Paragraph>
        </Flex>
      )}
    </Modal>
  );
}
