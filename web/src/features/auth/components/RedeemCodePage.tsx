import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { redeemCode } from '../api/auth-api.js';
import { AuthFrame } from './AuthFrame.js';
import { NewPasswordFields } from './NewPasswordFields.js';

interface RedeemForm {
  login: string;
  code: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Where a person sets their password with the one-time code an admin handed them (a reset code, or a class's
 * activation code): their e-mail or 学号/工号, the code, the new password twice. The answer signs them in.
 */
export function RedeemCodePage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<RedeemForm>();
  const initialLogin = new URLSearchParams(window.location.search).get('login') ?? '';
  const { submit, submitting, error } = useFormSubmit(
    form,
    ['login', 'code', 'newPassword'] as const,
    async (values: RedeemForm) => {
      await redeemCode({ login: values.login.trim(), code: values.code.trim(), newPassword: values.newPassword });
      // The answer set the session cookie: open the app as the person.
      window.location.assign('/');
    },
  );

  return (
    <AuthFrame>
      <Card data-testid="redeem-card">
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('auth.redeem.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('auth.redeem.help')}</Typography.Paragraph>
        {error !== null && (
          <Alert
            type="error"
            showIcon
            data-testid="redeem-error"
            title={translateError(t, error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<RedeemForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          data-testid="redeem-form"
          initialValues={{ login: initialLogin }}
          onFinish={(values) => void submit(values)}
        >
          <Form.Item
            name="login"
            label={t('auth.redeem.login')}
            rules={[{ required: true, whitespace: true, message: t('auth.loginRequired') }]}
          >
            <Input data-testid="redeem-login" autoComplete="username" maxLength={254} />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('auth.redeem.code')}
            rules={[{ required: true, whitespace: true, message: t('auth.redeem.codeRequired') }]}
          >
            <Input data-testid="redeem-code" autoComplete="one-time-code" maxLength={64} spellCheck={false} />
          </Form.Item>
          <NewPasswordFields testId="redeem-password" />
          <Button type="primary" htmlType="submit" block size="large" loading={submitting} data-testid="redeem-submit">
            {t('auth.redeem.submit')}
          </Button>
        </Form>
        <Flex justify="center" style={{ marginTop: 12 }}>
          <a href="/">{t('auth.redeem.back')}</a>
        </Flex>
      </Card>
    </AuthFrame>
  );
}
