import type { TFunction } from 'i18next';
import { isApiError } from '../api/api-error.js';

type LooseTranslate = (key: string, options?: Record<string, unknown>) => string;

/**
 * A message for the person in their language: the translation of the server's stable code, the field for
 * validation errors, and the server's own message when the code is new to this client. `atField` when the
 * message is shown beside the form field that `details.field` names.
 */
export function translateError(t: TFunction, error: unknown, { atField = false }: { atField?: boolean } = {}): string {
  const translate = t as unknown as LooseTranslate;
  if (!isApiError(error)) {
    return translate('errors.fallback', { message: error instanceof Error ? error.message : String(error) });
  }
  const field = error.details.field;
  if (error.code === 'VALIDATION_FAILED' && typeof field === 'string') {
    // Beside the field its name is redundant; the server's wording is English, so Chinese gets a generic line.
    if (atField) return translate('errors.fieldInvalid', { message: error.message });
    return translate('errors.invalidField', { field, message: error.message });
  }
  const rule = error.details.rule;
  if (error.code === 'PASSWORD_TOO_WEAK' && typeof rule === 'string') {
    return translate(`errors.passwordRules.${rule}`, { defaultValue: translate('errors.codes.PASSWORD_TOO_WEAK') });
  }
  const retryAfter = error.details.retryAfterSeconds;
  if (error.code === 'RATE_LIMITED' && typeof retryAfter === 'number') {
    return translate('errors.rateLimitedRetry', { seconds: Math.ceil(retryAfter) });
  }
  return translate(`errors.codes.${error.code}`, {
    defaultValue: translate('errors.fallback', { message: error.message }),
  });
}
