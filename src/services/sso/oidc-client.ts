import * as openid from 'openid-client';
import { boundedFetch, OutboundRequestError, type OutboundLimits } from './bounded-fetch.js';

/** The OIDC settings of one organisation, as stored (the client secret included). */
export interface OidcSettings {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string | null;
  readonly scopes: string;
}

/** Why an OpenID Connect exchange failed, as the sign-in reports it. */
export class OidcFailure extends Error {
  constructor(
    readonly reason: 'provider_unreachable' | 'malformed_response' | 'token_rejected' | 'provider_error',
    message: string,
  ) {
    super(message);
  }
}

const DISCOVERY_TTL_MS = 5 * 60 * 1000;

/**
 * OpenID Connect through `openid-client` (v6): discovery (remembered per issuer for 5 minutes, so a sign-in costs
 * the provider one token request, not three), the authorization URL with PKCE (S256), state and nonce, and the code
 * exchange whose ID token the library validates (signature against the provider's keys, issuer, audience, expiry,
 * nonce). Every request carries a deadline and a size cap (`boundedFetch`).
 */
export class OidcClient {
  private readonly discovered = new Map<string, { metadata: openid.ServerMetadata; at: number }>();

  constructor(
    private readonly limits: OutboundLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** Forgets discovered metadata (after an administrator changes the provider). */
  forget(issuer: string): void {
    this.discovered.delete(issuer);
  }

  async authorizationUrl(
    settings: OidcSettings,
    request: { redirectUri: string; state: string; nonce: string; codeVerifier: string },
  ): Promise<string> {
    const config = await this.configuration(settings);
    const url = openid.buildAuthorizationUrl(config, {
      redirect_uri: request.redirectUri,
      scope: settings.scopes,
      state: request.state,
      nonce: request.nonce,
      code_challenge: await openid.calculatePKCECodeChallenge(request.codeVerifier),
      code_challenge_method: 'S256',
    });
    return url.href;
  }

  /**
   * Exchanges the code of the callback (`currentUrl`: our callback URL with the provider's query) for tokens; returns
   * the ID token's claims, completed from the UserInfo endpoint when the wanted claim is not in the ID token (a
   * provider that keeps scope claims out of ID tokens).
   */
  async exchange(
    settings: OidcSettings,
    currentUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
    wantedClaim: string,
  ): Promise<Record<string, unknown>> {
    const config = await this.configuration(settings);
    let tokens: Awaited<ReturnType<typeof openid.authorizationCodeGrant>>;
    try {
      tokens = await openid.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      throw this.failureOf(error);
    }
    const claims = tokens.claims();
    if (!claims) throw new OidcFailure('token_rejected', 'no ID token in the token response');
    const result: Record<string, unknown> = { ...claims };
    if (result[wantedClaim] === undefined && config.serverMetadata().userinfo_endpoint) {
      try {
        const userInfo = await openid.fetchUserInfo(config, tokens.access_token, claims.sub);
        for (const [key, value] of Object.entries(userInfo)) if (result[key] === undefined) result[key] = value;
      } catch (error) {
        throw this.failureOf(error);
      }
    }
    return result;
  }

  private async configuration(settings: OidcSettings): Promise<openid.Configuration> {
    const insecure = new URL(settings.issuer).protocol === 'http:';
    const cached = this.discovered.get(settings.issuer);
    let metadata: openid.ServerMetadata;
    if (cached && this.now() - cached.at < DISCOVERY_TTL_MS) {
      metadata = cached.metadata;
    } else {
      try {
        const discovered = await openid.discovery(new URL(settings.issuer), settings.clientId, undefined, undefined, {
          [openid.customFetch]: this.fetch,
          timeout: Math.ceil(this.limits.timeoutMs / 1000),
          ...(insecure ? { execute: [openid.allowInsecureRequests] } : {}),
        });
        metadata = { ...discovered.serverMetadata() };
      } catch (error) {
        throw this.failureOf(error);
      }
      this.discovered.set(settings.issuer, { metadata, at: this.now() });
    }
    const config = new openid.Configuration(
      metadata,
      settings.clientId,
      settings.clientSecret ?? undefined,
      settings.clientSecret ? openid.ClientSecretPost(settings.clientSecret) : openid.None(),
    );
    config.timeout = Math.ceil(this.limits.timeoutMs / 1000);
    config[openid.customFetch] = this.fetch;
    // Plain HTTP only for a provider on this machine (checked when the settings are saved).
    if (insecure) openid.allowInsecureRequests(config);
    return config;
  }

  private readonly fetch: openid.CustomFetch = (url, options) =>
    boundedFetch(url, { ...options, body: options.body as RequestInit['body'] }, this.limits);

  private failureOf(error: unknown): OidcFailure {
    if (error instanceof OidcFailure) return error;
    const cause = (error as { cause?: unknown } | null)?.cause;
    if (error instanceof OutboundRequestError || cause instanceof OutboundRequestError) {
      return new OidcFailure('provider_unreachable', (error as Error).message);
    }
    if (error instanceof openid.AuthorizationResponseError) {
      return new OidcFailure(
        'provider_error',
        `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`,
      );
    }
    if (error instanceof openid.ResponseBodyError) {
      return new OidcFailure(
        'token_rejected',
        `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`,
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof SyntaxError || /JSON|parse/iu.test(message))
      return new OidcFailure('malformed_response', message);
    return new OidcFailure('token_rejected', message);
  }
}
