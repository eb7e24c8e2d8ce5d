import { Alert, App, Checkbox, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedInvitation, Role } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { inviteMember } from '../api/members-api.js';

interface InviteForm {
  email: string;
  displayName: string;
  roles: Role[];
}

/**
 * Invites a person by e-mail. The server answers the same whether the e-mail has an account or not, so the form
 * never learns it; what comes back is a one-time link to hand to the person, shown once.
 */
export function InviteMemberModal({
  open,
  organisationId,
  organisationName,
  roleOptions,
  onClose,
  onInvited,
}: {
  open: boolean;
  organisationId: string;
  organisationName: string;
  /** The roles the signed-in person may grant here (from the server). */
  roleOptions: readonly Role[];
  onClose: () => void;
  onInvited: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<InviteForm>();
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const { submit, submitting, error, clearError } = useFormSubmit(
    form,
    ['email', 'displayName', 'roles'] as const,
    async (values: InviteForm) => {
      const answer = await inviteMember(organisationId, {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        roles: values.roles,
      });
      void message.success(t('members.invite.created', { email: answer.invitation.email }));
      form.resetFields();
      setCreated(answer);
      onInvited();
    },
  );

  const close = () => {
    clearError();
    setCreated(null);
    onClose();
  };
  const link = created ? `${window.location.origin}${created.acceptPath}` : '';

  return (
    <Modal
      open={open}
      title={t('members.invite.title', { name: organisationName })}
      okText={created ? t('common.close') : t('members.invite.submit')}
      cancelText={t('common.cancel')}
      cancelButtonProps={{ style: created ? { display: 'none' } : undefined }}
      okButtonProps={{ 'data-testid': created ? 'invite-done' : 'invite-submit' }}
      confirmLoading={submitting}
      onOk={() => (created ? close() : form.submit())}
      onCancel={close}
      forceRender
    >
      {created ? (
        <Flex vertical gap={12} data-testid="invite-result">
          <Alert type="success" showIcon title={t('members.invite.handOver', { email: created.invitation.email })} />
          <Typography.Paragraph
            copyable={{ text: link }}
            code
            data-testid="invite-link"
            style={{ wordBreak: 'break-all' }}
          >
            {link}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('members.invite.linkHelp')}</Typography.Text>
        </Flex>
      ) : (
        <>
          {error !== null && (
            <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />
          )}
          <Typography.Paragraph type="secondary">{t('members.invite.intro')}</Typography.Paragraph>
          <Form<InviteForm>
            form={form}
            layout="vertical"
            data-testid="invite-form"
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
              extra={t('members.invite.nameHelp')}
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
          </Form>
        </>
      )}
    </Modal>
  );
}
