import { z } from 'zod';
import { errorBodySchema } from '../../contracts/common.js';
import {
  collegeSpecialtyInputSchema,
  collegeSpecialtyListSchema,
  collegeSpecialtyParamsSchema,
  collegeSpecialtySchema,
  specialtySuggestionsQuerySchema,
  specialtySuggestionsSchema,
} from '../../contracts/groups.js';
import { organisationIdParamsSchema } from '../../contracts/organisations.js';
import { SPECIALTY_GROUP_DIRECTOR_ROLES, SPECIALTY_READER_ROLES } from '../../core/access/roles.js';
import {
  deleteCollegeSpecialty,
  listCollegeSpecialties,
  putCollegeSpecialty,
  suggestPostsForSpecialty,
} from '../../services/college-specialty-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
const readers = { access: { kind: 'organisation-role', roles: SPECIALTY_READER_ROLES } } as const;
const directors = { access: { kind: 'organisation-role', roles: SPECIALTY_GROUP_DIRECTOR_ROLES } } as const;
const tags = ['specialty-groups'];

/**
 * A college's specialties (national catalogue codes), the curated posts each serves and its strength figures.
 * Tenant-scoped: a college's readers (admins, group directors, teachers, committee members) see its own; its
 * group directors and admins edit them. Other organisations have no specialties (400 naming `organisationId`).
 */
export function registerSpecialtyRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    '/api/organisations/:organisationId/specialties',
    {
      config: readers,
      schema: {
        tags,
        summary: "The college's specialties with the posts they serve, in code order",
        params: organisationIdParamsSchema,
        response: { 200: collegeSpecialtyListSchema, ...errors },
      },
    },
    async (request) => listCollegeSpecialties(services, request.params.organisationId),
  );

  app.put(
    '/api/organisations/:organisationId/specialties/:code',
    {
      config: directors,
      schema: {
        tags,
        summary: 'Add or replace a specialty: its name, the curated posts it serves, its strength figures',
        params: collegeSpecialtyParamsSchema,
        body: collegeSpecialtyInputSchema,
        response: { 200: collegeSpecialtySchema, ...errors },
      },
    },
    async (request) =>
      putCollegeSpecialty(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.code,
        request.body,
      ),
  );

  app.delete(
    '/api/organisations/:organisationId/specialties/:code',
    {
      config: directors,
      schema: {
        tags,
        summary: 'Remove a specialty of the college (proposals already submitted keep their copy)',
        params: collegeSpecialtyParamsSchema,
        response: { 204: z.null().describe('No content'), ...errors },
      },
    },
    async (request, reply) => {
      await deleteCollegeSpecialty(services, request.params.organisationId, request.params.code);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/organisations/:organisationId/specialties/:code/suggestions',
    {
      config: readers,
      schema: {
        tags,
        summary: 'Curated posts a catalogue specialty probably serves, best first, with the reason',
        params: collegeSpecialtyParamsSchema,
        querystring: specialtySuggestionsQuerySchema,
        response: { 200: specialtySuggestionsSchema, ...errors },
      },
    },
    async (request) =>
      suggestPostsForSpecialty(services, request.params.organisationId, request.params.code, request.query.name),
  );
}
