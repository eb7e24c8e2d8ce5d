import { createHash, randomBytes } from 'node:crypto';
import type {
  IdentityProviderView,
  PutIdentityProviderRequest,
  SsoFailureReason,
} from '../../contracts/identity-providers.js';
import type { Actor } from '../../core/access/actor.js';
import { decideSsoPerson, isAcceptableProviderUrl, safeReturnPath } from '../../core/access/sso-sign-in.js';
import { DomainError } from '../../core/errors/domain-error.js';
import type {
  IdentityProviderRecord,
  SsoAttemptRecord,
  StoredIdentityProviderConfig,
} from '../../storage/repositories/identity-provider.repository.js';
import { startSession, type AuthenticatedSession, type RequestOrigin } from '../auth-service.js';
import type { ServiceContext } from '../service-context.js';
import { DEFAULT_OUTBOUND_LIMITS, OutboundRequestError, type OutboundLimits } from './bounded-fetch.js';
import { casLoginUrl, validateCasTicket } from './cas-client.js';
import { OidcClient, OidcFailure } from './oidc-client.js';

/** A sign-in attempt (state, nonce, PKCE verifier) is good for 10 minutes, once. */
export const SSO_ATTEMPT_MS = 10 * 60 * 1000;
/** Attempts and remembered CAS tickets are forgotten after a day (a CAS server's tickets live minutes). */
const SSO_RETENTION_MS = 24 * 60 * 60 * 1000;
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;

/** The outbound side of unified sign-in, one per server: the OIDC client (discovery cache) and the request limits. */
export class SsoClients {
  readonly oidc: OidcClient;
  lastSweep = 0;
  constructor(readonly limits: OutboundLimits = DEFAULT_OUTBOUND_LIMITS) {
    this.oidc = new OidcClient(limits);
  }
}

/** The web page that shows the result of an administrator's test sign-in. */
export const TEST_RESULT_PATH = '/settings/identity-provider';

function view(provider: IdentityProviderRecord, callbackUrl: string): IdentityProviderView {
  const config = provider.config;
  return {
    organisationId: provider.organisationId,
    displayName: provider.displayName,
    matchBy: provider.matchBy,
    enabled: provider.enabled,
    config:
      config.protocol === 'cas'
        ? config
        : {
            protocol: 'oidc',
            issuer: config.issuer,
            clientId: config.clientId,
            scopes: config.scopes,
            claim: config.claim,
            hasClientSecret: config.clientSecret !== null,
          },
    callbackUrl,
    updatedAt: provider.updatedAt.toISOString(),
  };
}

async function requireProvider(context: ServiceContext, organisationId: string, callbackUrl: string) {
  const provider = await context.store.repositories.identityProviders.find(organisationId);
  if (!provider) {
    // The callback URL is what an administrator registers at the provider before configuring it here.
    throw new DomainError('IDENTITY_PROVIDER_NOT_FOUND', 'This organisation has no identity provider', {
      callbackUrl,
    });
  }
  return provider;
}

/** The organisation's identity provider without its client secret, and the callback URL to register there. */
export async function getIdentityProvider(
  context: ServiceContext,
  organisationId: string,
  callbackUrl: string,
): Promise<IdentityProviderView> {
  return view(await requireProvider(context, organisationId, callbackUrl), callbackUrl);
}

/**
 * Creates or replaces the organisation's identity provider. The OIDC client secret is write-only: omitted (or null),
 * the stored one is kept (when the provider stays OIDC).
 */
export async function saveIdentityProvider(
  context: ServiceContext,
  clients: SsoClients,
  actor: Actor,
  organisationId: string,
  request: PutIdentityProviderRequest,
  callbackUrl: string,
): Promise<IdentityProviderView> {
  const now = context.clock();
  const url = request.config.protocol === 'cas' ? request.config.serverUrl : request.config.issuer;
  const field = request.config.protocol === 'cas' ? 'config.serverUrl' : 'config.issuer';
  if (!isAcceptableProviderUrl(url)) {
    throw new DomainError('VALIDATION_FAILED', 'The identity provider must be reached over HTTPS', {
      field,
      reason: 'https-required',
    });
  }
  const saved = await context.store.transaction(async (transaction) => {
    const previous = await transaction.identityProviders.find(organisationId);
    let config: StoredIdentityProviderConfig;
    let secretChanged = false;
    if (request.config.protocol === 'cas') {
      config = { ...request.config, attribute: request.config.attribute || null };
    } else {
      const keptSecret = previous?.config.protocol === 'oidc' ? previous.config.clientSecret : null;
      secretChanged = Boolean(request.config.clientSecret);
      config = {
        protocol: 'oidc',
        issuer: request.config.issuer,
        clientId: request.config.clientId,
        clientSecret: request.config.clientSecret || keptSecret,
        scopes: request.config.scopes,
        claim: request.config.claim,
      };
    }
    const record: IdentityProviderRecord = {
      organisationId,
      displayName: request.displayName,
      matchBy: request.matchBy,
      enabled: request.enabled,
      config,
      updatedBy: actor.personId,
      updatedAt: now,
    };
    await transaction.identityProviders.save(record);
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'identity_provider.updated',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: {
        protocol: config.protocol,
        url,
        matchBy: request.matchBy,
        enabled: request.enabled,
        created: !previous,
        // Never the secret itself: only that it changed.
        ...(config.protocol === 'oidc' ? { clientSecretChanged: secretChanged } : {}),
      },
    });
    return record;
  });
  if (saved.config.protocol === 'oidc') clients.oidc.forget(saved.config.issuer);
  return view(saved, callbackUrl);
}

