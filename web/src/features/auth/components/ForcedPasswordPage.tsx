import { Alert, App, Button, Card, Flex, Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { fetchSession, setForcedPassword } from '../api/auth-api.js';
import { AuthFrame } from './AuthFrame.js';
import { NewPasswordFields } from './NewPasswordFields.js';

interface ForcedForm {
  newPassword: string;
  confirmPassword: string;
}

/**
 * The only page of a person whose password someone else set (a first sign-in, an admin's reset): the server refuses
 * everything else until they set their own. Then the session is read again and the app opens where they were going.
 */
export function ForcedPasswordPage({
  session,
  onDone,
  onLogout,
}: {
  session: SessionResponse;
  onDone: (session: SessionResponse) => void;
  onLogout: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ForcedForm>();
  const { submit, submitting, error } = useFormSubmit(form, ['newPassword'] as const, async (values: ForcedForm) => {
    await setForcedPassword(values.newPassword);
    void message.success(t('auth.forced.done'));
    onDone(await fetchSession());
  });

  return (
    <AuthFrame>
      <Card data-testid="forced-password">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.forced.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.forced.help')}</Typography.Paragraph>
        <Typography.Paragraph strong>
          {session.person.displayName} · {session.person.loginId ?? session.person.email}
        </Typography.Paragraph>
        {error !== null && (
          <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />
        )}
        <Form<ForcedForm> form={form} layout="vertical" requiredMark={false} onFinish={(values) => void submit(values)}>
          <NewPasswordFields testId="forced-password" />
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="forced-submit">
            {t('auth.forced.submit')}
          </Button>
        </Form>
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button type="link" onClick={onLogout}>
            {t('layout.logout')}
          </Button>
        </Flex>
      </Card>
    </AuthFrame>
  );
}
