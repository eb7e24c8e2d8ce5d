import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { fieldLabel, translateError } from '../i18n/translate-error.js';

/**
 * A file problem: where it is (file, line, field) in the person's language, and the importer's own reason, which is
 * worded in English, labelled as such on a Chinese page. Anything else in the person's language.
 */
export function ImportErrorAlert({
  error,
  testId,
  failedTitle,
}: {
  error: unknown;
  testId: string;
  /** The title over a file problem (default: 导入失败). */
  failedTitle?: string;
}) {
  const { t } = useTranslation();
  if (!(isApiError(error) && error.code === 'IMPORT_FAILED')) {
    return (
      <Alert type="error" showIcon data-testid={testId} style={{ marginBottom: 16 }} title={translateError(t, error)} />
    );
  }
  const { file, line, field, reason } = error.details;
  const located = typeof file === 'string' && typeof line === 'number';
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={failedTitle ?? t('demand.imports.failed')}
      description={
        <>
          {located && (
            <div data-testid={`${testId}-where`}>
              {t('importErrors.where', {
                file,
                line,
                field:
                  typeof field === 'string' && field !== '(file)' ? fieldLabel(t, field) : t('importErrors.wholeFile'),
              })}
            </div>
          )}
          <Typography.Text type="secondary">{t('importErrors.reason')}</Typography.Text>
          <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} data-user-data="server">
            {located && typeof reason === 'string' ? reason : error.message}
          </Typography.Text>
        </>
      }
    />
  );
}
