import { App, Button, Flex, Form, Modal, Radio, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkMode, PostingImport } from '../../../api/contracts.js';
import { importPostings } from '../api/demand-api.js';
import { ImportErrorAlert } from '../../../components/ImportErrorAlert.js';

const ACCEPTED = ['.csv', '.jsonl', '.xlsx'];

function accepted(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return ACCEPTED.some((extension) => lower.endsWith(extension));
}

/**
 * Upload a file of job postings (CSV, JSONL or XLSX). The server checks the whole file before storing anything;
 * a problem is shown as it words it (`FILE:LINE:FIELD: reason`), which is what the person needs to fix the file.
 */
export function ImportPostingsModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (done: PostingImport) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<LinkMode>('exact');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  function reset() {
    setFile(null);
    setFileError(null);
    setError(null);
    setMode('exact');
  }

  async function submit() {
    if (!file) {
      setFileError(t('demand.imports.fileRequired'));
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      const done = await importPostings(file, { fileName: file.name, mode });
      void message.success(
        t('demand.imports.done', { file: done.fileName, stored: done.stored, duplicates: done.duplicates }),
        6,
      );
      reset();
      onImported(done);
    } catch (failure) {
      setError(failure);
    } finally {
      setSubmitting(false);
    }
  }

  function pick(picked: File) {
    setError(null);
    if (!accepted(picked.name)) {
      setFile(null);
      setFileError(t('demand.imports.fileType'));
    } else {
      setFile(picked);
      setFileError(null);
    }
  }

  const fileList: UploadFile[] = file
    ? [{ uid: 'postings-file', name: file.name, size: file.size, status: 'done' }]
    : [];

  return (
    <Modal
      open={open}
      title={t('demand.imports.title')}
      okText={t('demand.imports.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'import-postings-submit' }}
      cancelButtonProps={{ disabled: submitting }}
      confirmLoading={submitting}
      closable={!submitting}
      mask={{ closable: !submitting }}
      onOk={() => void submit()}
      onCancel={() => {
        if (submitting) return;
        reset();
        onClose();
      }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('demand.imports.help')}</Typography.Paragraph>
      {error !== null && <ImportErrorAlert error={error} testId="import-postings-error" />}
      <Form layout="vertical" data-testid="import-postings-form" disabled={submitting}>
        <Form.Item
          label={t('demand.imports.file')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? t('demand.imports.fileHelp')}
        >
          <div data-testid="import-postings-file">
            <Upload
              accept={ACCEPTED.join(',')}
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
              <Button>{t('demand.imports.pick')}</Button>
            </Upload>
          </div>
        </Form.Item>
        <Form.Item label={t('demand.imports.mode')} extra={t(`demand.link.modeHelp.${mode}`)}>
          <Radio.Group
            value={mode}
            onChange={(event) => setMode(event.target.value as LinkMode)}
            data-testid="import-postings-mode"
            options={[
              { value: 'exact', label: t('demand.link.modes.exact') },
              { value: 'full', label: t('demand.link.modes.full') },
            ]}
          />
        </Form.Item>
      </Form>
      {submitting && (
        <Flex gap={8} align="center" data-testid="import-postings-progress">
          <Spin size="small" />
          <Typography.Text type="secondary">
            {t('demand.imports.uploading', { file: file?.name ?? '' })}
          </Typography.Text>
        </Flex>
      )}
    </Modal>
  );
}
