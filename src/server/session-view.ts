import type { FastifyReply } from 'fastify';
import type { SessionResponse } from '../contracts/auth.js';
import type { Actor } from '../core/access/actor.js';
import { computeCapabilities, type Capabilities, type RoutePolicy } from '../core/access/compute-capabilities.js';
import { SESSION_ABSOLUTE_MS, presentSession, type AuthenticatedSession } from '../services/auth-service.js';
import type { ServiceContext } from '../services/service-context.js';
import { SESSION_COOKIE, type ZodApp } from './route-dependencies.js';

const DOCUMENTATION_PREFIX = '/api/docs';

/** The API's routes with their policies, as capabilities name them (`METHOD /api/path/:param`). */
export function routePolicies(app: ZodApp): RoutePolicy[] {
  return app.routeCatalogue
    .filter((route) => route.method !== 'HEAD' && !route.url.startsWith(DOCUMENTATION_PREFIX))
    .map((route) => ({ key: `${route.method} ${route.url}`, access: route.access }));
}

/**
 * Renders sessions for one server: capabilities come from the routes' own policies, read once every route is
 * registered (the first session shown is after start-up).
 */
export function sessionPresenter(app: ZodApp, services: ServiceContext) {
  let policies: RoutePolicy[] | null = null;
  const capabilitiesOf = (actor: Actor): Capabilities => computeCapabilities((policies ??= routePolicies(app)), actor);
  return (auth: AuthenticatedSession): Promise<SessionResponse> => presentSession(services, auth, capabilitiesOf);
}

/** Sets the httpOnly, SameSite session cookie of a session just opened. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}
