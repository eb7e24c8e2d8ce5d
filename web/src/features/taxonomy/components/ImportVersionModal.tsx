import { App, Button, Flex, Form, Input, Modal, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FrameworkVersion } from '../../../api/contracts.js';
import { useFormSubmit } from '../../../hooks/use-form-submit.js';
import { fetchFrameworkVersion, importFrameworkFile } from '../api/taxonomy-api.js';
import { importFormatOf, versionName } from '../taxonomy-versions.js';
import { ImportErrorAlert } from '../../../components/ImportErrorAlert.js';

interface ImportValues {
  key?: string;
  label?: string;
}

/** The server's upload limit (32 MiB); larger files are refused before they are sent. */
const UPLOAD_LIMIT_BYTES = 32 * 1024 * 1024;
const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Upload an XLSX workbook or a CASE package as a new draft version (taxonomy releasers). A problem in the file is
 * shown as the server words it (`FILE:LINE:FIELD: reason`), which is what the person needs to fix the file.
 */
export function ImportVersionModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (version: FrameworkVersion) => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ImportValues>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const { submit, submitting, error, clearError } = useFormSubmit(
    form,
    ['key', 'label'] as const,
    async (values: ImportValues) => {
      if (!file) return;
      const format = importFormatOf(file.name);
      if (!format) return;
      const key = values.key?.trim();
      const label = values.label?.trim();
      const result = await importFrameworkFile(file, {
        format,
        fileName: file.name,
        ...(key ? { key } : {}),
        ...(label ? { label } : {}),
      });
      const version = await fetchFrameworkVersion(result.versionId);
      void message.success(
        t(`taxonomy.versions.import.done.${result.status}`, {
          version: versionName(version, i18n.language),
          competencies: result.counts.competencies,
          posts: result.counts.posts,
          requirements: result.counts.postRequirements,
        }),
        6,
      );
      reset();
      onImported(version);
    },
  );

  function reset() {
    setFile(null);
    setFileError(null);
    clearError();
    form.resetFields();
  }

  function pick(picked: File) {
    clearError();
    if (!importFormatOf(picked.name)) {
      setFile(null);
      setFileError(t('taxonomy.versions.import.fileType'));
    } else if (picked.size > UPLOAD_LIMIT_BYTES) {
      setFile(null);
      setFileError(t('errors.codes.PAYLOAD_TOO_LARGE'));
    } else {
      setFile(picked);
      setFileError(null);
    }
  }

  const fileList: UploadFile[] = file ? [{ uid: 'import-file', name: file.name, size: file.size, status: 'done' }] : [];

  return (
    <Modal
      open={open}
      title={t('taxonomy.versions.import.title')}
      okText={t('taxonomy.versions.import.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'import-version-submit' }}
      cancelButtonProps={{ disabled: submitting }}
      confirmLoading={submitting}
      closable={!submitting}
      mask={{ closable: !submitting }}
      onOk={() => {
        if (!file) {
          setFileError((current) => current ?? t('taxonomy.versions.import.fileRequired'));
          void form.validateFields().catch(() => undefined);
          return;
        }
        form.submit();
      }}
      onCancel={() => {
        if (submitting) return;
        reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('taxonomy.versions.import.help')}</Typography.Paragraph>
      {error !== null && (
        <ImportErrorAlert
          error={error}
          testId="import-version-error"
          failedTitle={t('taxonomy.versions.import.failed')}
        />
      )}
      <Form<ImportValues>
        form={form}
        layout="vertical"
        data-testid="import-version-form"
        disabled={submitting}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('taxonomy.versions.import.file')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? t('taxonomy.versions.import.fileHelp')}
        >
          <div data-testid="import-version-file">
            <Upload
              accept=".xlsx,.json"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(picked) => {
                pick(picked);
                return false;
              }}
              onRemove={() => {
                setFile(null);
                return true;
              }}
            >
              <Button>{t('taxonomy.versions.import.pick')}</Button>
            </Upload>
          </div>
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item
            name="key"
            label={t('taxonomy.versions.import.key')}
            extra={t('taxonomy.versions.import.keyHelp')}
            style={{ flex: '1 1 200px' }}
            rules={[{ pattern: KEY_PATTERN, message: t('taxonomy.versions.import.keyPattern') }]}
          >
            <Input maxLength={80} placeholder="college-edit" data-testid="import-version-key" />
          </Form.Item>
          <Form.Item
            name="label"
            label={t('taxonomy.versions.import.label')}
            extra={t('taxonomy.versions.import.labelHelp')}
            style={{ flex: '1 1 160px' }}
          >
            <Input maxLength={40} placeholder="2026.2" data-testid="import-version-label" />
          </Form.Item>
        </Flex>
      </Form>
      {submitting && (
        <Flex gap={8} align="center" data-testid="import-version-progress">
          <Spin size="small" />
          <Typography.Text type="secondary">
            {t('taxonomy.versions.import.uploading', { file: file?.name ?? '' })}
          </Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}
