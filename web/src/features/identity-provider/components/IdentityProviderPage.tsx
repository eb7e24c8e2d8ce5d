import { Alert, App, Button, Card, Flex, Form, Input, Popconfirm, Radio, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isApiError } from '../../../api/api-error.js';
import type { IdentityProviderView, PutIdentityProviderInput } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { useSession } from '../../auth/hooks/use-session.js';
import { ssoReasonText } from '../../auth/sso-reason.js';
import {
  deleteIdentityProvider,
  fetchIdentityProvider,
  saveIdentityProvider,
  startIdentityProviderTest,
} from '../api/identity-provider-api.js';
import { providerForm, providerRequest, type ProviderForm } from '../identity-provider-form.js';

/**
 * The organisation's unified sign-in (统一身份认证): CAS or OpenID Connect, how its answer maps to people, the
 * callback URL to register there, the test sign-in and its result (brought back in the URL), and removal.
 */
export function IdentityProviderPage() {
  const { t } = useTranslation();
  const { activeMembership } = useSession();
  const organisationId = activeMembership?.organisationId ?? '';
  const provider = useApiQuery(
    (signal) =>
      fetchIdentityProvider(organisationId, signal).then(
        (found) => ({ provider: found, callbackUrl: found.callbackUrl }),
        (error: unknown) => {
          // None configured yet: the form starts empty; the callback URL to register comes with the refusal.
          if (isApiError(error) && error.code === 'IDENTITY_PROVIDER_NOT_FOUND') {
            const callbackUrl = error.details.callbackUrl;
            return { provider: null, callbackUrl: typeof callbackUrl === 'string' ? callbackUrl : null };
          }
          throw error;
        },
      ),
    `identity-provider:${organisationId}`,
  );

  return (
    <Flex vertical gap={16}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="identity-provider-title">
          {t('identityProvider.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('identityProvider.subtitle')}</Typography.Text>
      </div>
      <TestResult />
      {provider.error ? (
        <ApiErrorAlert error={provider.error} onRetry={provider.reload} />
      ) : provider.data === undefined ? (
        <PageLoading />
      ) : (
        <ProviderSettings
          key={provider.data.provider?.updatedAt ?? 'new'}
          organisationId={organisationId}
          provider={provider.data.provider}
          callbackUrl={provider.data.callbackUrl}
          onChanged={provider.reload}
        />
      )}
    </Flex>
  );
}

/** `?test=ok|failed&identifier=…&person=…&reason=…`, as the server's test callback sends the admin back. */
function TestResult() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const test = searchParams.get('test');
  if (test !== 'ok' && test !== 'failed') return null;
  const identifier = searchParams.get('identifier') ?? '';
  const person = searchParams.get('person');
  const reason = searchParams.get('reason');
  const detail = searchParams.get('detail');
  if (test === 'ok') {
    return (
      <Alert
        type={person ? 'success' : 'warning'}
        showIcon
        data-testid="identity-provider-test-result"
        title={
          person
            ? t('identityProvider.testOk', { identifier, person })
            : t('identityProvider.testOkNoPerson', { identifier })
        }
      />
    );
  }
  const reasonText = reason ? ssoReasonText(t, reason) : null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="identity-provider-test-result"
      title={
        reasonText ? t('identityProvider.testFailed', { reason: reasonText }) : t('identityProvider.testFailedNoReason')
      }
      description={
        detail ? (
          // The provider's own words, shown as data for the admin to read.
          <Typography.Text code data-user-data="server" style={{ wordBreak: 'break-word' }}>
            {detail}
          </Typography.Text>
        ) : undefined
      }
    />
  );
}

