import { describe, expect, it } from 'vitest';
import { providerForm, providerRequest } from './identity-provider-form.js';

describe('identity provider form', () => {
  it('sends the chosen protocol’s fields only, without an empty secret', () => {
    const values = {
      ...providerForm(null),
      displayName: ' 示例学院统一身份认证 ',
      protocol: 'oidc' as const,
      config: { issuer: 'https://idp.example.edu.cn', clientId: 'zerodock', clientSecret: '', serverUrl: 'x' },
    };
    expect(providerRequest(values)).toEqual({
      displayName: '示例学院统一身份认证',
      matchBy: 'login_id',
      enabled: true,
      config: {
        protocol: 'oidc',
        issuer: 'https://idp.example.edu.cn',
        clientId: 'zerodock',
        scopes: 'openid profile email',
        claim: 'preferred_username',
      },
    });
  });

  it('sends CAS with no attribute as null and keeps the version', () => {
    const request = providerRequest({
      ...providerForm(null),
      displayName: 'CAS',
      config: { serverUrl: 'https://cas.example.edu.cn/cas', version: '2.0', attribute: ' ' },
    });
    expect(request.config).toEqual({
      protocol: 'cas',
      serverUrl: 'https://cas.example.edu.cn/cas',
      version: '2.0',
      attribute: null,
    });
  });

  it('starts from the stored settings, never with a secret', () => {
    const form = providerForm({
      organisationId: '00000000-0000-4000-8000-000000000000',
      displayName: 'OIDC',
      matchBy: 'email',
      enabled: false,
      config: {
        protocol: 'oidc',
        issuer: 'https://idp',
        clientId: 'c',
        scopes: 'openid',
        claim: 'email',
        hasClientSecret: true,
      },
      callbackUrl: 'https://zerodock/api/auth/sso/x/callback',
      updatedAt: '2026-12-07T00:00:00Z',
    });
    expect(form.protocol).toBe('oidc');
    expect(form.config.clientSecret).toBe('');
    expect(form.matchBy).toBe('email');
  });
});
