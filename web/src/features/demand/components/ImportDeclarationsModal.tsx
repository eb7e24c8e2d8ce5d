import { App, Button, Form, Modal, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { importDeclarations } from '../api/demand-api.js';
import { ImportErrorAlert } from '../../../components/ImportErrorAlert.js';

function accepted(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return lower.endsWith('.xlsx') || lower.endsWith('.csv');
}

/** Import many declarations from an XLSX or CSV file, all or nothing (enterprise admins). */
export function ImportDeclarationsModal({
  open,
  organisationId,
  onClose,
  onImported,
}: {
  open: boolean;
  organisationId: string;
  onClose: () => void;
  onImported: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  function reset() {
    setFile(null);
    setFileError(null);
    setError(null);
  }

  async function submit() {
    if (!file) {
      setFileError(t('demand.imports.fileRequired'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const result = await importDeclarations(organisationId, file);
      void message.success(t('demand.declarations.import.done', { created: result.created }));
      reset();
      onImported();
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  }

  const fileList: UploadFile[] = file
    ? [{ uid: 'declarations-file', name: file.name, size: file.size, status: 'done' }]
    : [];

  return (
    <Modal
      open={open}
      title={t('demand.declarations.import.title')}
      okText={t('demand.declarations.import.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'declaration-import-submit' }}
      cancelButtonProps={{ disabled: submitting }}
      confirmLoading={submitting}
      closable={!submitting}
      onOk={() => void submit()}
      onCancel={() => {
        if (submitting) return;
        reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('demand.declarations.import.help')}</Typography.Paragraph>
      {error !== null && <ImportErrorAlert error={error} testId="declaration-import-error" />}
      <Form layout="vertical" disabled={submitting}>
        <Form.Item
          label={t('demand.imports.file')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? t('demand.declarations.import.fileHelp')}
        >
          <div data-testid="declaration-import-file">
            <Upload
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(picked) => {
                setError(null);
                if (accepted(picked.name)) {
                  setFile(picked);
                  setFileError(null);
                } else {
                  setFile(null);
                  setFileError(t('demand.declarations.import.fileType'));
                }
                return false;
              }}
              onRemove={() => {
                setFile(null);
                return true;
              }}
            >
              <Button>{t('demand.imports.pick')}</Button>
            </Upload>
          </div>
        </Form.Item>
      </Form>
    </Modal>
  );
}
