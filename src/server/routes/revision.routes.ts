import { submitToCommitteeSchema, voteRequestSchema } from '../../contracts/committee.js';
import { errorBodySchema } from '../../contracts/common.js';
import {
  committeeRevisionListSchema,
  committeeRevisionParamsSchema,
  createRevisionBodySchema,
  decideProposalBodySchema,
  revisionGroupParamsSchema,
  revisionListSchema,
  revisionParamsSchema,
  revisionProposalParamsSchema,
  revisionViewSchema,
} from '../../contracts/revisions-api.js';
import {
  COMMITTEE_VOTER_ROLES,
  SPECIALTY_GROUP_DIRECTOR_ROLES,
  SPECIALTY_READER_ROLES,
  STEERING_COMMITTEE_ROLES,
} from '../../core/access/roles.js';
import {
  createRevision,
  decideRevisionProposal,
  getCommitteeRevision,
  getRevision,
  listCommitteeRevisions,
  listRevisions,
  submitRevision,
  voteOnRevision,
  withdrawRevision,
} from '../../services/revision-service.js';
import { applyApprovedRevision } from '../../services/revision-apply-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
const readers = { access: { kind: 'organisation-role', roles: SPECIALTY_READER_ROLES } } as const;
const directors = { access: { kind: 'organisation-role', roles: SPECIALTY_GROUP_DIRECTOR_ROLES } } as const;
const reviewers = { access: { kind: 'role-anywhere', roles: STEERING_COMMITTEE_ROLES } } as const;
const voters = { access: { kind: 'role-anywhere', roles: COMMITTEE_VOTER_ROLES } } as const;
const tags = ['revisions'];
const COMMITTEE = '/api/committee/revisions';
const GROUP = '/api/organisations/:organisationId/specialty-groups/:groupId/revisions';
const REVISION = '/api/organisations/:organisationId/revisions/:revisionId';

/**
 * The yearly revision (年度动态调整) of a specialty group. The college's readers (admins, group directors,
 * teachers) read its revisions; its group directors and admins compute one between two years, decide on its
 * proposals, submit and withdraw it. Another tenant's group or revision is 404; a second open revision of a group
 * 409 REVISION_OPEN; a decision on a revision that is no longer a draft 409 REVISION_NOT_EDITABLE. A submitted
 * revision is before a steering committee: its members (and platform admins) read it, its seated members vote
 * (authors and members of the college may not: CONFLICT_OF_INTEREST); the decision approves or rejects it.
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
    async (request) =>
      getRevision(services, requireAuth(request).actor, request.params.organisationId, request.params.revisionId),
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
        summary:
          'Put a draft revision whose every proposal is decided before the steering committee (the one named, ' +
          'or the only one)',
        params: revisionParamsSchema,
        body: submitToCommitteeSchema.nullish(),
        response: { 200: revisionViewSchema, ...errors },
      },
    },
    async (request) =>
      submitRevision(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.revisionId,
        request.body ?? {},
      ),
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

  app.post(
    `${REVISION}/apply`,
    {
      config: directors,
      schema: {
        tags,
        summary:
          'Apply an approved revision: a new course system version built from the revised requirements (the revised one stays)',
        params: revisionParamsSchema,
        response: { 200: revisionViewSchema, ...errors },
      },
    },
    async (request) =>
      applyApprovedRevision(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.revisionId,
      ),
  );

  // ---- the steering committee's side ------------------------------------------------------------------------

  app.get(
    COMMITTEE,
    {
      config: reviewers,
      schema: {
        tags,
        summary: 'Revisions put before a committee the reader sits on, newest submission first',
        response: { 200: committeeRevisionListSchema, ...errors },
      },
    },
    async (request) => listCommitteeRevisions(services, requireAuth(request).actor),
  );

  app.get(
    `${COMMITTEE}/:revisionId`,
    {
      config: reviewers,
      schema: {
        tags,
        summary: 'One revision before the committee, with the live vote',
        params: committeeRevisionParamsSchema,
        response: { 200: revisionViewSchema, ...errors },
      },
    },
    async (request) => getCommitteeRevision(services, requireAuth(request).actor, request.params.revisionId),
  );

  app.post(
    `${COMMITTEE}/:revisionId/votes`,
    {
      config: voters,
      schema: {
        tags,
        summary: 'Vote on a submitted revision (approve / reject / abstain); the quorum and majority decide',
        params: committeeRevisionParamsSchema,
        body: voteRequestSchema,
        response: { 200: revisionViewSchema, ...errors },
      },
    },
    async (request) => voteOnRevision(services, requireAuth(request).actor, request.params.revisionId, request.body),
  );
}