function ProviderSettings({
  organisationId,
  provider,
  callbackUrl,
  onChanged,
}: {
  organisationId: string;
  provider: IdentityProviderView | null;
  callbackUrl: string | null;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const canSave = can('PUT /api/organisations/:organisationId/identity-provider');
  const canTest = can('POST /api/organisations/:organisationId/identity-provider/test');
  const canDelete = can('DELETE /api/organisations/:organisationId/identity-provider');
  const [form] = Form.useForm<ProviderForm>();
  const protocol = Form.useWatch('protocol', form) ?? provider?.config.protocol ?? 'cas';
  const [busy, setBusy] = useState<'test' | 'delete' | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const hasSecret = provider?.config.protocol === 'oidc' && provider.config.hasClientSecret;

  const { submit, submitting, error } = useFormSubmit(
    form,
    [
      'displayName',
      'matchBy',
      'config.serverUrl',
      'config.attribute',
      'config.issuer',
      'config.clientId',
      'config.clientSecret',
      'config.scopes',
      'config.claim',
    ] as const,
    async (values: ProviderForm) => {
      const request: PutIdentityProviderInput = providerRequest(values);
      await saveIdentityProvider(organisationId, request);
      void message.success(t('identityProvider.saved'));
      onChanged();
    },
  );

  async function test() {
    setBusy('test');
    setActionError(null);
    try {
      const { redirectUrl } = await startIdentityProviderTest(organisationId);
      window.location.assign(redirectUrl);
    } catch (failure) {
      setActionError(failure);
      setBusy(null);
    }
  }

  async function remove() {
    setBusy('delete');
    setActionError(null);
    try {
      await deleteIdentityProvider(organisationId);
      void message.success(t('identityProvider.deleted'));
      onChanged();
    } catch (failure) {
      setActionError(failure);
    } finally {
      setBusy(null);
    }
  }

  const required = (field: string) => [
    { required: true, whitespace: true, message: t('identityProvider.required', { field }) },
  ];

  return (
    <Flex vertical gap={16}>
      {!provider && <Alert type="info" showIcon title={t('identityProvider.none')} />}
      {callbackUrl && (
        <Card size="small" title={t('identityProvider.callbackUrl')}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('identityProvider.callbackUrlHelp')}
          </Typography.Paragraph>
          <Typography.Text
            code
            copyable={{
              text: callbackUrl,
              tooltips: [t('identityProvider.copy'), t('identityProvider.copied')],
            }}
            style={{ wordBreak: 'break-all' }}
            data-testid="identity-provider-callback"
            data-user-data="server"
          >
            {callbackUrl}
          </Typography.Text>
        </Card>
      )}
      {actionError !== null && <ApiErrorAlert error={actionError} testId="identity-provider-error" />}
      <Card>
        {error !== null && (
          <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />
        )}
        <Form<ProviderForm>
          form={form}
          layout="vertical"
          disabled={!canSave}
          data-testid="identity-provider-form"
          initialValues={providerForm(provider)}
          onFinish={(values) => void submit(values)}
          style={{ maxWidth: 640 }}
        >
          <Form.Item
            name="displayName"
            label={t('identityProvider.displayName')}
            extra={t('identityProvider.displayNameHelp')}
            rules={required(t('identityProvider.displayName'))}
          >
            <Input maxLength={100} data-testid="identity-provider-name" />
          </Form.Item>
          <Form.Item name="protocol" label={t('identityProvider.protocol')}>
            <Radio.Group
              optionType="button"
              data-testid="identity-provider-protocol"
              options={[
                { value: 'cas', label: t('identityProvider.cas') },
                { value: 'oidc', label: t('identityProvider.oidc') },
              ]}
            />
          </Form.Item>
          {protocol === 'cas' ? (
            <>
              <Form.Item
                name={['config', 'serverUrl']}
                label={t('identityProvider.serverUrl')}
                extra={t('identityProvider.serverUrlHelp')}
                rules={[...required(t('identityProvider.serverUrl')), { type: 'url' }]}
              >
                <Input maxLength={500} inputMode="url" data-testid="identity-provider-server-url" />
              </Form.Item>
              <Form.Item name={['config', 'version']} label={t('identityProvider.casVersion')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: '3.0', label: 'CAS 3.0' },
                    { value: '2.0', label: 'CAS 2.0' },
                  ]}
                />
              </Form.Item>
              <Form.Item
                name={['config', 'attribute']}
                label={t('identityProvider.attribute')}
                extra={t('identityProvider.attributeHelp')}
              >
                <Input maxLength={100} />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item
                name={['config', 'issuer']}
                label={t('identityProvider.issuer')}
                extra={t('identityProvider.issuerHelp')}
                rules={[...required(t('identityProvider.issuer')), { type: 'url' }]}
              >
                <Input maxLength={500} inputMode="url" data-testid="identity-provider-issuer" />
              </Form.Item>
              <Form.Item
                name={['config', 'clientId']}
                label={t('identityProvider.clientId')}
                rules={required(t('identityProvider.clientId'))}
              >
                <Input maxLength={200} data-testid="identity-provider-client-id" />
              </Form.Item>
              <Form.Item
                name={['config', 'clientSecret']}
                label={t('identityProvider.clientSecret')}
                extra={hasSecret ? t('identityProvider.clientSecretStored') : t('identityProvider.clientSecretNew')}
                rules={hasSecret ? [] : required(t('identityProvider.clientSecret'))}
              >
                <Input.Password
                  maxLength={500}
                  autoComplete="new-password"
                  placeholder={hasSecret ? '••••••••' : undefined}
                  data-testid="identity-provider-client-secret"
                />
              </Form.Item>
              <Form.Item name={['config', 'scopes']} label={t('identityProvider.scopes')}>
                <Input maxLength={200} />
              </Form.Item>
              <Form.Item
                name={['config', 'claim']}
                label={t('identityProvider.claim')}
                extra={t('identityProvider.claimHelp')}
                rules={required(t('identityProvider.claim'))}
              >
                <Input maxLength={100} />
              </Form.Item>
            </>
          )}
          <Form.Item name="matchBy" label={t('identityProvider.matchBy')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'login_id', label: t('identityProvider.matchByLoginId') },
                { value: 'email', label: t('identityProvider.matchByEmail') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="enabled"
            label={t('identityProvider.enabled')}
            extra={t('identityProvider.enabledHelp')}
            valuePropName="checked"
          >
            <Switch data-testid="identity-provider-enabled" />
          </Form.Item>
          <Space wrap>
            {canSave && (
              <Button type="primary" htmlType="submit" loading={submitting} data-testid="identity-provider-save">
                {t('identityProvider.save')}
              </Button>
            )}
          </Space>
        </Form>
        {provider && (canTest || canDelete) && (
          <Flex vertical gap={8} style={{ marginTop: 24 }}>
            {canTest && <Typography.Text type="secondary">{t('identityProvider.testHelp')}</Typography.Text>}
            <Space wrap>
              {canTest && (
                <Button onClick={() => void test()} loading={busy === 'test'} data-testid="identity-provider-test">
                  {t('identityProvider.test')}
                </Button>
              )}
              {canDelete && (
                <Popconfirm
                  title={t('identityProvider.deleteConfirm')}
                  okText={t('identityProvider.delete')}
                  okButtonProps={{ danger: true, 'data-testid': 'identity-provider-delete-confirm' }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => void remove()}
                >
                  <Button danger loading={busy === 'delete'} data-testid="identity-provider-delete">
                    {t('identityProvider.delete')}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
