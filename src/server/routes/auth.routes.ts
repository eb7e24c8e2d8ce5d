import type { FastifyRequest } from 'fastify';
import {
  activeOrganisationRequestSchema,
  changePasswordRequestSchema,
  demoAccountsResponseSchema,
  localeRequestSchema,
  loginRequestSchema,
  okResponseSchema,
  sessionResponseSchema,
} from '../../contracts/auth.js';
import { redeemCodeRequestSchema } from '../../contracts/accounts.js';
import { errorBodySchema } from '../../contracts/common.js';
import { redeemCode } from '../../services/my-account-service.js';
import { changePassword, login, logout, setActiveOrganisation, setLocale } from '../../services/auth-service.js';
import { DomainError } from '../../core/errors/domain-error.js';
import { FixedWindowLimiter } from '../fixed-window-limiter.js';
import { sessionPresenter, setSessionCookie } from '../session-view.js';
import { SESSION_COOKIE, originOf, requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };

export function registerAuthRoutes(app: ZodApp, dependencies: RouteDependencies): void {
  const { services } = dependencies;
  const present = sessionPresenter(app, services);
  const perClient = new FixedWindowLimiter(dependencies.loginRateLimit * 10, 60_000);
  // The name being tried: `login` (e-mail or 学号/工号), or `email` from older clients; the same key for both forms.
  const loginOf = (request: FastifyRequest) => {
    const body = request.body as { email?: unknown; login?: unknown } | undefined;
    const name = typeof body?.login === 'string' ? body.login : body?.email;
    return typeof name === 'string' ? name.trim().toLowerCase().slice(0, 254) : '';
  };
  // One audit event per client, account and minute, so a flood of refused attempts is not a flood of writes.
  const auditThrottle = new FixedWindowLimiter(1, 60_000);
  const auditRateLimited = (request: FastifyRequest) => {
    if (auditThrottle.hit(`${request.ip}|${loginOf(request)}`) > 0) return;
    services.store.repositories.auditEvents
      .record({
        occurredAt: services.clock(),
        action: 'login.rate_limited',
        actorEmail: loginOf(request) || null,
        ip: request.ip,
        details: { route: request.routeOptions.url ?? request.url },
      })
      .catch((error: unknown) => request.log.error({ err: error }, 'audit write failed'));
  };
  /**
   * The limits of every route that tries a secret for an account (a password, a reset code): per client and account
   * (one attacker can neither brute-force one account nor lock everyone out), and a wider one per client alone
   * against one client spraying many accounts. Signing in and redeeming codes share both windows, so alternating
   * between them buys nothing.
   */
  const signInLimits = {
    config: {
      rateLimit: {
        max: dependencies.loginRateLimit,
        timeWindow: 60_000,
        keyGenerator: (request: FastifyRequest) => `${request.ip}|${loginOf(request)}`,
        onExceeded: (request: FastifyRequest) => auditRateLimited(request),
      },
    },
    preHandler: async (request: FastifyRequest) => {
      const retryAfterSeconds = perClient.hit(request.ip);
      if (retryAfterSeconds > 0) {
        auditRateLimited(request);
        throw new DomainError('RATE_LIMITED', `Too many sign-in attempts; try again in ${retryAfterSeconds} s`, {
          retryAfterSeconds,
        });
      }
    },
  };

  app.get(
    '/api/auth/demo-accounts',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['auth'],
        summary: 'Demo accounts shown on the login page (empty without the demo dataset)',
        response: { 200: demoAccountsResponseSchema },
      },
    },
    async () => dependencies.demo ?? { password: null, accounts: [] },
  );

  app.post(
    '/api/auth/login',
    {
      config: { access: { kind: 'public' }, ...signInLimits.config },
      preHandler: signInLimits.preHandler,
      schema: {
        tags: ['auth'],
        summary:
          'Sign in with e-mail or 学号/工号 (`login`; `email` still accepted) and password; sets the httpOnly session cookie',
        body: loginRequestSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { token, auth } = await login(services, request.body, originOf(request));
      setSessionCookie(reply, token, dependencies.cookieSecure);
      return present(auth);
    },
  );

  app.post(
    '/api/auth/redeem-code',
    {
      config: { access: { kind: 'public' }, ...signInLimits.config },
      preHandler: signInLimits.preHandler,
      schema: {
        tags: ['auth'],
        summary:
          'Set a new password with a one-time reset or activation code and sign in; every refusal is RESET_CODE_INVALID',
        body: redeemCodeRequestSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { token, auth } = await redeemCode(services, request.body, originOf(request));
      setSessionCookie(reply, token, dependencies.cookieSecure);
      return present(auth);
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags: ['auth'],
        summary: 'The current session, with the CSRF token for mutations',
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (request) => present(requireAuth(request)),
  );

  app.post(
    '/api/auth/logout',
    {
      config: { access: { kind: 'signed-in' } },
      schema: { tags: ['auth'], summary: 'End this session', response: { 200: okResponseSchema, ...errors } },
    },
    async (request, reply) => {
      await logout(services, requireAuth(request), originOf(request));
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags: ['auth'],
        summary: 'Change the password; every other session of the person ends',
        body: changePasswordRequestSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await changePassword(services, requireAuth(request), request.body, originOf(request));
      return { ok: true as const };
    },
  );

  app.put(
    '/api/auth/active-organisation',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags: ['auth'],
        summary: 'Switch the organisation this session works in (must be a member)',
        body: activeOrganisationRequestSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (request) =>
      present(await setActiveOrganisation(services, requireAuth(request), request.body.organisationId)),
  );

  app.put(
    '/api/auth/locale',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags: ['auth'],
        summary: 'Remember the interface language of the person',
        body: localeRequestSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (request) => present(await setLocale(services, requireAuth(request), request.body.locale)),
  );
}
