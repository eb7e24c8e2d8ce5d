import type { TFunction } from 'i18next';
import { isApiError } from '../api/api-error.js';

type LooseTranslate = (key: string, options?: Record<string, unknown>) => string;

const MISSING = '\u0000missing';

/** A translation when `key` exists, otherwise undefined. */
function optional(translate: LooseTranslate, key: string, options: Record<string, unknown> = {}): string | undefined {
  const text = translate(key, { ...options, defaultValue: MISSING });
  return text === MISSING ? undefined : text;
}

/**
 * The name of a field as the person knows it, in their language: `publicCourses.2.semester` is the label of
 * `semester` in row 3. A field this client has no label for is called "this field", never by its path.
 */
export function fieldLabel(t: TFunction, field: string): string {
  const translate = t as unknown as LooseTranslate;
  const segments = field.split(/[.[\]]/).filter((segment) => segment !== '');
  const named = segments.filter((segment) => !/^\d+$/.test(segment));
  const index = segments.findLast((segment) => /^\d+$/.test(segment));
  const last = named.at(-1);
  const label = (last && optional(translate, `errors.fields.${last}`)) ?? translate('errors.thisField');
  return index === undefined ? label : translate('errors.fieldInRow', { field: label, row: Number(index) + 1 });
}

/**
 * A message for the person in their language: for a validation error the field's name and the reason the server
 * gave as a stable code (`details.reason` of a service's check, or the schema's issue keyword), otherwise the
 * translation of the server's stable error code. The server's English wording is shown only in English and only
 * when this client knows no better. `atField` when the message is shown beside the field `details.field` names.
 */
export function translateError(t: TFunction, error: unknown, { atField = false }: { atField?: boolean } = {}): string {
  const translate = t as unknown as LooseTranslate;
  // The server words its messages in English: only an English page may fall back to them.
  const english = translate('errors.useServerWording') === 'yes';
  if (!isApiError(error)) {
    return translate('errors.fallback', { message: error instanceof Error ? error.message : String(error) });
  }
  const details = error.details;
  const field = typeof details.field === 'string' ? details.field : undefined;
  if (error.code === 'VALIDATION_FAILED') {
    // A service's check names its reason as a stable code with figures: a whole sentence.
    const sentence =
      typeof details.reason === 'string' ? optional(translate, `errors.reasons.${details.reason}`, details) : undefined;
    if (sentence) return sentence;
    const issue = schemaIssue(translate, details);
    if (atField) return issue ?? (english ? error.message : translate('errors.fieldInvalid'));
    if (field === undefined) return english ? error.message : translate('errors.codes.VALIDATION_FAILED');
    return translate('errors.invalidField', {
      field: fieldLabel(t, field),
      message: issue ?? (english ? error.message : translate('errors.invalidValue')),
    });
  }
  const rule = details.rule;
  if (error.code === 'PASSWORD_TOO_WEAK' && typeof rule === 'string') {
    return translate(`errors.passwordRules.${rule}`, { defaultValue: translate('errors.codes.PASSWORD_TOO_WEAK') });
  }
  const retryAfter = details.retryAfterSeconds;
  if (error.code === 'RATE_LIMITED' && typeof retryAfter === 'number') {
    return translate('errors.rateLimitedRetry', { seconds: Math.ceil(retryAfter) });
  }
  // Some codes name what was wrong in `details.detail` (the 学号 taken, the identity provider's reason).
  const detail = typeof details.detail === 'string' ? details.detail : '';
  const coded = optional(translate, `errors.codes.${error.code}`, { ...details, detail });
  return (
    (coded === undefined ? undefined : detail ? coded : coded.replace(/\s*[:：]\s*$/u, '')) ??
    (english ? translate('errors.fallback', { message: error.message }) : translate('errors.unknown'))
  );
}

/** What the schema found wrong with the field (its issue keyword), when this client knows the keyword. */
function schemaIssue(translate: LooseTranslate, details: Record<string, unknown>): string | undefined {
  const issues = details.issues;
  if (!Array.isArray(issues) || issues.length === 0) return undefined;
  const keyword = (issues[0] as { keyword?: unknown }).keyword;
  return typeof keyword === 'string' ? optional(translate, `errors.issues.${keyword}`) : undefined;
}
