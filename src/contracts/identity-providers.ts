import { z } from 'zod';
import { uuidSchema } from './common.js';

/**
 * Unified sign-in (统一身份认证, issue 17): a college (or an enterprise) signs its people in through its own identity
 * provider — CAS 2.0/3.0 or OpenID Connect — mapped to people by 学号/工号 (`login_id`) or e-mail. Local passwords stay
 * for organisations without one. The client secret is write-only: the API never returns it.
 */
export const casConfigSchema = z
  .object({
    protocol: z.literal('cas'),
    /** The CAS server's base URL, e.g. https://cas.example.edu.cn/cas (login at /login, validation below it). */
    serverUrl: z.url().max(500),
    version: z.enum(['2.0', '3.0']).default('3.0'),
    /** CAS 3.0: the attribute carrying the 学号/工号 or e-mail; the CAS user name when absent. */
    attribute: z.string().trim().max(100).nullable().default(null),
  })
  .strict();

export const oidcConfigSchema = z
  .object({
    protocol: z.literal('oidc'),
    /** The issuer URL; its /.well-known/openid-configuration is read. */
    issuer: z.url().max(500),
    clientId: z.string().trim().min(1).max(200),
    /** Write-only: omitted (or null) on update keeps the stored one. */
    clientSecret: z.string().min(1).max(500).nullable().optional(),
    scopes: z.string().trim().max(200).default('openid profile email'),
    /** The ID-token claim carrying the 学号/工号 or e-mail (e.g. `preferred_username`, `student_id`, `email`). */
    claim: z.string().trim().min(1).max(100).default('preferred_username'),
  })
  .strict();

export const identityProviderConfigSchema = z.discriminatedUnion('protocol', [casConfigSchema, oidcConfigSchema]);

export const putIdentityProviderRequestSchema = z
  .object({
    displayName: z.string().trim().min(1).max(100),
    matchBy: z.enum(['login_id', 'email']),
    enabled: z.boolean().default(true),
    config: identityProviderConfigSchema,
  })
  .strict();
export type PutIdentityProviderRequest = z.infer<typeof putIdentityProviderRequestSchema>;

export const identityProviderSchema = z.object({
  organisationId: uuidSchema,
  displayName: z.string(),
  matchBy: z.enum(['login_id', 'email']),
  enabled: z.boolean(),
  /** The configuration without the client secret; `hasClientSecret` says whether one is stored. */
  config: z.union([
    casConfigSchema,
    oidcConfigSchema.omit({ clientSecret: true }).extend({ hasClientSecret: z.boolean() }),
  ]),
  /** Where the identity provider must send people back (register it there). */
  callbackUrl: z.string(),
  updatedAt: z.string(),
});
export type IdentityProviderView = z.infer<typeof identityProviderSchema>;

/** Public: the organisations whose people may sign in through their identity provider (for the sign-in page). */
export const ssoProviderListSchema = z.object({
  items: z.array(
    z.object({
      organisationId: uuidSchema,
      organisationNameZh: z.string(),
      organisationNameEn: z.string(),
      displayName: z.string(),
      protocol: z.enum(['cas', 'oidc']),
    }),
  ),
});

export const ssoStartParamsSchema = z.object({ organisationId: uuidSchema }).strict();
export const ssoStartQuerySchema = z.object({ returnTo: z.string().max(500).optional() }).strict();
/** The identity provider's answer: OIDC `code` + `state`, or a CAS `ticket` (state in the service URL). */
export const ssoCallbackQuerySchema = z
  .object({
    state: z.string().max(200).optional(),
    code: z.string().max(2000).optional(),
    ticket: z.string().max(500).optional(),
    error: z.string().max(200).optional(),
    error_description: z.string().max(1000).optional(),
    iss: z.string().max(500).optional(),
    session_state: z.string().max(500).optional(),
  })
  .strict();

/**
 * An admin's test sign-in (`POST …/identity-provider/test`, which also sets the browser's state cookie): send the
 * browser to `redirectUrl`; nobody is signed in, and the browser comes back to
 * `/settings/identity-provider?test=ok|failed&identifier=…&person=…&reason=<SsoFailureReason>&detail=…`.
 */
export const ssoTestStartSchema = z.object({ redirectUrl: z.string() });
export const ssoTestResultSchema = z.object({
  ok: z.boolean(),
  /** The identifier the provider answered with, and the person it maps to (if any). */
  identifier: z.string().nullable(),
  personDisplayName: z.string().nullable(),
  reason: z.string().nullable(),
});

/**
 * Why a sign-in through an identity provider was refused: the stable code the callback puts in `?sso_error=` (and
 * a test sign-in in `reason=`), and `details.reason` of the `sso.failed` audit event.
 */
export const SSO_FAILURE_REASONS = [
  /** The organisation has no identity provider, or it is switched off. */
  'not_configured',
  /** The answer carried no state, a state we never issued (tampered), or one this browser did not start. */
  'state_missing',
  'state_unknown',
  'state_mismatch',
  /** The sign-in attempt is older than 10 minutes, or its answer was already used once. */
  'attempt_expired',
  'attempt_used',
  /** The identity provider answered with an error (OIDC `error=`, e.g. access_denied). */
  'provider_error',
  /** The identity provider could not be reached in time, or answered too much. */
  'provider_unreachable',
  /** CAS: no ticket; a ticket already validated once (replayed); the CAS server refused the ticket. */
  'ticket_missing',
  'ticket_replayed',
  'ticket_rejected',
  /** The identity provider's answer is not what the protocol says (not XML, no user, not JSON…). */
  'malformed_response',
  /** OIDC: the code exchange or the ID token failed validation (signature, issuer, audience, nonce, PKCE…). */
  'token_rejected',
  /** The configured claim or attribute is absent from the answer. */
  'identifier_missing',
  /** No person with that 学号/工号 or e-mail; a person of another organisation; a disabled account. */
  'unknown_person',
  'not_a_member',
  'disabled',
  /** Too many sign-in navigations from one client in a minute (answered 429; audited once per client and minute). */
  'rate_limited',
] as const;
export const ssoFailureReasonSchema = z.enum(SSO_FAILURE_REASONS);
export type SsoFailureReason = z.infer<typeof ssoFailureReasonSchema>;
