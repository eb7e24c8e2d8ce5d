import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { translateError } from '../i18n/translate-error.js';

/** A failed load or action, in the person's language, with an optional retry. */
export function ApiErrorAlert({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={translateError(t, error)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
