import { describe, expect, it } from 'vitest';
import { decideSsoPerson, isAcceptableProviderUrl, safeReturnPath } from './sso-sign-in.js';

describe('safeReturnPath', () => {
  it('keeps a path of this site, with its query', () => {
    expect(safeReturnPath('/course-systems?tab=plan#x')).toBe('/course-systems?tab=plan#x');
    expect(safeReturnPath(undefined)).toBe('/');
  });

  it.each([
    '//evil.example',
    '/\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'evil.example',
    '/\t/evil.example',
    '/a\\b',
    '/api/auth/session',
    '/api',
  ])('sends %j home instead', (requested) => {
    expect(safeReturnPath(requested)).toBe('/');
  });
});

describe('decideSsoPerson', () => {
  it('signs in only a member of the organisation whose account is enabled', () => {
    expect(decideSsoPerson(undefined)).toEqual({ ok: false, reason: 'unknown_person' });
    expect(decideSsoPerson({ personId: 'p', disabled: false, isMember: false })).toEqual({
      ok: false,
      reason: 'not_a_member',
    });
    expect(decideSsoPerson({ personId: 'p', disabled: true, isMember: true })).toEqual({
      ok: false,
      reason: 'disabled',
    });
    expect(decideSsoPerson({ personId: 'p', disabled: false, isMember: true })).toEqual({ ok: true });
  });
});

describe('isAcceptableProviderUrl', () => {
  it('wants HTTPS, or plain HTTP on this machine only', () => {
    expect(isAcceptableProviderUrl('https://cas.example.edu.cn/cas')).toBe(true);
    expect(isAcceptableProviderUrl('http://127.0.0.1:8443/cas')).toBe(true);
    expect(isAcceptableProviderUrl('http://localhost/cas')).toBe(true);
    expect(isAcceptableProviderUrl('http://cas.example.edu.cn/cas')).toBe(false);
    expect(isAcceptableProviderUrl('https://user:secret@cas.example.edu.cn/cas')).toBe(false);
    expect(isAcceptableProviderUrl('ftp://cas.example.edu.cn')).toBe(false);
    expect(isAcceptableProviderUrl('not a url')).toBe(false);
  });
});
