import { Alert, App, Checkbox, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Member, Role } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { addMember } from '../api/members-api.js';

interface AddMemberForm {
  email: string;
  displayName: string;
  roles: Role[];
  initialPassword?: string;
}

const MIN_PASSWORD_LENGTH = 10;

export function AddMemberModal({
  open,
  organisationId,
  organisationName,
  roleOptions,
  onClose,
  onAdded,
}: {
  open: boolean;
  organisationId: string;
  organisationName: string;
  /** Only the roles this kind of organisation may grant. */
  roleOptions: readonly Role[];
  onClose: () => void;
  onAdded: (member: Member) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<AddMemberForm>();
  const { submit, submitting, error, clearError } = useFormSubmit(
    form,
    ['email', 'displayName', 'roles', 'initialPassword'] as const,
    async (values: AddMemberForm) => {
      const member = await addMember(organisationId, {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        roles: values.roles,
        ...(values.initialPassword ? { initialPassword: values.initialPassword } : {}),
      });
      void message.success(t('members.added', { name: member.displayName }));
      form.resetFields();
      onAdded(member);
    },
  );

  return (
    <Modal
      open={open}
      title={t('members.form.title', { name: organisationName })}
      okText={t('members.add')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'add-member-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        clearError();
        onClose();
      }}
      forceRender
    >
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<AddMemberForm>
        form={form}
        layout="vertical"
        data-testid="add-member-form"
        initialValues={{ roles: roleOptions.length === 1 ? [...roleOptions] : [] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="email"
          label={t('members.form.email')}
          rules={[
            { required: true, message: t('members.form.required', { field: t('members.form.email') }) },
            { type: 'email', message: t('auth.emailInvalid') },
          ]}
        >
          <Input type="email" autoComplete="off" maxLength={254} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('members.form.displayName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('members.form.required', { field: t('members.form.displayName') }),
            },
          ]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('members.form.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('members.form.rolesRequired') }]}
        >
          <Checkbox.Group options={roleOptions.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        </Form.Item>
        <Form.Item
          name="initialPassword"
          label={t('members.form.initialPassword')}
          extra={t('members.form.initialPasswordHelp')}
          rules={[{ min: MIN_PASSWORD_LENGTH, message: t('account.password.tooShort') }]}
        >
          <Input.Password autoComplete="new-password" maxLength={256} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
