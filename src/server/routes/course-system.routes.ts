import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorBodySchema } from '../../contracts/common.js';
import {
  collegeCourseListSchema,
  courseLinkDecisionSchema,
  courseLinkParamsSchema,
  courseListImportQuerySchema,
  courseListImportResultSchema,
  courseSystemDetailSchema,
  courseSystemListSchema,
  courseSystemParamsSchema,
  coverageQuerySchema,
  coverageReportSchema,
  courseParamsSchema,
  courseTitleRequestSchema,
  createCourseSystemRequestSchema,
  pathwayRequestSchema,
  pathwayResultSchema,
  myPathwaySchema,
  pathwayNoticeListSchema,
  savePathwayRequestSchema,
  replanRequestSchema,
} from '../../contracts/course-systems.js';
import { organisationIdParamsSchema } from '../../contracts/organisations.js';
import {
  COURSE_SYSTEM_READER_ROLES,
  COURSE_TEACHER_ROLES,
  SPECIALTY_GROUP_DIRECTOR_ROLES,
  SPECIALTY_READER_ROLES,
} from '../../core/access/roles.js';
import { readCourseList } from '../../interchange/courses/read-course-list.js';
import {
  courseSystemCoverage,
  decideCourseLink,
  importCourseList,
  listCollegeCourses,
} from '../../services/college-course-service.js';
import {
  createCourseSystem,
  getCourseSystem,
  listCourseSystems,
  planStudentPathway,
  renameCourse,
  replanCourseSystem,
  restoreCourseTitle,
} from '../../services/course-system-service.js';
import { getMyPathway, listMyPathwayNotices, saveMyPathway } from '../../services/student-pathway-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';
import { checkedName, UPLOAD_CONTENT_TYPES } from '../upload-file.js';
import { LONG_DEADLINE_SECONDS } from '../route-deadline.js';

const errors = { '4xx': errorBodySchema };
const students = { access: { kind: 'organisation-role', roles: COURSE_SYSTEM_READER_ROLES } } as const;
const readers = { access: { kind: 'organisation-role', roles: SPECIALTY_READER_ROLES } } as const;
const teachers = { access: { kind: 'organisation-role', roles: COURSE_TEACHER_ROLES } } as const;
const directors = { access: { kind: 'organisation-role', roles: SPECIALTY_GROUP_DIRECTOR_ROLES } } as const;
const tags = ['course-systems'];
const SYSTEMS = '/api/organisations/:organisationId/course-systems';
const COURSES = '/api/organisations/:organisationId/courses';
const COURSE_LIST_EXTENSIONS = new Set(['.csv', '.xlsx']);
const COURSE_LIST_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Course systems, pathways and the college's course list. Tenant-scoped throughout: a college's course
 * systems are read by its staff, committee members and students (students plan pathways); its group directors
 * and admins build and re-plan them and import the course list; teachers confirm or reject competency links.
 */
