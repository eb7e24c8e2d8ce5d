import { okResponseSchema } from '../../contracts/auth.js';
import { errorBodySchema, pageQuerySchema } from '../../contracts/common.js';
import {
  createdInvitationSchema,
  grantableRolesSchema,
  invitationListSchema,
  invitationParamsSchema,
  inviteMemberRequestSchema,
  memberListQuerySchema,
  memberListSchema,
  memberParamsSchema,
  memberSchema,
  organisationIdParamsSchema,
  setMemberRolesRequestSchema,
} from '../../contracts/organisations.js';
import { ORGANISATION_ADMIN_ROLES, PEOPLE_READER_ROLES } from '../../core/access/roles.js';
import {
  inviteMember,
  listGrantableRoles,
  listInvitations,
  listMembers,
  removeMember,
  revokeInvitation,
  setMemberRoles,
} from '../../services/member-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
const readers = { access: { kind: 'organisation-role', roles: PEOPLE_READER_ROLES } } as const;
// Organisation admins manage their own people; platform admins pass every organisation check. Which roles each may
// hand out is the service's decision (core/access/decide-grant.ts): never above the organisation's kind, never
// one's own.
const admins = { access: { kind: 'organisation-role', roles: ORGANISATION_ADMIN_ROLES } } as const;
const tags = ['members'];

export function registerMemberRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    '/api/organisations/:organisationId/members',
    {
      config: readers,
      schema: {
        tags,
        summary: 'People of one organisation with their roles there (paged; staff of that organisation only)',
        params: organisationIdParamsSchema,
        querystring: memberListQuerySchema,
        response: { 200: memberListSchema, ...errors },
      },
    },
    async (request) => listMembers(services, request.params.organisationId, request.query),
  );

  app.get(
    '/api/organisations/:organisationId/grantable-roles',
    {
      config: admins,
      schema: {
        tags,
        summary: 'The roles the caller may hand out in this organisation',
        params: organisationIdParamsSchema,
        response: { 200: grantableRolesSchema, ...errors },
      },
    },
    async (request) => listGrantableRoles(services, requireAuth(request).actor, request.params.organisationId),
  );

  app.post(
    '/api/organisations/:organisationId/invitations',
    {
      config: admins,
      schema: {
        tags,
        summary:
          'Invite a person by e-mail with roles (the same answer whether or not the e-mail has an account); returns the one-time code',
        params: organisationIdParamsSchema,
        body: inviteMemberRequestSchema,
        response: { 200: createdInvitationSchema, ...errors },
      },
    },
    async (request) => inviteMember(services, requireAuth(request).actor, request.params.organisationId, request.body),
  );

  app.get(
    '/api/organisations/:organisationId/invitations',
    {
      config: admins,
      schema: {
        tags,
        summary: 'The organisation’s invitations, pending first',
        params: organisationIdParamsSchema,
        querystring: pageQuerySchema,
        response: { 200: invitationListSchema, ...errors },
      },
    },
    async (request) => listInvitations(services, request.params.organisationId, request.query),
  );

  app.delete(
    '/api/organisations/:organisationId/invitations/:invitationId',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Withdraw a pending invitation',
        params: invitationParamsSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await revokeInvitation(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.invitationId,
      );
      return { ok: true as const };
    },
  );

  app.put(
    '/api/organisations/:organisationId/members/:personId/roles',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Replace a member’s roles here (only roles the caller may grant; never one’s own)',
        params: memberParamsSchema,
        body: setMemberRolesRequestSchema,
        response: { 200: memberSchema, ...errors },
      },
    },
    async (request) =>
      setMemberRoles(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.personId,
        request.body,
      ),
  );

  app.delete(
    '/api/organisations/:organisationId/members/:personId',
    {
      config: admins,
      schema: {
        tags,
        summary: 'Remove a person from this organisation (their sessions keep their other organisations)',
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
