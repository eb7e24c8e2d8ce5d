import { App, Button, Flex, Form, Modal, Progress, Spin, Typography, Upload, type UploadFile } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadProgress } from '../api/api-client.js';
import { useFormSubmit } from '../hooks/use-form-submit.js';
import { ImportErrorAlert } from './ImportErrorAlert.js';
import { checkImportFile, formatAcceptList, formatFileSize } from './import-file.js';

/** How long the success summary stays: long enough to read the counts. */
const SUMMARY_SECONDS = 6;

/**
 * The one file-import dialog: a file picker checked before anything is sent (accepted types, the server's size
 * limit, both shown), optional extra fields, the upload with its progress, the server's file problem located
 * (file, line, field) in the person's language, and a summary of what was imported.
 *
 * Test ids start with `testId`: `-form`, `-file`, `-submit`, `-error` (`-error-where`), `-progress`.
 */
export function ImportDialog<Result, Values extends object = Record<string, never>>({
  open,
  onClose,
  onImported,
  testId,
  title,
  help,
  submitText,
  accept,
  maxBytes,
  fileHelp,
  pickText,
  failedTitle,
  fields,
  initialValues,
  fieldNames = [],
  upload,
  summary,
}: {
  open: boolean;
  onClose: () => void;
  onImported: (result: Result) => void;
  testId: string;
  title: string;
  help: ReactNode;
  submitText: string;
  /** Accepted extensions, with the dot (`.csv`). */
  accept: readonly string[];
  /** The server's upload limit for this import. */
  maxBytes: number;
  /** What the file should be; the size limit is added after it. */
  fileHelp: string;
  pickText?: string;
  /** The title over a file problem. */
  failedTitle?: string;
  /** Extra form fields (`Form.Item`s with names); their values go to `upload`. */
  fields?: ReactNode;
  initialValues?: Partial<Values>;
  /** Names of the extra fields; a server error about one is shown at that field. */
  fieldNames?: readonly string[];
  /** Sends the file; `onProgress` reports the share sent so far. */
  upload: (file: File, values: Values, onProgress: UploadProgress) => Promise<Result>;
  /** The success message. */
  summary: (result: Result) => string;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  // The share of the file sent; once all is sent the server checks and stores it.
  const [sent, setSent] = useState(0);
  const { submit, submitting, error, clearError } = useFormSubmit(form, fieldNames, async (values: Values) => {
    if (!file) return;
    setSent(0);
    const result = await upload(file, values, setSent);
    void message.success(summary(result), SUMMARY_SECONDS);
    reset();
    onImported(result);
  });
  const limit = formatFileSize(maxBytes);

  function reset() {
    setFile(null);
    setFileError(null);
    clearError();
    form.resetFields();
  }

  function pick(picked: File) {
    clearError();
    const problem = checkImportFile(picked, accept, maxBytes);
    setFile(problem ? null : picked);
    setFileError(
      problem === 'type'
        ? t('importDialog.fileType', { types: formatAcceptList(accept, i18n.language) })
        : problem === 'tooLarge'
          ? t('importDialog.tooLarge', { file: picked.name, size: formatFileSize(picked.size), limit })
          : null,
    );
  }

  const fileList: UploadFile[] = file
    ? [{ uid: `${testId}-file`, name: file.name, size: file.size, status: 'done' }]
    : [];

  return (
    <Modal
      open={open}
      title={title}
      okText={submitText}
      cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': `${testId}-submit` }}
      cancelButtonProps={{ disabled: submitting }}
      confirmLoading={submitting}
      closable={!submitting}
      mask={{ closable: !submitting }}
      onOk={() => {
        if (!file) {
          setFileError((current) => current ?? t('importDialog.fileRequired'));
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
      <Typography.Paragraph type="secondary">{help}</Typography.Paragraph>
      {error !== null && <ImportErrorAlert error={error} testId={`${testId}-error`} failedTitle={failedTitle} />}
      <Form<Values>
        form={form}
        layout="vertical"
        data-testid={`${testId}-form`}
        disabled={submitting}
        initialValues={initialValues}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t('importDialog.file')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? t('importDialog.fileHelp', { what: fileHelp, limit })}
        >
          <div data-testid={`${testId}-file`}>
            <Upload
              accept={accept.join(',')}
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
              <Button>{pickText ?? t('importDialog.pick')}</Button>
            </Upload>
          </div>
        </Form.Item>
        {fields}
      </Form>
      {submitting && file && (
        <Flex vertical gap={4} data-testid={`${testId}-progress`}>
          {sent < 1 ? (
            <>
              <Typography.Text type="secondary">
                {t('importDialog.uploading', { file: file.name, size: formatFileSize(file.size) })}
              </Typography.Text>
              <Progress percent={Math.floor(sent * 100)} size="small" status="active" />
            </>
          ) : (
            <Flex gap={8} align="center">
              <Spin size="small" />
              <Typography.Text type="secondary">{t('importDialog.checking', { file: file.name })}</Typography.Text>
            </Flex>
          )}
        </Flex>
      )}
    </Modal>
  );
}
