import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { decideAccountAction, formatOneTimeCode, normaliseOneTimeCode } from './one-time-code.js';

describe('formatOneTimeCode', () => {
  it('reads 50 bits as two groups of five Crockford characters', () => {
    expect(formatOneTimeCode(new Uint8Array(7))).toBe('00000-00000');
    expect(formatOneTimeCode(new Uint8Array([255, 255, 255, 255, 255, 255, 255]))).toMatch(/^[0-9A-Z]{5}-ZZZZZ$/);
    const code = formatOneTimeCode(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
    expect(code).toMatch(/^[0-9ABCDEFGHJKMNPQRSTVWXYZ]{5}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{5}$/);
  });

  it('gives different codes for different bytes and refuses too few bytes', () => {
    expect(formatOneTimeCode(new Uint8Array([0, 0, 0, 0, 0, 0, 1]))).not.toBe(formatOneTimeCode(new Uint8Array(7)));
    expect(() => formatOneTimeCode(new Uint8Array(4))).toThrow();
  });
});

describe('normaliseOneTimeCode', () => {
  it('ignores case, spaces and dashes and reads confusable letters as digits', () => {
    expect(normaliseOneTimeCode(' 7kq4m-2xh9b ')).toBe('7KQ4M2XH9B');
    expect(normaliseOneTimeCode('O1IL0 o')).toBe('011100');
  });
});

describe('decideAccountAction', () => {
  const admin: Actor = {
    personId: 'admin',
    email: 'a@x.cn',
    activeOrganisationId: 'c',
    memberships: [{ organisationId: 'c', roles: ['college_admin'] }],
  };
  const platform: Actor = { ...admin, memberships: [{ organisationId: 'p', roles: ['platform_admin'] }] };

  it('refuses acting on oneself', () => {
    expect(decideAccountAction(admin, { personId: 'admin', otherOrganisations: 0 }, 'disable')).toBe('SELF');
    expect(decideAccountAction(admin, { personId: 'admin', otherOrganisations: 0 }, 'reset_code')).toBe('SELF');
  });

  it('refuses disabling or handing a code for a person of other organisations too, except to platform admins', () => {
    const shared = { personId: 's', otherOrganisations: 1 };
    expect(decideAccountAction(admin, shared, 'disable')).toBe('ACCOUNT_SHARED');
    expect(decideAccountAction(admin, shared, 'reset_code')).toBe('ACCOUNT_SHARED');
    expect(decideAccountAction(admin, shared, 'leave')).toBeNull();
    expect(decideAccountAction(admin, shared, 'end_sessions')).toBeNull();
    expect(decideAccountAction(platform, shared, 'disable')).toBeNull();
    expect(decideAccountAction(admin, { personId: 's', otherOrganisations: 0 }, 'disable')).toBeNull();
  });
});
