import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { changePassword } from '../../auth/api/auth-api.js';
import { NewPasswordFields } from '../../auth/components/NewPasswordFields.js';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const { submit, submitting, error } = useFormSubmit(
    form,
    ['currentPassword', 'newPassword'] as const,
    async (values: PasswordForm) => {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      form.resetFields();
      void message.success(t('account.password.changed'));
    },
    (failure, field) =>
      field === 'currentPassword' && isApiError(failure) && failure.code === 'INVALID_CREDENTIALS'
        ? t('account.password.currentWrong')
        : undefined,
  );

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
      <NewPasswordFields testId="password" />
      <Button type="primary" htmlType="submit" loading={submitting} data-testid="password-submit">
        {t('account.password.submit')}
      </Button>
    </Form>
  );
}
