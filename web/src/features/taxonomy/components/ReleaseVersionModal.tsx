import { Alert, App, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersion } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { translateError } from '../../../i18n/translate-error.js';
import { releaseVersion } from '../api/taxonomy-api.js';
import { versionName } from '../taxonomy-versions.js';

interface ReleaseValues {
  releaseNotes?: string;
}

/** Confirms the release of a draft (it becomes immutable), with its final release notes. */
export function ReleaseVersionModal({
  open,
  version,
  onClose,
  onReleased,
}: {
  open: boolean;
  version: FrameworkVersion;
  onClose: () => void;
  onReleased: (version: FrameworkVersion) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReleaseValues>();
  const { submit, submitting, error, clearError } = useFormSubmit(
    form,
    ['releaseNotes'] as const,
    async (values: ReleaseValues) => {
      const released = await releaseVersion(version.id, { releaseNotes: values.releaseNotes?.trim() ?? '' });
      void message.success(t('taxonomy.versions.release.done', { version: versionName(released, i18n.language) }));
      onReleased(released);
    },
  );

  return (
    <Modal
      open={open}
      title={t('taxonomy.versions.release.title', { version: versionName(version, i18n.language) })}
      okText={t('taxonomy.versions.release.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'release-version-submit' }}
      confirmLoading={submitting}
      onOk={() => form.submit()}
      onCancel={() => {
        clearError();
        onClose();
      }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon title={t('taxonomy.versions.release.warning')} style={{ marginBottom: 16 }} />
      {error !== null && <Alert type="error" showIcon title={translateError(t, error)} style={{ marginBottom: 16 }} />}
      <Form<ReleaseValues>
        form={form}
        layout="vertical"
        data-testid="release-version-form"
        initialValues={{ releaseNotes: version.releaseNotes }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="releaseNotes" label={t('taxonomy.versions.release.notes')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
