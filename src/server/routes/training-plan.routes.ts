import { z } from 'zod';
import { submitToCommitteeSchema } from '../../contracts/committee.js';
import { errorBodySchema } from '../../contracts/common.js';
import {
  createTrainingPlanRequestSchema,
  newTrainingPlanVersionSchema,
  trainingPlanExportParamsSchema,
  trainingPlanExportQuerySchema,
  trainingPlanListSchema,
  trainingPlanParamsSchema,
  trainingPlanSchema,
  updateTrainingPlanDraftSchema,
} from '../../contracts/course-systems.js';
import { organisationIdParamsSchema } from '../../contracts/organisations.js';
import {
  COURSE_TEACHER_ROLES,
  SPECIALTY_GROUP_DIRECTOR_ROLES,
  SPECIALTY_READER_ROLES,
} from '../../core/access/roles.js';
import {
  createTrainingPlan,
  exportTrainingPlan,
  getTrainingPlan,
  listTrainingPlans,
  startTrainingPlanVersion,
  submitTrainingPlan,
  updateTrainingPlanDraft,
  withdrawTrainingPlan,
} from '../../services/training-plan-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';
import { LONG_DEADLINE_SECONDS } from '../route-deadline.js';

const errors = { '4xx': errorBodySchema };
const readers = { access: { kind: 'organisation-role', roles: SPECIALTY_READER_ROLES } } as const;
const teachers = { access: { kind: 'organisation-role', roles: COURSE_TEACHER_ROLES } } as const;
const directors = { access: { kind: 'organisation-role', roles: SPECIALTY_GROUP_DIRECTOR_ROLES } } as const;
const tags = ['training-plans'];
const PLANS = '/api/organisations/:organisationId/training-plans';

/**
 * Talent Training Plans (人才培养方案). A college's readers see its plans and download any version; its teachers
 * edit the current draft; its group directors and admins create plans, submit a draft to the steering committee
 * (whose vote approves it — immutable from then on — or gives it back) and start the next version. Every change
 * to an approved or submitted version is 409 PLAN_VERSION_NOT_EDITABLE.
 */
export function registerTrainingPlanRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    PLANS,
    {
      config: readers,
      schema: {
        tags,
        summary: "The college's training plans with their newest version",
        params: organisationIdParamsSchema,
        response: { 200: trainingPlanListSchema, ...errors },
      },
    },
    async (request) => listTrainingPlans(services, request.params.organisationId),
  );

  app.post(
    PLANS,
    {
      config: directors,
      schema: {
        tags,
        summary: "Draft a specialty's (or the group's) training plan from a course system, in the national template",
        params: organisationIdParamsSchema,
        body: createTrainingPlanRequestSchema,
        response: { 201: trainingPlanSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createTrainingPlan(services, requireAuth(request).actor, request.params.organisationId, request.body),
        ),
  );

  app.get(
    `${PLANS}/:planId`,
    {
      config: readers,
      schema: {
        tags,
        summary: 'One training plan with every version (the newest last)',
        params: trainingPlanParamsSchema,
        response: { 200: trainingPlanSchema, ...errors },
      },
    },
    async (request) =>
      getTrainingPlan(services, request.params.organisationId, request.params.planId, requireAuth(request).actor),
  );

  app.put(
    `${PLANS}/:planId/draft`,
    {
      config: teachers,
      schema: {
        tags,
        summary: "Edit the draft's section texts (an approved version cannot change)",
        params: trainingPlanParamsSchema,
        body: updateTrainingPlanDraftSchema,
        response: { 200: trainingPlanSchema, ...errors },
      },
    },
    async (request) =>
      updateTrainingPlanDraft(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.planId,
        request.body,
      ),
  );

  app.post(
    `${PLANS}/:planId/submit`,
    {
      config: directors,
      schema: {
        tags,
        summary:
          'Put the draft before the steering committee: it is frozen until the committee votes (approved: ' +
          'immutable; rejected: back to the college)',
        params: trainingPlanParamsSchema,
        body: submitToCommitteeSchema.nullish(),
        response: { 200: trainingPlanSchema, ...errors },
      },
    },
    async (request) =>
      submitTrainingPlan(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.planId,
        request.body ?? {},
      ),
  );

  app.post(
    `${PLANS}/:planId/withdraw`,
    {
      config: directors,
      schema: {
        tags,
        summary:
          'Take the version back from the committee before it decides (editable again; the next submission opens a ' +
          'new round)',
        params: trainingPlanParamsSchema,
        response: { 200: trainingPlanSchema, ...errors },
      },
    },
    async (request) =>
      withdrawTrainingPlan(services, requireAuth(request).actor, request.params.organisationId, request.params.planId),
  );

  app.post(
    `${PLANS}/:planId/versions`,
    {
      config: directors,
      schema: {
        tags,
        summary: 'Start the next version from the newest approved one (refresh: refill the tables from the data)',
        params: trainingPlanParamsSchema,
        body: newTrainingPlanVersionSchema,
        response: { 200: trainingPlanSchema, ...errors },
      },
    },
    async (request) =>
      startTrainingPlanVersion(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.planId,
        request.body,
      ),
  );

  app.get(
    `${PLANS}/:planId/versions/:number/export`,
    {
      config: { ...readers, deadlineSeconds: LONG_DEADLINE_SECONDS.export },
      schema: {
        tags,
        summary: 'Download one version as DOCX, XLSX or PDF',
        params: trainingPlanExportParamsSchema,
        querystring: trainingPlanExportQuerySchema,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportTrainingPlan(
        services,
        request.params.organisationId,
        request.params.planId,
        request.params.number,
        request.query.format,
      );
      return reply
        .header('content-type', file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="training-plan-v${request.params.number}.${request.query.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.body);
    },
  );
}
