import type { TFunction } from 'i18next';

type LooseTranslate = (key: string, options?: Record<string, unknown>) => string;

/**
 * Why a unified sign-in was refused, in the person's language: the callback's `?sso_error=<reason>` (and a test
 * sign-in's `reason=`). A reason this client does not know, or an error code, reads as the general refusal.
 */
export function ssoReasonText(t: TFunction, reason: string): string {
  const translate = t as unknown as LooseTranslate;
  const general = translate('errors.codes.SSO_FAILED', { detail: '' }).replace(/\s*[:：]\s*$/u, '');
  if (!/^[a-z_]{1,40}$/.test(reason)) {
    return /^[A-Z_]{1,60}$/.test(reason)
      ? translate(`errors.codes.${reason}`, { detail: '', defaultValue: general }).replace(/\s*[:：]\s*$/u, '')
      : general;
  }
  return translate(`auth.sso.reasons.${reason}`, { defaultValue: general });
}
