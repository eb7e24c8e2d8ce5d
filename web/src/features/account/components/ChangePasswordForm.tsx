import { Alert, App, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/api-error.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
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
