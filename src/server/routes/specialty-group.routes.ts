import { submitToCommitteeSchema, voteRequestSchema } from '../../contracts/committee.js';
import { errorBodySchema } from '../../contracts/common.js';
import {
  commentRequestSchema,
  committeeProposalParamsSchema,
  createProposalRequestSchema,
  movePreviewRequestSchema,
  movePreviewSchema,
  moveRequestSchema,
  pairExplanationSchema,
  pairQuerySchema,
  proposalDetailSchema,
  proposalListSchema,
  proposalParamsSchema,
  renameGroupRequestSchema,
} from '../../contracts/groups.js';
import { organisationIdParamsSchema } from '../../contracts/organisations.js';
import {
  SPECIALTY_GROUP_DIRECTOR_ROLES,
  SPECIALTY_READER_ROLES,
  STEERING_COMMITTEE_ROLES,
  COMMITTEE_VOTER_ROLES,
} from '../../core/access/roles.js';
import {
  applyMove,
  commentOnProposal,
  createProposal,
  voteOnProposal,
  explainProposalPair,
  getProposal,
  listCollegeProposals,
  listCommitteeProposals,
  previewMove,
  renameGroup,
  submitProposal,
  type ProposalScope,
} from '../../services/specialty-group-service.js';
import { committeeScopeOf } from '../../services/proposal-operations.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
const readers = { access: { kind: 'organisation-role', roles: SPECIALTY_READER_ROLES } } as const;
const directors = { access: { kind: 'organisation-role', roles: SPECIALTY_GROUP_DIRECTOR_ROLES } } as const;
const committee = { access: { kind: 'role-anywhere', roles: STEERING_COMMITTEE_ROLES } } as const;
const voters = { access: { kind: 'role-anywhere', roles: COMMITTEE_VOTER_ROLES } } as const;
const tags = ['specialty-groups'];
const COLLEGE = '/api/organisations/:organisationId/specialty-groups';
const COMMITTEE = '/api/committee/specialty-groups';

const collegeScope = (organisationId: string): ProposalScope => ({ side: 'college', organisationId });

/**
 * Specialty-group proposals. The college side is tenant-scoped: its readers see its own proposals (every
 * status); its group directors and admins create drafts, move posts and specialties, name groups and submit.
 * The steering committee (a committee seat in any organisation) sees every proposal that is not a draft, of
 * every college; while a proposal is submitted it comments, moves and decides. A proposal another tenant owns,
 * or a draft asked for by the committee, is 404; a change out of turn is 409 PROPOSAL_NOT_EDITABLE.
 */
