import { Alert, App, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.js';
import { errorField } from '../../../api/error-field.js';
import { translateError } from '../../../i18n/translate-error.js';
import { changePassword } from '../../auth/api/auth-api.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Mirrors the server's minimum; the server also checks variety and the e-mail, and has the last word. */
const MIN_PASSWORD_LENGTH = 10;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: PasswordForm) {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      void message.success(t('account.password.changed'));
    } catch (failure) {
      // Errors about one field are shown at that field; anything else above the form.
      const field = errorField(failure, ['currentPassword', 'newPassword'] as const);
      if (field) {
        const wrongCurrent = isApiError(failure) && failure.code === 'INVALID_CREDENTIALS';
        form.setFields([
          {
            name: field,
            errors: [wrongCurrent ? t('account.password.currentWrong') : translateError(t, failure, { atField: true })],
          },
        ]);
      } else {
        setError(failure);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <Form<PasswordForm>
      form={form}
      layout="vertical"
      data-testid="password-form"
      onFinish={(values) => void submit(values)}
    >
      {error !== null && (
        <Alert
          type="error"
          showIcon
          data-testid="password-error"
          title={translateError(t, error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form.Item
        name="currentPassword"
        label={t('account.password.current')}
        rules={[{ required: true, message: t('account.password.currentRequired') }]}
      >
        <Input.Password autoComplete="current-password" data-testid="password-current" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('account.password.new')}
        extra={t('account.password.help')}
        rules={[
          { required: true, message: t('account.password.newRequired') },
          { min: MIN_PASSWORD_LENGTH, message: t('account.password.tooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} data-testid="password-new" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('account.password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('account.password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || getFieldValue('newPassword') === value
                ? Promise.resolve()
                : Promise.reject(new Error(t('account.password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} data-testid="password-confirm" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
        {t('account.password.submit')}
      </Button>
    </Form>
  );
}
