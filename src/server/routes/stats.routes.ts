import { errorBodySchema } from '../../contracts/common.js';
import { statsSchema } from '../../contracts/stats.js';
import { collectStats } from '../../services/stats-service.js';
import type { RouteDependencies, ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };

export function registerStatsRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    '/api/stats',
    {
      config: { access: { kind: 'role-anywhere', roles: ['platform_admin'] } },
      schema: { tags: ['system'], summary: 'Counts of the main tables', response: { 200: statsSchema, ...errors } },
    },
    async () => collectStats(services.store.repositories),
  );
}