export function registerSpecialtyGroupRoutes(app: ZodApp, { services }: RouteDependencies): void {
  // ---- the college's side -------------------------------------------------------------------------------------

  app.get(
    COLLEGE,
    {
      config: readers,
      schema: {
        tags,
        summary: "The college's specialty-group proposals, newest first",
        params: organisationIdParamsSchema,
        response: { 200: proposalListSchema, ...errors },
      },
    },
    async (request) => listCollegeProposals(services, request.params.organisationId),
  );

  app.post(
    COLLEGE,
    {
      config: directors,
      schema: {
        tags,
        summary: 'Group the posts by their knowledge correlation (k automatic or given) into a draft proposal',
        params: organisationIdParamsSchema,
        body: createProposalRequestSchema,
        response: { 201: proposalDetailSchema, ...errors },
      },
    },
    async (request, reply) => {
      const detail = await createProposal(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.body,
      );
      return reply.code(201).send(detail);
    },
  );

  app.get(
    `${COLLEGE}/:proposalId`,
    {
      config: readers,
      schema: {
        tags,
        summary: 'One proposal: groups, shared core, residue, specialties, rationale, heatmap, network, trail',
        params: proposalParamsSchema,
        response: { 200: proposalDetailSchema, ...errors },
      },
    },
    async (request) =>
      getProposal(
        services,
        collegeScope(request.params.organisationId),
        request.params.proposalId,
        requireAuth(request).actor,
      ),
  );

  app.get(
    `${COLLEGE}/:proposalId/pair`,
    {
      config: readers,
      schema: {
        tags,
        summary: 'Why two posts are correlated: the competencies they share, with weights',
        params: proposalParamsSchema,
        querystring: pairQuerySchema,
        response: { 200: pairExplanationSchema, ...errors },
      },
    },
    async (request) =>
      explainProposalPair(
        services,
        collegeScope(request.params.organisationId),
        request.params.proposalId,
        request.query.a,
        request.query.b,
      ),
  );

  app.post(
    `${COLLEGE}/:proposalId/moves/preview`,
    {
      config: directors,
      schema: {
        tags,
        summary: 'What moving a post or specialty would do to the quality (writes nothing)',
        params: proposalParamsSchema,
        body: movePreviewRequestSchema,
        response: { 200: movePreviewSchema, ...errors },
      },
    },
    async (request) =>
      previewMove(services, collegeScope(request.params.organisationId), request.params.proposalId, request.body),
  );

  app.post(
    `${COLLEGE}/:proposalId/moves`,
    {
      config: directors,
      schema: {
        tags,
        summary: 'Move a post or specialty to another group of a draft, with the reason',
        params: proposalParamsSchema,
        body: moveRequestSchema,
        response: { 200: proposalDetailSchema, ...errors },
      },
    },
    async (request) =>
      applyMove(
        services,
        requireAuth(request).actor,
        collegeScope(request.params.organisationId),
        request.params.proposalId,
        request.body,
      ),
  );

  app.post(
    `${COLLEGE}/:proposalId/rename`,
    {
      config: directors,
      schema: {
        tags,
        summary: 'Name a group of a draft (empty names restore the generated one)',
        params: proposalParamsSchema,
        body: renameGroupRequestSchema,
        response: { 200: proposalDetailSchema, ...errors },
      },
    },
    async (request) =>
      renameGroup(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.proposalId,
        request.body,
      ),
  );

  app.post(
    `${COLLEGE}/:proposalId/submit`,
    {
      config: directors,
      schema: {
        tags,
        summary: 'Submit a draft to the steering committee (which one: optional while the platform has only one)',
        params: proposalParamsSchema,
        body: submitToCommitteeSchema.nullish(),
        response: { 200: proposalDetailSchema, ...errors },
      },
    },
    async (request) =>
      submitProposal(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.proposalId,
        request.body ?? {},
      ),
  );

  // ---- the steering committee's side --------------------------------------------------------------------------

  app.get(
    COMMITTEE,
    {
      config: committee,
      schema: {
        tags,
        summary: 'Every submitted or decided proposal of every college, newest first',
        response: { 200: proposalListSchema, ...errors },
      },
    },
    async (request) => listCommitteeProposals(services, requireAuth(request).actor),
  );

  app.get(
    `${COMMITTEE}/:proposalId`,
    {
      config: committee,
      schema: {
        tags,
        summary: 'One submitted or decided proposal with its trail',
        params: committeeProposalParamsSchema,
        response: { 200: proposalDetailSchema, ...errors },
      },
    },
    async (request) =>
      getProposal(
        services,
        committeeScopeOf(requireAuth(request).actor),
        request.params.proposalId,
        requireAuth(request).actor,
      ),
  );

  app.get(
    `${COMMITTEE}/:proposalId/pair`,
    {
      config: committee,
      schema: {
        tags,
        summary: 'Why two posts are correlated: the competencies they share, with weights',
        params: committeeProposalParamsSchema,
        querystring: pairQuerySchema,
        response: { 200: pairExplanationSchema, ...errors },
      },
    },
    async (request) =>
      explainProposalPair(
        services,
        committeeScopeOf(requireAuth(request).actor),
        request.params.proposalId,
        request.query.a,
        request.query.b,
      ),
  );

  app.post(
    `${COMMITTEE}/:proposalId/moves/preview`,
    {
      config: committee,
      schema: {
        tags,
        summary: 'What moving a post or specialty would do to the quality (writes nothing)',
        params: committeeProposalParamsSchema,
        body: movePreviewRequestSchema,
        response: { 200: movePreviewSchema, ...errors },
      },
    },
    async (request) =>
      previewMove(services, committeeScopeOf(requireAuth(request).actor), request.params.proposalId, request.body),
  );

  app.post(
    `${COMMITTEE}/:proposalId/moves`,
    {
      config: committee,
      schema: {
        tags,
        summary: 'Move a post or specialty of a submitted proposal, with the reason',
        params: committeeProposalParamsSchema,
        body: moveRequestSchema,
        response: { 200: proposalDetailSchema, ...errors },
      },
    },
    async (request) =>
      applyMove(
        services,
        requireAuth(request).actor,
        committeeScopeOf(requireAuth(request).actor),
        request.params.proposalId,
        request.body,
      ),
  );

  app.post(
    `${COMMITTEE}/:proposalId/comments`,
    {
      config: committee,
      schema: {
        tags,
        summary: 'Comment on a submitted proposal (kept in its trail)',
        params: committeeProposalParamsSchema,
        body: commentRequestSchema,
        response: { 200: proposalDetailSchema, ...errors },
      },
    },
    async (request) =>
      commentOnProposal(services, requireAuth(request).actor, request.params.proposalId, request.body.reason),
  );

  app.post(
    `${COMMITTEE}/:proposalId/votes`,
    {
      config: voters,
      schema: {
        tags,
        summary:
          "Vote on a submitted proposal (approve, reject or abstain, with a comment; a member's later vote replaces " +
          "the earlier one until the committee's quorum and majority decide it)",
        params: committeeProposalParamsSchema,
        body: voteRequestSchema,
        response: { 200: proposalDetailSchema, ...errors },
      },
    },
    async (request) => voteOnProposal(services, requireAuth(request).actor, request.params.proposalId, request.body),
  );
}
