import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/api-error.js';
import { translateError } from '../i18n/translate-error.js';

/** A file problem verbatim (the server names file, line and field); anything else in the person's language. */
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
  const fileProblem = isApiError(error) && error.code === 'IMPORT_FAILED';
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      style={{ marginBottom: 16 }}
      title={fileProblem ? (failedTitle ?? t('demand.imports.failed')) : translateError(t, error)}
      description={
        fileProblem ? (
          <Typography.Text code style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {error.message}
          </Typography.Text>
        ) : undefined
      }
    />
  );
}