export function registerCourseSystemRoutes(app: ZodApp, { services, uploads }: RouteDependencies): void {
  app.get(
    SYSTEMS,
    {
      config: students,
      schema: {
        tags,
        summary: "The college's course systems, newest first",
        params: organisationIdParamsSchema,
        response: { 200: courseSystemListSchema, ...errors },
      },
    },
    async (request) => listCourseSystems(services, request.params.organisationId),
  );

  app.post(
    SYSTEMS,
    {
      config: { ...directors, deadlineSeconds: LONG_DEADLINE_SECONDS.solve },
      schema: {
        tags,
        summary: "Build one group's course system (platform, modules, electives) and plan its semesters (HiGHS)",
        params: organisationIdParamsSchema,
        body: createCourseSystemRequestSchema,
        response: { 201: courseSystemDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createCourseSystem(services, requireAuth(request).actor, request.params.organisationId, request.body),
        ),
  );

  app.get(
    `${SYSTEMS}/:courseSystemId`,
    {
      config: students,
      schema: {
        tags,
        summary: 'One course system: posts, competencies, courses, semester plan, binding constraints, invariants',
        params: courseSystemParamsSchema,
        response: { 200: courseSystemDetailSchema, ...errors },
      },
    },
    async (request) => getCourseSystem(services, request.params.organisationId, request.params.courseSystemId),
  );

  app.post(
    `${SYSTEMS}/:courseSystemId/plan`,
    {
      config: { ...directors, deadlineSeconds: LONG_DEADLINE_SECONDS.solve },
      schema: {
        tags,
        summary: 'Plan the semesters again (semesters, credit and hour caps, practical terms, public courses)',
        params: courseSystemParamsSchema,
        body: replanRequestSchema,
        response: { 200: courseSystemDetailSchema, ...errors },
      },
    },
    async (request) =>
      replanCourseSystem(services, request.params.organisationId, request.params.courseSystemId, request.body),
  );

  app.put(
    `${SYSTEMS}/:courseSystemId/courses/:courseId/title`,
    {
      config: teachers,
      schema: {
        tags,
        summary: "A teacher's name for one course of the course system (kept across re-plans)",
        params: courseParamsSchema,
        body: courseTitleRequestSchema,
        response: { 200: courseSystemDetailSchema, ...errors },
      },
    },
    async (request) =>
      renameCourse(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.courseSystemId,
        request.params.courseId,
        request.body,
      ),
  );

  app.delete(
    `${SYSTEMS}/:courseSystemId/courses/:courseId/title`,
    {
      config: teachers,
      schema: {
        tags,
        summary: 'Give a renamed course its derived title back',
        params: courseParamsSchema,
        response: { 200: courseSystemDetailSchema, ...errors },
      },
    },
    async (request) =>
      restoreCourseTitle(
        services,
        request.params.organisationId,
        request.params.courseSystemId,
        request.params.courseId,
      ),
  );

  app.post(
    `${SYSTEMS}/:courseSystemId/pathway`,
    {
      config: students,
      schema: {
        tags,
        summary: "A student's minimum-credit pathway to a target post, and what a free choice leaves uncovered",
        params: courseSystemParamsSchema,
        body: pathwayRequestSchema,
        response: { 200: pathwayResultSchema, ...errors },
      },
    },
    async (request) =>
      planStudentPathway(services, request.params.organisationId, request.params.courseSystemId, request.body),
  );

  app.get(
    `${SYSTEMS}/:courseSystemId/my-pathway`,
    {
      config: students,
      schema: {
        tags,
        summary: "The signed-in student's saved pathway in this course system version, with what a revision noted",
        params: courseSystemParamsSchema,
        response: { 200: myPathwaySchema, ...errors },
      },
    },
    async (request) =>
      getMyPathway(services, requireAuth(request).actor, request.params.organisationId, request.params.courseSystemId),
  );

  app.put(
    `${SYSTEMS}/:courseSystemId/my-pathway`,
    {
      config: students,
      schema: {
        tags,
        summary: "Save the signed-in student's pathway (target post, chosen courses): re-checked by each revision",
        params: courseSystemParamsSchema,
        body: savePathwayRequestSchema,
        response: { 200: myPathwaySchema, ...errors },
      },
    },
    async (request) =>
      saveMyPathway(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.courseSystemId,
        request.body,
      ),
  );

  app.get(
    '/api/organisations/:organisationId/my-pathway-notices',
    {
      config: students,
      schema: {
        tags,
        summary: "The signed-in student's pathways a revision carried that need courses added",
        params: organisationIdParamsSchema,
        response: { 200: pathwayNoticeListSchema, ...errors },
      },
    },
    async (request) => listMyPathwayNotices(services, requireAuth(request).actor, request.params.organisationId),
  );

  app.get(
    `${SYSTEMS}/:courseSystemId/coverage`,
    {
      config: readers,
      schema: {
        tags,
        summary: "How the college's existing courses cover the posts: gaps, courses to retire, overlaps",
        params: courseSystemParamsSchema,
        querystring: coverageQuerySchema,
        response: { 200: coverageReportSchema, ...errors },
      },
    },
    async (request) =>
      courseSystemCoverage(services, request.params.organisationId, request.params.courseSystemId, request.query.links),
  );

  app.get(
    COURSES,
    {
      config: readers,
      schema: {
        tags,
        summary: "The college's current course list with the competencies linked to each course",
        params: organisationIdParamsSchema,
        response: { 200: collegeCourseListSchema, ...errors },
      },
    },
    async (request) => listCollegeCourses(services, request.params.organisationId),
  );

  app.put(
    `${COURSES}/:code/links/:competencyId`,
    {
      config: teachers,
      schema: {
        tags,
        summary: "Confirm or reject a course's competency link (or link a competency the linker missed)",
        params: courseLinkParamsSchema,
        body: courseLinkDecisionSchema,
        response: { 200: collegeCourseListSchema, ...errors },
      },
    },
    async (request) =>
      decideCourseLink(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.code,
        request.params.competencyId,
        request.body.status,
      ),
  );

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    uploads.accept(plain, { contentTypes: UPLOAD_CONTENT_TYPES, limitBytes: COURSE_LIST_LIMIT_BYTES });
    scope.post(
      `${COURSES}/import`,
      {
        config: { ...directors, deadlineSeconds: LONG_DEADLINE_SECONDS.upload },
        bodyLimit: COURSE_LIST_LIMIT_BYTES,
        schema: {
          tags,
          summary:
            'Replace the course list (XLSX or CSV: code, name, credits, hours, description, type), all or nothing',
          params: organisationIdParamsSchema,
          querystring: courseListImportQuerySchema,
          response: { 200: courseListImportResultSchema, ...errors },
        },
      },
      async (request) => {
        const personId = requireAuth(request).actor.personId;
        return uploads.withUpload(
          request.body,
          () => checkedName(request.query.fileName, COURSE_LIST_EXTENSIONS),
          async (path, name) =>
            importCourseList(
              services,
              personId,
              request.params.organisationId,
              await readCourseList(path, { file: name }),
              name,
            ),
        );
      },
    );
  });
}
