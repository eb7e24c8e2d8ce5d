import { healthResponseSchema } from '../../contracts/health.js';
import { errorBodySchema } from '../../contracts/common.js';
import { DomainError } from '../../core/errors/domain-error.js';
import type { RouteDependencies, ZodApp } from '../route-dependencies.js';

export function registerHealthRoutes(app: ZodApp, dependencies: RouteDependencies): void {
  app.get(
    '/api/health',
    {
      config: { access: { kind: 'public' } },
      schema: {
        tags: ['system'],
        summary: 'Liveness and readiness: answers 200 when the database answers',
        response: { 200: healthResponseSchema, '5xx': errorBodySchema },
      },
    },
    async () => {
      try {
        await dependencies.checkDatabase();
      } catch (error) {
        throw new DomainError('DATABASE_UNAVAILABLE', `The database does not answer: ${(error as Error).message}`, {});
      }
      return {
        status: 'ok' as const,
        version: dependencies.version,
        database: dependencies.backend,
        demo: dependencies.demo !== null,
      };
    },
  );
}
