import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Mirrors the server's minimum; the server also checks variety and the login, and has the last word. */
export const MIN_PASSWORD_LENGTH = 10;

/** A new password typed twice (`newPassword`, `confirmPassword`), with the rules the server states. */
export function NewPasswordFields({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('account.password.new')}
        extra={t('account.password.help')}
        rules={[
          { required: true, message: t('account.password.newRequired') },
          { min: MIN_PASSWORD_LENGTH, message: t('account.password.tooShort') },
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={256} data-testid={`${testId}-new`} />
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
        <Input.Password autoComplete="new-password" maxLength={256} data-testid={`${testId}-confirm`} />
      </Form.Item>
    </>
  );
}
