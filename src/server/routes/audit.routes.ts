import { auditEventListSchema, auditListQuerySchema } from '../../contracts/audit.js';
import { errorBodySchema } from '../../contracts/common.js';
import { AUDIT_READER_ROLES } from '../../core/access/roles.js';
import { listAuditEvents } from '../../services/audit-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };

export function registerAuditRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    '/api/audit-events',
    {
      config: { access: { kind: 'role-anywhere', roles: AUDIT_READER_ROLES } },
      schema: {
        tags: ['audit'],
        summary: 'Security audit log, newest first (organisation admins: their organisation only)',
        querystring: auditListQuerySchema,
        response: { 200: auditEventListSchema, ...errors },
      },
    },
    async (request) => listAuditEvents(services, requireAuth(request).actor, request.query),
  );
}
