import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { okResponseSchema } from '../../contracts/auth.js';
import { errorBodySchema } from '../../contracts/common.js';
import {
  identityProviderSchema,
  putIdentityProviderRequestSchema,
  ssoCallbackQuerySchema,
  ssoProviderListSchema,
  ssoStartParamsSchema,
  ssoStartQuerySchema,
  ssoTestStartSchema,
} from '../../contracts/identity-providers.js';
import { organisationIdParamsSchema } from '../../contracts/organisations.js';
import { IDENTITY_PROVIDER_ADMIN_ROLES } from '../../core/access/roles.js';
import { DomainError } from '../../core/errors/domain-error.js';
import {
  SSO_ATTEMPT_MS,
  SsoClients,
  TEST_RESULT_PATH,
  completeSsoSignIn,
  deleteIdentityProvider,
  getIdentityProvider,
  listSsoProviders,
  saveIdentityProvider,
  startSsoSignIn,
} from '../../services/sso/sso-service.js';
import { FixedWindowLimiter } from '../fixed-window-limiter.js';
import { setSessionCookie } from '../session-view.js';
import { originOf, requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
const admins = { access: { kind: 'organisation-role', roles: IDENTITY_PROVIDER_ADMIN_ROLES } } as const;
const tags = ['sign-in'];

/** Binds a sign-in attempt to the browser that started it (login CSRF: an attacker's answer in a victim's browser). */
export const SSO_STATE_COOKIE = 'zd_sso_state';
const SSO_COOKIE_PATH = '/api/auth/sso';
/** Where a refused sign-in lands: the web sign-in page, which explains `sso_error`. */
export const SIGN_IN_PATH = '/login';

/**
 * Unified sign-in (CAS 2.0/3.0, OpenID Connect) and the administration of an organisation's identity provider.
 *
 * `start` and `callback` are browser navigations, so they answer with redirects, never JSON: to the identity
 * provider; back to `returnTo` (a same-origin path) once signed in; to `/login?sso_error=<reason>` when refused
 * (reasons: SSO_FAILURE_REASONS); and for an administrator's test sign-in to
 * `/settings/identity-provider?test=ok|failed&identifier=…&person=…&reason=…&detail=…` without signing anyone in.
 */
export function registerSsoRoutes(app: ZodApp, dependencies: RouteDependencies): void {
  const { services } = dependencies;
  const clients = new SsoClients();
  const baseOf = (request: FastifyRequest) => dependencies.publicUrl ?? `${request.protocol}://${request.host}`;
  const callbackUrlOf = (request: FastifyRequest, organisationId: string) =>
    `${baseOf(request)}/api/auth/sso/${organisationId}/callback`;
  // A sign-in is a handful of navigations; far more from one client in a minute is a flood (each refusal is audited).
  // Refusals past the limit are audited too, once per client and minute (a flood is not a flood of writes).
  const auditThrottle = new FixedWindowLimiter(1, 60_000);
  const rateLimit = {
    max: dependencies.loginRateLimit * 6,
    timeWindow: 60_000,
    onExceeded: (request: FastifyRequest) => {
      if (auditThrottle.hit(request.ip) > 0) return;
      services.store.repositories.auditEvents
        .record({
          occurredAt: services.clock(),
          action: 'sso.failed',
          ip: request.ip,
          details: { reason: 'rate_limited', detail: request.url.split('?')[0]?.slice(0, 200) ?? '' },
        })
        .catch((error: unknown) => request.log.error({ err: error }, 'audit write failed'));
    },
  };
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.get(
    '/api/auth/sso/providers',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags,
        summary: 'The organisations whose people sign in through their identity provider (for the sign-in page)',
        response: { 200: ssoProviderListSchema },
      },
    },
    async () => listSsoProviders(services),
  );

  app.get(
    '/api/auth/sso/:organisationId/start',
    {
      config: { access: { kind: 'public' }, rateLimit },
      schema: {
        tags,
        summary:
          'Browser navigation: redirects to the organisation’s identity provider (or to /login?sso_error=… when it has none)',
        params: ssoStartParamsSchema,
        querystring: ssoStartQuerySchema,
      },
    },
    async (request, reply) => {
      noStore(reply);
      try {
        const started = await startSsoSignIn(services, clients, {
          organisationId: request.params.organisationId,
          returnTo: request.query.returnTo,
          callbackUrl: callbackUrlOf(request, request.params.organisationId),
          testOnly: false,
          ip: request.ip,
        });
        setStateCookie(reply, started.state, dependencies.cookieSecure);
        return reply.redirect(started.redirectUrl, 302);
      } catch (error) {
        if (error instanceof DomainError && error.code === 'SSO_FAILED') {
          return reply.redirect(refusedUrl(String(error.details.reason)), 302);
        }
        throw error;
      }
    },
  );

  app.get(
    '/api/auth/sso/:organisationId/callback',
    {
      config: { access: { kind: 'public' }, rateLimit },
      schema: {
        tags,
        summary:
          'Browser navigation: the identity provider’s answer; signs in and redirects to returnTo, or to /login?sso_error=…',
        params: ssoStartParamsSchema,
        // Providers add parameters of their own (scope, authuser…): the known ones are checked, others ignored.
        querystring: ssoCallbackQuerySchema.loose(),
      },
    },
    async (request, reply) => {
      noStore(reply);
      const browserState = request.cookies[SSO_STATE_COOKIE];
      void reply.clearCookie(SSO_STATE_COOKIE, { path: SSO_COOKIE_PATH });
      const rawQuery = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      const outcome = await completeSsoSignIn(services, clients, {
        organisationId: request.params.organisationId,
        query: request.query,
        rawQuery,
        callbackUrl: callbackUrlOf(request, request.params.organisationId),
        browserState,
        origin: originOf(request),
      });
      switch (outcome.kind) {
        case 'signed-in':
          setSessionCookie(reply, outcome.token, dependencies.cookieSecure);
          return reply.redirect(outcome.returnTo, 302);
        case 'tested': {
          const query = new URLSearchParams({ test: outcome.ok ? 'ok' : 'failed' });
          if (outcome.identifier) query.set('identifier', outcome.identifier);
          if (outcome.personDisplayName) query.set('person', outcome.personDisplayName);
          if (outcome.reason) query.set('reason', outcome.reason);
          if (outcome.detail) query.set('detail', outcome.detail);
          return reply.redirect(`${TEST_RESULT_PATH}?${query.toString()}`, 302);
        }
        case 'refused':
          return reply.redirect(refusedUrl(outcome.reason), 302);
      }
    },
  );

  app.get(
    '/api/organisations/:organisationId/identity-provider',
    {
      config: admins,
      schema: {
        tags,
        summary:
          'The organisation’s identity provider (never its client secret) and the callback URL to register there; 404 IDENTITY_PROVIDER_NOT_FOUND (with details.callbackUrl) when none',
        params: organisationIdParamsSchema,
        response: { 200: identityProviderSchema, ...errors },
      },
    },
    async (request) =>
      getIdentityProvider(
        services,
        request.params.organisationId,
        callbackUrlOf(request, request.params.organisationId),
      ),
  );

  app.put(
    '/api/organisations/:organisationId/identity-provider',
    {
      config: admins,
      schema: {
        tags,
        summary:
          'Configure the organisation’s identity provider (CAS 2.0/3.0 or OpenID Connect); an omitted client secret keeps the stored one',
        params: organisationIdParamsSchema,
        body: putIdentityProviderRequestSchema,
        response: { 200: identityProviderSchema, ...errors },
      },
    },
    async (request) =>
      saveIdentityProvider(
        services,
        clients,
        requireAuth(request).actor,
        request.params.organisationId,
        request.body,
        callbackUrlOf(request, request.params.organisationId),
      ),
  );

  app.delete(
    '/api/organisations/:organisationId/identity-provider',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Remove the organisation’s identity provider (its people sign in with passwords again)',
        params: organisationIdParamsSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await deleteIdentityProvider(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        callbackUrlOf(request, request.params.organisationId),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/api/organisations/:organisationId/identity-provider/test',
    {
      config: admins,
      schema: {
        tags,
        summary:
          'Start a test sign-in (also while switched off): open redirectUrl; the answer is shown at /settings/identity-provider without signing in',
        params: organisationIdParamsSchema,
        body: z.object({}).strict().nullish(),
        response: { 200: ssoTestStartSchema, ...errors },
      },
    },
    async (request, reply) => {
      const started = await startSsoSignIn(services, clients, {
        organisationId: request.params.organisationId,
        returnTo: undefined,
        callbackUrl: callbackUrlOf(request, request.params.organisationId),
        testOnly: true,
        ip: request.ip,
      });
      setStateCookie(reply, started.state, dependencies.cookieSecure);
      return { redirectUrl: started.redirectUrl };
    },
  );
}

function setStateCookie(reply: FastifyReply, state: string, secure: boolean): void {
  void reply.setCookie(SSO_STATE_COOKIE, state, {
    httpOnly: true,
    // Lax: sent on the provider's top-level redirect back to the callback, never on a cross-site subrequest.
    sameSite: 'lax',
    secure,
    path: SSO_COOKIE_PATH,
    maxAge: SSO_ATTEMPT_MS / 1000,
  });
}

function refusedUrl(reason: string): string {
  return `${SIGN_IN_PATH}?${new URLSearchParams({ sso_error: reason }).toString()}`;
}
