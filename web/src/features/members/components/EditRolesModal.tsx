import { Alert, App, Checkbox, Form, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, Role } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { setMemberRoles } from '../api/members-api.js';

/** Changes a member's roles: the roles the signed-in person may grant can be ticked; the others stay as they are. */
export function EditRolesModal({
  member,
  organisationId,
  grantable,
  onClose,
  onChanged,
}: {
  member: Member | null;
  organisationId: string;
  grantable: readonly Role[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ roles: Role[] }>();
  useEffect(() => {
    if (member) form.setFieldsValue({ roles: member.roles });
  }, [member, form]);
  const { submit, submitting, error, clearError } = useFormSubmit(
    form,
    ['roles'] as const,
    async (values: { roles: Role[] }) => {
      if (!member) return;
      const changed = await setMemberRoles(organisationId, member.personId, values.roles);
      void message.success(t('members.roles.changed', { name: changed.displayName }));
      onChanged();
    },
  );
  const options = [...new Set<Role>([...grantable, ...(member?.roles ?? [])])];

  return (
    <Modal
      open={member !== null}
      title={t('members.roles.title', { name: member?.displayName ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'edit-roles-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        clearError();
        onClose();
      }}
      forceRender
    >
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" data-testid="edit-roles-form" onFinish={(values) => void submit(values)}>
        <Form.Item
          name="roles"
          label={t('members.form.roles')}
          rules={[{ required: true, type: 'array', min: 1, message: t('members.form.rolesRequired') }]}
        >
          <Checkbox.Group
            options={options.map((role) => ({
              value: role,
              label: t(`roles.${role}`),
              disabled: !grantable.includes(role),
            }))}
          />
        </Form.Item>
        {options.some((role) => !grantable.includes(role)) && (
          <Typography.Text type="secondary">{t('members.roles.notYours')}</Typography.Text>
        )}
      </Form>
    </Modal>
  );
}
