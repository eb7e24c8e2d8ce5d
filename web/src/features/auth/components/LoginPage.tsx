import { Alert, Button, Card, Col, Divider, Flex, Form, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionResponse } from '../../../api/contracts.js';
import { useApiQuery } from '../../../api/use-api-query.js';
import { translateError } from '../../../i18n/translate-error.js';
import { fetchDemoAccounts, login } from '../api/auth-api.js';
import { AuthHeader } from './AuthFrame.js';
import { DemoAccountList } from './DemoAccountList.js';
import { SsoButtons, SsoErrorAlert } from './SsoButtons.js';

export type LoginNotice = 'sessionExpired' | 'loggedOut';

interface LoginForm {
  /** An e-mail or a 学号/工号. */
  login: string;
  password: string;
}

export function LoginPage({
  notice,
  onLoggedIn,
}: {
  notice: LoginNotice | null;
  onLoggedIn: (session: SessionResponse) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The list is a convenience: if it cannot load, the form still works, so its error is not shown.
  const demoAccounts = useApiQuery((signal) => fetchDemoAccounts(signal), 'demo-accounts');

  async function submit(values: LoginForm) {
    setSubmitting(true);
    setError(null);
    try {
      onLoggedIn(await login({ login: values.login.trim(), password: values.password }));
    } catch (failure) {
      setError(failure);
      setSubmitting(false);
    }
  }

  const hasDemoAccounts = (demoAccounts.data?.accounts.length ?? 0) > 0;

  return (
    <Flex vertical style={{ minHeight: '100vh', padding: 24 }} gap={24}>
      <AuthHeader />
      <Row gutter={[24, 24]} justify="center" style={{ width: '100%', margin: 0 }}>
        <Col xs={24} md={12} lg={9}>
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              {t('auth.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('auth.loginSubtitle')}</Typography.Paragraph>
            <Flex vertical gap={12} style={{ marginBottom: 16 }}>
              <SsoErrorAlert />
              {notice && (
                <Alert
                  type={notice === 'sessionExpired' ? 'warning' : 'info'}
                  showIcon
                  data-testid="login-notice"
                  title={t(notice === 'sessionExpired' ? 'auth.sessionExpired' : 'auth.loggedOut')}
                />
              )}
              {error !== null && (
                <Alert type="error" showIcon data-testid="login-error" title={translateError(t, error)} />
              )}
            </Flex>
            <Form<LoginForm>
              form={form}
              layout="vertical"
              requiredMark={false}
              onFinish={(values) => void submit(values)}
            >
              <Form.Item
                name="login"
                label={t('auth.login')}
                rules={[{ required: true, whitespace: true, message: t('auth.loginRequired') }]}
              >
                <Input data-testid="login-email" autoComplete="username" autoFocus size="large" maxLength={254} />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('auth.password')}
                rules={[{ required: true, message: t('auth.passwordRequired') }]}
              >
                <Input.Password data-testid="login-password" autoComplete="current-password" size="large" />
              </Form.Item>
              <Button
                data-testid="login-submit"
                type="primary"
                htmlType="submit"
                size="large"
                block
                loading={submitting}
              >
                {t('auth.submit')}
              </Button>
            </Form>
            <Flex justify="center" style={{ marginTop: 12 }}>
              <a href="/redeem" data-testid="login-redeem-link">
                {t('auth.redeemLink')}
              </a>
            </Flex>
            <SsoButtons divider={<Divider plain>{t('auth.sso.or')}</Divider>} />
          </Card>
        </Col>
        {hasDemoAccounts && demoAccounts.data && (
          <Col xs={24} md={12} lg={9}>
            <DemoAccountList
              demoAccounts={demoAccounts.data}
              onPick={(account, password) => {
                form.setFieldsValue({ login: account.email, password: password ?? '' });
                setError(null);
              }}
            />
          </Col>
        )}
      </Row>
    </Flex>
  );
}
