import type { IdentityProviderView, PutIdentityProviderInput } from '../../api/contracts.js';

/** The settings form: both protocols' fields side by side (only the chosen one's are shown and sent). */
export interface ProviderForm {
  displayName: string;
  protocol: 'cas' | 'oidc';
  matchBy: 'login_id' | 'email';
  enabled: boolean;
  config: {
    serverUrl?: string;
    version?: '2.0' | '3.0';
    attribute?: string;
    issuer?: string;
    clientId?: string;
    /** Write-only: empty keeps the stored secret. */
    clientSecret?: string;
    scopes?: string;
    claim?: string;
  };
}

/** The form's first values: the stored settings (never a secret: the API does not send it), or the defaults. */
export function providerForm(provider: IdentityProviderView | null): ProviderForm {
  const defaults: ProviderForm = {
    displayName: '',
    protocol: 'cas',
    matchBy: 'login_id',
    enabled: true,
    config: { version: '3.0', attribute: '', scopes: 'openid profile email', claim: 'preferred_username' },
  };
  if (!provider) return defaults;
  const { config } = provider;
  return {
    displayName: provider.displayName,
    protocol: config.protocol,
    matchBy: provider.matchBy,
    enabled: provider.enabled,
    config:
      config.protocol === 'cas'
        ? {
            ...defaults.config,
            serverUrl: config.serverUrl,
            version: config.version,
            attribute: config.attribute ?? '',
          }
        : {
            ...defaults.config,
            issuer: config.issuer,
            clientId: config.clientId,
            clientSecret: '',
            scopes: config.scopes,
            claim: config.claim,
          },
  };
}

/** The PUT body: the chosen protocol's fields only; an empty secret is left out, so the stored one stays. */
export function providerRequest(values: ProviderForm): PutIdentityProviderInput {
  const text = (value: string | undefined) => (value ?? '').trim();
  const base = { displayName: text(values.displayName), matchBy: values.matchBy, enabled: values.enabled };
  if (values.protocol === 'cas') {
    return {
      ...base,
      config: {
        protocol: 'cas',
        serverUrl: text(values.config.serverUrl),
        version: values.config.version ?? '3.0',
        attribute: text(values.config.attribute) || null,
      },
    };
  }
  const secret = values.config.clientSecret ?? '';
  return {
    ...base,
    config: {
      protocol: 'oidc',
      issuer: text(values.config.issuer),
      clientId: text(values.config.clientId),
      ...(secret ? { clientSecret: secret } : {}),
      scopes: text(values.config.scopes) || 'openid profile email',
      claim: text(values.config.claim) || 'preferred_username',
    },
  };
}
