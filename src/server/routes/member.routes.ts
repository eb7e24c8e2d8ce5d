import { okResponseSchema } from '../../contracts/auth.js';
import { errorBodySchema } from '../../contracts/common.js';
import {
  addMemberRequestSchema,
  memberListQuerySchema,
  memberListSchema,
  memberParamsSchema,
  memberSchema,
  organisationIdParamsSchema,
} from '../../contracts/organisations.js';
import { ORGANISATION_ADMIN_ROLES, PEOPLE_READER_ROLES } from '../../core/access/roles.js';
import { addMember, listMembers, removeMember } from '../../services/member-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };

export function registerMemberRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    '/api/organisations/:organisationId/members',
    {
      config: { access: { kind: 'organisation-role', roles: PEOPLE_READER_ROLES } },
      schema: {
        tags: ['members'],
        summary: 'People of one organisation with their roles there (paged; staff of that organisation only)',
        params: organisationIdParamsSchema,
        querystring: memberListQuerySchema,
        response: { 200: memberListSchema, ...errors },
      },
    },
    async (request) => listMembers(services, request.params.organisationId, request.query),
  );

  app.post(
    '/api/organisations/:organisationId/members',
    {
      config: { access: { kind: 'organisation-role', roles: ORGANISATION_ADMIN_ROLES } },
      schema: {
        tags: ['members'],
        summary: 'Add a person (new or existing) to the organisation with roles (its administrators)',
        params: organisationIdParamsSchema,
        body: addMemberRequestSchema,
        response: { 200: memberSchema, ...errors },
      },
    },
    async (request) => addMember(services, requireAuth(request).actor, request.params.organisationId, request.body),
  );

  app.delete(
    '/api/organisations/:organisationId/members/:personId',
    {
      config: { access: { kind: 'organisation-role', roles: ORGANISATION_ADMIN_ROLES } },
      schema: {
        tags: ['members'],
        summary: 'Remove every role of a person in the organisation and end their sessions',
        params: memberParamsSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await removeMember(services, requireAuth(request).actor, request.params.organisationId, request.params.personId);
      return { ok: true as const };
    },
  );
}
