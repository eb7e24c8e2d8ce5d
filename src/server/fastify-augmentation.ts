import type { RouteAccess } from '../core/access/route-access.js';
import type { AuthenticatedSession } from '../services/auth-service.js';
import type { RouteCatalogueEntry } from './access-hooks.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; required on every /api route (checked at registration). */
    access?: RouteAccess;
    /** Seconds the route may take before it answers 503 DEADLINE_EXCEEDED (default: the server's, 30). */
    deadlineSeconds?: number;
  }
  interface FastifyInstance {
    /** Every /api route registered, with its access policy. */
    routeCatalogue: RouteCatalogueEntry[];
  }
  interface FastifyRequest {
    /** The caller's session on routes that are not public; null on public ones. */
    auth: AuthenticatedSession | null;
  }
}
