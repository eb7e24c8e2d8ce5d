import { describe, expect, it } from 'vitest';
import { testTranslator } from '../../i18n/test-translator.js';
import { ssoReasonText } from './sso-reason.js';

const zh = testTranslator('zh-CN');
const en = testTranslator('en');

describe('why a unified sign-in was refused', () => {
  it('names each reason the server sends, in both languages', () => {
    for (const reason of ['unknown_person', 'ticket_replayed', 'attempt_expired', 'disabled', 'state_mismatch']) {
      expect(ssoReasonText(zh, reason)).not.toBe(ssoReasonText(zh, 'something_new'));
      expect(ssoReasonText(en, reason)).not.toMatch(/\p{Script=Han}/u);
    }
    expect(ssoReasonText(en, 'unknown_person')).toContain('import the roster');
  });

  it('reads an unknown reason or a hostile value as the general refusal', () => {
    expect(ssoReasonText(en, 'something_new')).toBe(ssoReasonText(en, '<script>'));
    expect(ssoReasonText(en, '<script>')).not.toContain('{{');
    expect(ssoReasonText(zh, 'SSO_NO_PERSON')).toContain('名册');
  });
});