export async function deleteIdentityProvider(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  callbackUrl: string,
): Promise<void> {
  await context.store.transaction(async (transaction) => {
    const previous = await transaction.identityProviders.find(organisationId);
    if (!previous || !(await transaction.identityProviders.delete(organisationId))) {
      throw new DomainError('IDENTITY_PROVIDER_NOT_FOUND', 'This organisation has no identity provider', {
        callbackUrl,
      });
    }
    await transaction.auditEvents.record({
      occurredAt: context.clock(),
      action: 'identity_provider.deleted',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { protocol: previous.config.protocol },
    });
  });
}

/** The switched-on identity providers, for the sign-in page's buttons. */
export async function listSsoProviders(context: ServiceContext) {
  return { items: await context.store.repositories.identityProviders.listEnabled() };
}

/** A refusal of a sign-in through an identity provider, with its stable reason. */
export function ssoFailure(reason: SsoFailureReason, detail: string): DomainError {
  const noPerson = reason === 'unknown_person' || reason === 'not_a_member' || reason === 'disabled';
  return new DomainError(
    noPerson ? 'SSO_NO_PERSON' : 'SSO_FAILED',
    `Sign-in through the identity provider refused: ${reason}${detail ? ` (${detail})` : ''}`,
    { reason, detail: detail.slice(0, 300) },
  );
}

/**
 * Starts a sign-in (or an administrator's test sign-in) at the organisation's identity provider: stores a single-use
 * attempt (state, nonce, PKCE verifier, where to return) and says where to send the browser. The state also goes to
 * the browser in a cookie (the route's), so that an answer is accepted only in the browser that started it.
 */
export async function startSsoSignIn(
  context: ServiceContext,
  clients: SsoClients,
  input: {
    organisationId: string;
    returnTo: string | undefined;
    callbackUrl: string;
    testOnly: boolean;
    ip: string | null;
  },
): Promise<{ state: string; redirectUrl: string }> {
  const { repositories } = context.store;
  const now = context.clock();
  const provider = await repositories.identityProviders.find(input.organisationId);
  if (!provider && input.testOnly) {
    throw new DomainError('IDENTITY_PROVIDER_NOT_FOUND', 'This organisation has no identity provider', {
      callbackUrl: input.callbackUrl,
    });
  }
  if (!provider || (!provider.enabled && !input.testOnly)) {
    const detail = provider ? 'the identity provider is switched off' : 'no identity provider';
    const known = provider ?? (await repositories.organisations.findById(input.organisationId));
    await recordRefusal(
      context,
      { organisationId: known ? input.organisationId : null, testOnly: false },
      'not_configured',
      detail,
      input.ip,
    );
    throw ssoFailure('not_configured', detail);
  }
  if (now.getTime() - clients.lastSweep > SWEEP_INTERVAL_MS) {
    clients.lastSweep = now.getTime();
    await repositories.identityProviders.deleteOlderThan(new Date(now.getTime() - SSO_RETENTION_MS));
  }
  const attempt = {
    state: randomBytes(32).toString('base64url'),
    organisationId: input.organisationId,
    nonce: randomBytes(32).toString('base64url'),
    codeVerifier: randomBytes(48).toString('base64url'),
    returnTo: input.testOnly ? TEST_RESULT_PATH : safeReturnPath(input.returnTo),
    testOnly: input.testOnly,
    createdAt: now,
    expiresAt: new Date(now.getTime() + SSO_ATTEMPT_MS),
  };
  let redirectUrl: string;
  const config = provider.config;
  if (config.protocol === 'cas') {
    redirectUrl = casLoginUrl(config.serverUrl, casServiceUrl(input.callbackUrl, attempt.state));
  } else {
    try {
      redirectUrl = await clients.oidc.authorizationUrl(config, {
        redirectUri: input.callbackUrl,
        state: attempt.state,
        nonce: attempt.nonce,
        codeVerifier: attempt.codeVerifier,
      });
    } catch (error) {
      const failure = error instanceof OidcFailure ? error : new OidcFailure('token_rejected', String(error));
      const facts = { organisationId: input.organisationId, testOnly: input.testOnly, protocol: 'oidc' as const };
      await recordRefusal(context, facts, failure.reason, failure.message, input.ip);
      throw ssoFailure(failure.reason, failure.message);
    }
  }
  await repositories.identityProviders.createAttempt(attempt);
  return { state: attempt.state, redirectUrl };
}

