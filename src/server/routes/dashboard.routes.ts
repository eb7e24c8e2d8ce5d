import { auditEventListSchema, auditListQuerySchema } from '../../contracts/audit.js';
import { errorBodySchema } from '../../contracts/common.js';
import { dashboardResponseSchema } from '../../contracts/dashboard.js';
import { statsSchema } from '../../contracts/stats.js';
import { listAuditEvents } from '../../services/audit-service.js';
import { getDashboard } from '../../services/dashboard-service.js';
import { collectStats } from '../../services/stats-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };

export function registerDashboardRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    '/api/dashboard',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags: ['dashboard'],
        summary: 'Home-page figures for the active organisation, by the caller’s roles',
        response: { 200: dashboardResponseSchema, ...errors },
      },
    },
    async (request) => getDashboard(services, requireAuth(request).actor),
  );

  app.get(
    '/api/audit-events',
    {
      config: { access: { kind: 'role-anywhere', roles: ['platform_admin', 'college_admin', 'enterprise_admin'] } },
      schema: {
        tags: ['audit'],
        summary: 'Security audit log, newest first (organisation admins: their organisation only)',
        querystring: auditListQuerySchema,
        response: { 200: auditEventListSchema, ...errors },
      },
    },
    async (request) => listAuditEvents(services, requireAuth(request).actor, request.query),
  );

  app.get(
    '/api/stats',
    {
      config: { access: { kind: 'role-anywhere', roles: ['platform_admin'] } },
      schema: { tags: ['system'], summary: 'Counts of the main tables', response: { 200: statsSchema, ...errors } },
    },
    async () => collectStats(services.store.repositories),
  );
}
