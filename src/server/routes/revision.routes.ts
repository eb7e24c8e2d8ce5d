import { errorBodySchema } from '../../contracts/common.js';
import {
  createRevisionBodySchema,
  decideProposalBodySchema,
  revisionGroupParamsSchema,
  revisionListSchema,
  revisionParamsSchema,
  revisionProposalParamsSchema,
  revisionViewSchema,
} from '../../contracts/revisions-api.js';
import { SPECIALTY_GROUP_DIRECTOR_ROLES, SPECIALTY_READER_ROLES } from '../../core/access/roles.js';
import {
  createRevision,
  decideRevisionProposal,
  getRevision,
  listRevisions,
  submitRevision,
  withdrawRevision,
} from '../../services/revision-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
const readers = { access: { kind: 'organisation-role', roles: SPECIALTY_READER_ROLES } } as const;
const directors = { access: { kind: 'organisation-role', roles: SPECIALTY_GROUP_DIRECTOR_ROLES } } as const;
const tags = ['revisions'];
const GROUP = '/api/organisations/:organisationId/specialty-groups/:groupId/revisions';
const REVISION = '/api/organisations/:organisationId/revisions/:revisionId';

/**
 * The yearly revision (年度动态调整) of a specialty group. The college's readers (admins, group directors,
 * teachers) read its revisions; its group directors and admins compute one between two years, decide on its
 * proposals, submit and withdraw it. Another tenant's group or revision is 404; a second open revision of a group
 * 409 REVISION_OPEN; a decision on a revision that is no longer a draft 409 REVISION_NOT_EDITABLE.
 */
export function registerRevisionRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    GROUP,
    {
      config: readers,
      schema: {
        tags,
        summary: "The group's yearly revisions, newest first",
        params: revisionGroupParamsSchema,
        response: { 200: revisionListSchema, ...errors },
      },
    },
    async (request) => listRevisions(services, request.params.organisationId, request.params.groupId),
  );

  app.post(
    GROUP,
    {
      config: directors,
      schema: {
        tags,
        summary: "Compare the group's demand in two years and store the ranked proposals as a draft revision",
        params: revisionGroupParamsSchema,
        body: createRevisionBodySchema,
        response: { 201: revisionViewSchema, ...errors },
      },
    },
    async (request, reply) => {
      const view = await createRevision(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.groupId,
        request.body,
      );
      return reply.code(201).send(view);
    },
  );

  app.get(
    REVISION,
    {
      config: readers,
      schema: {
        tags,
        summary: 'One revision: its changes with their yearly series, ranked proposals, decisions and impact',
        params: revisionParamsSchema,
        response: { 200: revisionViewSchema, ...errors },
      },
    },
    async (request) => getRevision(services, request.params.organisationId, request.params.revisionId),
  );

  app.post(
    `${REVISION}/proposals/:rank/decision`,
    {
      config: directors,
      schema: {
        tags,
        summary: 'Accept, reject or amend one proposal of a draft revision (a later decision replaces it)',
        params: revisionProposalParamsSchema,
        body: decideProposalBodySchema,
        response: { 200: revisionViewSchema, ...errors },
      },
    },
    async (request) =>
      decideRevisionProposal(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.revisionId,
        request.params.rank,
        request.body,
      ),
  );

  app.post(
    `${REVISION}/submit`,
    {
      config: directors,
      schema: {
        tags,
        summary: 'Submit a draft revision whose every proposal is decided',
        params: revisionParamsSchema,
        response: { 200: revisionViewSchema, ...errors },
      },
    },
    async (request) =>
      submitRevision(services, requireAuth(request).actor, request.params.organisationId, request.params.revisionId),
  );

  app.post(
    `${REVISION}/withdraw`,
    {
      config: directors,
      schema: {
        tags,
        summary: 'Withdraw a draft or submitted revision',
        params: revisionParamsSchema,
        response: { 200: revisionViewSchema, ...errors },
      },
    },
    async (request) =>
      withdrawRevision(services, requireAuth(request).actor, request.params.organisationId, request.params.revisionId),
  );
}
