import {
  committeeChoiceListSchema,
  committeeListSchema,
  committeeParamsSchema,
  committeePlanListSchema,
  committeePlanParamsSchema,
  committeeRulesSchema,
  committeeSchema,
  voteRequestSchema,
} from '../../contracts/committee.js';
import { errorBodySchema } from '../../contracts/common.js';
import { organisationIdParamsSchema } from '../../contracts/organisations.js';
import { trainingPlanSchema } from '../../contracts/course-systems.js';
import {
  COMMITTEE_READER_ROLES,
  COMMITTEE_RULES_EDITOR_ROLES,
  COMMITTEE_VOTER_ROLES,
  SPECIALTY_GROUP_DIRECTOR_ROLES,
  STEERING_COMMITTEE_ROLES,
} from '../../core/access/roles.js';
import { listCommitteeChoices, listCommittees, updateCommitteeRules } from '../../services/committee-service.js';
import {
  getCommitteePlan,
  listCommitteePlans,
  voteOnTrainingPlan,
} from '../../services/training-plan-review-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
const readers = { access: { kind: 'role-anywhere', roles: COMMITTEE_READER_ROLES } } as const;
const ruleEditors = { access: { kind: 'role-anywhere', roles: COMMITTEE_RULES_EDITOR_ROLES } } as const;
const reviewers = { access: { kind: 'role-anywhere', roles: STEERING_COMMITTEE_ROLES } } as const;
const voters = { access: { kind: 'role-anywhere', roles: COMMITTEE_VOTER_ROLES } } as const;
const submitters = { access: { kind: 'organisation-role', roles: SPECIALTY_GROUP_DIRECTOR_ROLES } } as const;
const tags = ['committee'];
const PLANS = '/api/committee/training-plans';

/**
 * Steering committees and their decisions: members and platform admins read the committees (seats, voting rules);
 * platform admins, who appoint the members, set the quorum and majority; members and platform admins read the
 * Talent Training Plans put before a committee, and the committee's seated members vote on them (a member of
 * another committee, an author or a member of the proposing college is refused by the service).
 */
export function registerCommitteeRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    '/api/committees',
    {
      config: readers,
      schema: {
        tags,
        summary: 'The steering committees with their seats and voting rules',
        response: { 200: committeeListSchema, ...errors },
      },
    },
    async () => listCommittees(services),
  );

  app.get(
    '/api/organisations/:organisationId/committee-choices',
    {
      config: submitters,
      schema: {
        tags,
        summary: 'The steering committees a college’s director may put a proposal or plan before (names only)',
        params: organisationIdParamsSchema,
        response: { 200: committeeChoiceListSchema, ...errors },
      },
    },
    async () => listCommitteeChoices(services),
  );

  app.put(
    '/api/committees/:committeeId/rules',
    {
      config: ruleEditors,
      schema: {
        tags,
        summary: "Set a committee's quorum (null: half the seats + 1; at least 2) and majority",
        params: committeeParamsSchema,
        body: committeeRulesSchema,
        response: { 200: committeeSchema, ...errors },
      },
    },
    async (request) =>
      updateCommitteeRules(services, requireAuth(request).actor, request.params.committeeId, request.body),
  );

  app.get(
    PLANS,
    {
      config: reviewers,
      schema: {
        tags,
        summary: 'Talent Training Plans whose newest version was put before a committee',
        response: { 200: committeePlanListSchema, ...errors },
      },
    },
    async (request) => listCommitteePlans(services, requireAuth(request).actor),
  );

  app.get(
    `${PLANS}/:planId`,
    {
      config: reviewers,
      schema: {
        tags,
        summary: 'One plan before the committee, with the live vote on its newest version',
        params: committeePlanParamsSchema,
        response: { 200: trainingPlanSchema, ...errors },
      },
    },
    async (request) => getCommitteePlan(services, requireAuth(request).actor, request.params.planId),
  );

  app.post(
    `${PLANS}/:planId/votes`,
    {
      config: voters,
      schema: {
        tags,
        summary: "Vote on the plan's version under review (approve, reject or abstain, with a comment)",
        params: committeePlanParamsSchema,
        body: voteRequestSchema,
        response: { 200: trainingPlanSchema, ...errors },
      },
    },
    async (request) => voteOnTrainingPlan(services, requireAuth(request).actor, request.params.planId, request.body),
  );
}
