import { errorBodySchema } from '../../contracts/common.js';
import {
  createOrganisationRequestSchema,
  organisationIdParamsSchema,
  organisationListQuerySchema,
  organisationListSchema,
  organisationSchema,
} from '../../contracts/organisations.js';
import { createOrganisation, getOrganisation, listOrganisations } from '../../services/organisation-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };

export function registerOrganisationRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    '/api/organisations',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags: ['organisations'],
        summary: 'The directory of colleges, enterprises and city offices (paged)',
        querystring: organisationListQuerySchema,
        response: { 200: organisationListSchema, ...errors },
      },
    },
    async (request) => listOrganisations(services, request.query),
  );

  app.post(
    '/api/organisations',
    {
      config: { access: { kind: 'role-anywhere', roles: ['platform_admin'] } },
      schema: {
        tags: ['organisations'],
        summary: 'Register a college, enterprise or city office (platform admin)',
        body: createOrganisationRequestSchema,
        response: { 200: organisationSchema, ...errors },
      },
    },
    async (request) => createOrganisation(services, requireAuth(request).actor, request.body),
  );

  app.get(
    '/api/organisations/:organisationId',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        tags: ['organisations'],
        summary: 'One organisation of the directory',
        params: organisationIdParamsSchema,
        response: { 200: organisationSchema, ...errors },
      },
    },
    async (request) => getOrganisation(services, request.params.organisationId),
  );
}
