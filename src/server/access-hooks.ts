import type { FastifyRequest, RouteOptions } from 'fastify';
import { decideRoute, type RouteAccess } from '../core/access/route-access.js';
import { DomainError } from '../core/errors/domain-error.js';
import { authenticate, tokensMatch } from '../services/auth-service.js';
import type { ServiceContext } from '../services/service-context.js';
import { SESSION_COOKIE, originOf, type ZodApp } from './route-dependencies.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The generated API documentation is public by nature; every other /api route must declare its access. */
const DOCUMENTATION_PREFIX = '/api/docs';

/**
 * The access pipeline every route goes through.
 * Registration (`installRouteCatalogue`, before any route exists): an /api route without a declared access
 * policy stops the server from starting; every route is recorded with its policy.
 * onRequest: authenticate (401), check the CSRF token on mutations (403) and decide role and tenant access from the
 * URL (403, recorded in the audit log) — all before the body is even read.
 */
export function installRouteCatalogue(app: ZodApp): RouteCatalogueEntry[] {
  const catalogue: RouteCatalogueEntry[] = [];

  app.addHook('onRoute', (route: RouteOptions) => {
    const url = route.url ?? '';
    if (!url.startsWith('/api')) return;
    route.config ??= {};
    const config = route.config as { access?: unknown; deadlineSeconds?: number };
    if (url.startsWith(DOCUMENTATION_PREFIX)) config.access ??= { kind: 'public' };
    if (!config.access) {
      throw new Error(`Route ${String(route.method)} ${url} declares no access policy (config.access)`);
    }
    for (const method of [route.method].flat()) {
      catalogue.push({
        method: String(method),
        url,
        access: config.access as RouteAccess,
        deadlineSeconds: config.deadlineSeconds ?? null,
      });
    }
  });
  return catalogue;
}

/** The request hooks; install after the cookie parser so that session cookies are read. */
export function installAccessHooks(app: ZodApp, services: ServiceContext): void {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access || access.kind === 'public') return;
    const auth = await authenticate(services, request.cookies[SESSION_COOKIE], originOf(request));
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (!tokensMatch(auth.session.csrfToken, typeof header === 'string' ? header : undefined)) {
        await recordRefusal(services, request, 'csrf.rejected', auth.person.id, auth.person.email);
        throw new DomainError('CSRF_TOKEN_INVALID', 'Missing or wrong x-csrf-token header', { field: 'x-csrf-token' });
      }
    }
    request.auth = auth;
    // Decided before the body is read: a caller without the role never gets an upload onto the disk. The policy
    // needs only the URL's parameters (the router has matched them already); their format is validated later.
    // The account's state decides too (core/access/route-access.ts `decideRoute`): a password set by someone else
    // allows nothing but setting a new one, and alumni only read in the organisation they left.
    const params = (request.params ?? {}) as { organisationId?: string };
    const key = `${request.method} ${request.routeOptions.url ?? ''}`;
    const decision = decideRoute({ key, access }, auth.actor, params);
    if (decision === 'password-change-required') {
      throw new DomainError(
        'PASSWORD_CHANGE_REQUIRED',
        'Set a new password first (POST /api/auth/forced-password)',
        {},
      );
    }
    if (decision === 'read-only') {
      await recordRefusal(services, request, 'access.denied', auth.person.id, auth.person.email, params.organisationId);
      throw new DomainError('ACCOUNT_LEFT', 'You left this organisation: you may read here, not change anything', {
        organisationId: params.organisationId ?? null,
      });
    }
    if (decision !== 'allow') {
      await recordRefusal(services, request, 'access.denied', auth.person.id, auth.person.email, params.organisationId);
      throw new DomainError('FORBIDDEN', 'Your roles do not allow this here', {
        organisationId: params.organisationId ?? null,
      });
    }
  });
}

/** One registered /api route and its declared access (the authorization test walks all of them). */
export interface RouteCatalogueEntry {
  readonly method: string;
  readonly url: string;
  readonly access: RouteAccess;
  /** The route's own deadline in seconds; null when it has the server's default. */
  readonly deadlineSeconds: number | null;
}

async function recordRefusal(
  services: ServiceContext,
  request: FastifyRequest,
  action: 'csrf.rejected' | 'access.denied',
  personId: string | null,
  email: string | null,
  organisationId?: string,
): Promise<void> {
  await services.store.repositories.auditEvents.record({
    occurredAt: services.clock(),
    action,
    actorPersonId: personId,
    actorEmail: email,
    organisationId: null,
    ip: request.ip,
    details: {
      method: request.method,
      route: request.routeOptions.url ?? request.url,
      organisationId: organisationId ?? null,
    },
  });
}
