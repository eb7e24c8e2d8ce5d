import { errorBodySchema } from '../../contracts/common.js';
import { dashboardResponseSchema } from '../../contracts/dashboard.js';
import { getDashboard } from '../../services/dashboard-service.js';
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
}
