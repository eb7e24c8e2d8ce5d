import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersion } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { deriveDraft } from '../api/taxonomy-api.js';
import { suggestDraftLabel, versionName } from '../taxonomy-versions.js';

interface DeriveDraftValues {
  label: string;
  releaseNotes?: string;
}

/** A new draft version copied from `from`, to edit and later release. */
export function DeriveDraftModal({
  open,
  from,
  versions,
  onClose,
  onDerived,
}: {
  open: boolean;
  from: FrameworkVersion;
  versions: readonly FrameworkVersion[];
  onClose: () => void;
  onDerived: (version: FrameworkVersion) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeriveDraftValues>();
  const { submit, submitting, error, clearError } = useFormSubmit(
    form,
    ['label', 'releaseNotes'] as const,
    async (values: DeriveDraftValues) => {
      const draft = await deriveDraft(from.id, {
        label: values.label.trim(),
        releaseNotes: values.releaseNotes?.trim() ?? '',
      });
      void message.success(t('taxonomy.versions.derive.done', { version: versionName(draft, i18n.language) }));
      onDerived(draft);
    },
  );

  return (
    <Modal
      open={open}
      title={t('taxonomy.versions.derive.title', { version: versionName(from, i18n.language) })}
      okText={t('taxonomy.versions.derive.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'derive-draft-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        clearError();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('taxonomy.versions.derive.help')}</Typography.Paragraph>
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<DeriveDraftValues>
        form={form}
        layout="vertical"
        data-testid="derive-draft-form"
        initialValues={{ label: suggestDraftLabel(versions, from), releaseNotes: '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="label"
          label={t('taxonomy.versions.derive.label')}
          rules={[{ required: true, whitespace: true, message: t('taxonomy.versions.derive.labelRequired') }]}
        >
          <Input maxLength={40} data-testid="derive-draft-label" />
        </Form.Item>
        <Form.Item name="releaseNotes" label={t('taxonomy.versions.derive.notes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="derive-draft-notes" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