/** The CAS `service`: our callback with the attempt's state (CAS carries no state of its own). */
export function casServiceUrl(callbackUrl: string, state: string): string {
  const url = new URL(callbackUrl);
  url.searchParams.set('state', state);
  return url.href;
}

export interface SsoCallbackInput {
  readonly organisationId: string;
  readonly query: { state?: string; code?: string; ticket?: string; error?: string; error_description?: string };
  /** The raw query string of the callback (`a=1&b=2`), as the identity provider sent it. */
  readonly rawQuery: string;
  readonly callbackUrl: string;
  /** The state the browser holds in its cookie (set when this browser started the attempt). */
  readonly browserState: string | undefined;
  readonly origin: RequestOrigin;
}

export type SsoCallbackOutcome =
  | { kind: 'signed-in'; token: string; auth: AuthenticatedSession; returnTo: string }
  | {
      kind: 'tested';
      ok: boolean;
      identifier: string | null;
      personDisplayName: string | null;
      reason: SsoFailureReason | null;
      detail: string | null;
    }
  | { kind: 'refused'; reason: SsoFailureReason; detail: string };

interface RefusalContext {
  organisationId: string | null;
  testOnly: boolean;
  protocol?: 'cas' | 'oidc';
  personId?: string;
  identifier?: string;
}

async function recordRefusal(
  context: ServiceContext,
  facts: RefusalContext,
  reason: SsoFailureReason,
  detail: string,
  ip: string | null,
): Promise<void> {
  await context.store.repositories.auditEvents.record({
    occurredAt: context.clock(),
    action: 'sso.failed',
    actorPersonId: facts.personId ?? null,
    actorEmail: facts.identifier?.slice(0, 254) ?? null,
    organisationId: facts.organisationId,
    ip,
    details: {
      reason,
      detail: detail.slice(0, 300),
      ...(facts.protocol ? { protocol: facts.protocol } : {}),
      ...(facts.identifier ? { identifier: facts.identifier.slice(0, 254) } : {}),
      ...(facts.testOnly ? { testOnly: true } : {}),
    },
  });
}

/**
 * The identity provider's answer: checks the attempt (this browser's, known, unused, not expired), validates the
 * answer with the provider (CAS ticket, once; OIDC code exchange and ID token), maps the identifier to a person of this
 * organisation, and opens a session — or, for a test attempt, only reports what it found. Every refusal is audited as
 * `sso.failed` with its reason, and returned (never thrown) so the route can send the browser back to a page.
 */
