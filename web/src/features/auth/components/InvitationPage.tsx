import { Alert, Button, Card, Col, Descriptions, Flex, Form, Input, Result, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { PageLoading } from '../../../components/PageLoading.js';
import { RoleTags } from '../../../components/RoleTags.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { formatDateTime } from '../../../i18n/format-date-time.js';
import { pickName } from '../../../i18n/pick-name.js';
import { translateError } from '../../../i18n/translate-error.js';
import { acceptInvitation, previewInvitation } from '../api/auth-api.js';
import { AuthHeader } from './AuthFrame.js';

interface AcceptForm {
  displayName: string;
  password: string;
}

/** The code travels in the link's fragment (`/invitation#code=…`), which browsers never send to a server. */
function codeFromLocation(): string {
  return new URLSearchParams(window.location.hash.replace(/^#/, '')).get('code')?.trim() ?? '';
}

/**
 * Where an invited person lands from the link an organisation's admin handed them, signed in or not: what the
 * invitation offers, then one form — the password of their existing account, or the password of the new one.
 */
export function InvitationPage() {
  const { t, i18n } = useTranslation();
  const [code, setCode] = useState(codeFromLocation);
  // Another invitation link opened in the same tab changes only the fragment.
  useEffect(() => {
    const onHashChange = () => setCode(codeFromLocation());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  const preview = useApiQuery(
    () => (code ? previewInvitation(code) : Promise.reject(new Error('no code'))),
    `invitation:${code}`,
  );
  const [form] = Form.useForm<AcceptForm>();
  const { submit, submitting, error } = useFormSubmit(
    form,
    ['password', 'displayName'] as const,
    async (values: AcceptForm) => {
      await acceptInvitation({
        code,
        password: values.password,
        ...(values.displayName.trim() ? { displayName: values.displayName.trim() } : {}),
      });
      // The answer set the session cookie: open the app as the person, in the organisation just joined.
      window.location.assign('/');
    },
  );

  // A wrong, used or expired code, or none at all: the same page (a code reveals nothing until it is valid).
  const invalid =
    !code || (Boolean(preview.error) && (!isApiError(preview.error) || preview.error.code === 'INVITATION_NOT_FOUND'));
  const data = preview.data;

  return (
    <Flex vertical style={{ minHeight: '100vh', padding: 24 }} gap={24}>
      <AuthHeader />
      <Row justify="center" style={{ width: '100%', margin: 0 }}>
        <Col xs={24} md={14} lg={10}>
          {invalid ? (
            <Result
              status="warning"
              data-testid="invitation-invalid"
              title={t('invitation.invalidTitle')}
              subTitle={t('invitation.invalidHelp')}
              extra={<Button href="/">{t('invitation.toLogin')}</Button>}
            />
          ) : preview.error ? (
            <Alert type="error" showIcon title={translateError(t, preview.error)} />
          ) : !data ? (
            <PageLoading />
          ) : (
            <Card data-testid="invitation-card">
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                {t('invitation.title', {
                  name: pickName(data.organisationNameZh, data.organisationNameEn, i18n.language),
                })}
              </Typography.Title>
              <Descriptions
                column={1}
                size="small"
                items={[
                  { key: 'kind', label: t('invitation.kind'), children: t(`kinds.${data.organisationKind}`) },
                  { key: 'email', label: t('invitation.email'), children: data.email },
                  { key: 'roles', label: t('invitation.roles'), children: <RoleTags roles={data.roles} /> },
                  {
                    key: 'expires',
                    label: t('invitation.expiresAt'),
                    children: formatDateTime(data.expiresAt, i18n.language),
                  },
                ]}
              />
              {error !== null && (
                <Alert type="error" showIcon title={translateError(t, error)} style={{ margin: '16px 0' }} />
              )}
              <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
                {t('invitation.help')}
              </Typography.Paragraph>
              <Form<AcceptForm>
                form={form}
                layout="vertical"
                data-testid="invitation-form"
                initialValues={{ displayName: data.displayName, password: '' }}
                onFinish={(values) => void submit(values)}
              >
                <Form.Item
                  name="displayName"
                  label={t('invitation.displayName')}
                  extra={t('invitation.displayNameHelp')}
                >
                  <Input maxLength={100} autoComplete="name" />
                </Form.Item>
                <Form.Item
                  name="password"
                  label={t('invitation.password')}
                  extra={t('invitation.passwordHelp')}
                  rules={[{ required: true, message: t('invitation.passwordRequired') }]}
                >
                  <Input.Password maxLength={256} autoComplete="current-password" />
                </Form.Item>
                <Button type="primary" htmlType="submit" block loading={submitting} data-testid="invitation-accept">
                  {t('invitation.accept')}
                </Button>
              </Form>
            </Card>
          )}
        </Col>
      </Row>
    </Flex>
  );
}