export async function completeSsoSignIn(
  context: ServiceContext,
  clients: SsoClients,
  input: SsoCallbackInput,
): Promise<SsoCallbackOutcome> {
  const { repositories } = context.store;
  const facts: RefusalContext = { organisationId: null, testOnly: false };
  const refuse = async (reason: SsoFailureReason, detail: string): Promise<SsoCallbackOutcome> => {
    if (facts.organisationId === null && (await repositories.organisations.findById(input.organisationId))) {
      facts.organisationId = input.organisationId;
    }
    await recordRefusal(context, facts, reason, detail, input.origin.ip);
    if (facts.testOnly) {
      return {
        kind: 'tested',
        ok: false,
        identifier: facts.identifier ?? null,
        personDisplayName: null,
        reason,
        detail: detail.slice(0, 300),
      };
    }
    return { kind: 'refused', reason, detail };
  };

  const state = input.query.state;
  if (!state) return refuse('state_missing', 'the answer carries no state');
  if (!input.browserState || input.browserState !== state) {
    return refuse('state_mismatch', 'the sign-in was not started in this browser');
  }
  const now = context.clock();
  const consumed = await repositories.identityProviders.consumeAttempt(state, input.organisationId, now);
  if (consumed.outcome !== 'consumed') {
    return consumed.outcome === 'unknown'
      ? refuse('state_unknown', 'no sign-in attempt has this state')
      : refuse('attempt_used', 'this answer was already used');
  }
  const attempt: SsoAttemptRecord = consumed.attempt;
  facts.organisationId = attempt.organisationId;
  facts.testOnly = attempt.testOnly;
  if (attempt.expiresAt.getTime() <= now.getTime()) {
    return refuse('attempt_expired', `started ${attempt.createdAt.toISOString()}`);
  }
  const provider = await repositories.identityProviders.find(attempt.organisationId);
  if (!provider || (!provider.enabled && !attempt.testOnly)) {
    return refuse('not_configured', 'the identity provider was removed or switched off');
  }
  facts.protocol = provider.config.protocol;

  // The identifier the provider vouches for.
  let identifier: string;
  const config = provider.config;
  if (config.protocol === 'cas') {
    const ticket = input.query.ticket;
    if (!ticket) return refuse('ticket_missing', 'the CAS server sent no ticket');
    const ticketHash = createHash('sha256').update(ticket).digest('hex');
    if (!(await repositories.identityProviders.recordTicket(ticketHash, attempt.organisationId, now))) {
      return refuse('ticket_replayed', 'this ticket was validated before');
    }
    let validation: Awaited<ReturnType<typeof validateCasTicket>>;
    try {
      validation = await validateCasTicket(
        config.serverUrl,
        config.version,
        casServiceUrl(input.callbackUrl, state),
        ticket,
        clients.limits,
      );
    } catch (error) {
      if (error instanceof OutboundRequestError) {
        return refuse(error.kind === 'too_large' ? 'malformed_response' : 'provider_unreachable', error.message);
      }
      throw error;
    }
    if (validation.kind === 'malformed') return refuse('malformed_response', validation.problem);
    if (validation.kind === 'failure') {
      return refuse('ticket_rejected', `${validation.code}${validation.message ? `: ${validation.message}` : ''}`);
    }
    const value = config.attribute ? validation.attributes[config.attribute]?.[0] : validation.user;
    if (!value) {
      return refuse('identifier_missing', `no attribute ${config.attribute ?? 'user'} (user ${validation.user})`);
    }
    identifier = value;
  } else {
    if (input.query.error) {
      const description = input.query.error_description ? `: ${input.query.error_description}` : '';
      return refuse('provider_error', `${input.query.error}${description}`);
    }
    if (!input.query.code) return refuse('malformed_response', 'the answer carries neither a code nor an error');
    const currentUrl = new URL(input.callbackUrl);
    currentUrl.search = input.rawQuery;
    let claims: Record<string, unknown>;
    try {
      claims = await clients.oidc.exchange(
        config,
        currentUrl,
        { state, nonce: attempt.nonce, codeVerifier: attempt.codeVerifier },
        config.claim,
      );
    } catch (error) {
      if (error instanceof OidcFailure) return refuse(error.reason, error.message);
      throw error;
    }
    const value = claims[config.claim];
    if (typeof value !== 'string' && typeof value !== 'number') {
      return refuse('identifier_missing', `no claim ${config.claim} (sub ${String(claims.sub)})`);
    }
    identifier = String(value).trim();
    if (!identifier) return refuse('identifier_missing', `the claim ${config.claim} is empty`);
  }
  facts.identifier = identifier.slice(0, 254);

  const match = await repositories.identityProviders.findPerson(attempt.organisationId, provider.matchBy, identifier);
  if (match) facts.personId = match.personId;
  const decision = decideSsoPerson(match);
  if (!decision.ok) {
    const by = provider.matchBy === 'login_id' ? '学号/工号' : 'e-mail';
    return refuse(decision.reason, `${by} ${identifier.slice(0, 100)}`);
  }
  if (attempt.testOnly) {
    return {
      kind: 'tested',
      ok: true,
      identifier,
      personDisplayName: match?.displayName ?? null,
      reason: null,
      detail: null,
    };
  }
  const person = await repositories.people.findById(match!.personId);
  if (!person || person.disabled) return refuse('disabled', `person ${match!.personId}`);
  const { token, auth } = await startSession(context, person, input.origin, now, {
    method: provider.config.protocol,
    organisationId: attempt.organisationId,
    auditAction: 'sso.login',
    auditDetails: { protocol: provider.config.protocol, identifier, matchBy: provider.matchBy },
  });
  return { kind: 'signed-in', token, auth, returnTo: attempt.returnTo };
}
