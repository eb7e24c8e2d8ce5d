import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { okResponseSchema } from '../../contracts/auth.js';
import { errorBodySchema } from '../../contracts/common.js';
import { organisationIdParamsSchema } from '../../contracts/organisations.js';
import {
  applyRosterImportRequestSchema,
  classDetailSchema,
  classListQuerySchema,
  classListSchema,
  classParamsSchema,
  cohortListSchema,
  createDepartmentRequestSchema,
  departmentParamsSchema,
  departmentTreeSchema,
  rosterApplyResultSchema,
  rosterEntryListSchema,
  rosterExportQuerySchema,
  rosterImportDetailSchema,
  rosterImportListQuerySchema,
  rosterImportListSchema,
  rosterImportParamsSchema,
  rosterImportSchema,
  rosterImportSectionQuerySchema,
  rosterKindParamsSchema,
  rosterListQuerySchema,
  rosterPreviewQuerySchema,
  rosterTemplateQuerySchema,
  updateDepartmentRequestSchema,
} from '../../contracts/rosters.js';
import { ROSTER_ADMIN_ROLES, ROSTER_READER_ROLES } from '../../core/access/roles.js';
import { MAX_ROSTER_BYTES, readRosterFile } from '../../interchange/rosters/read-roster-file.js';
import {
  createDepartment,
  deleteDepartment,
  departmentTree,
  updateDepartment,
} from '../../services/department-service.js';
import {
  applyRosterImport,
  discardRosterImport,
  exportRoster,
  getClass,
  getRosterImport,
  listClasses,
  listCohorts,
  listRoster,
  listRosterImports,
  previewRosterImport,
  requireRosterKind,
  rosterTemplateFile,
} from '../../services/roster-service.js';
import { LONG_DEADLINE_SECONDS } from '../route-deadline.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';
import { checkedName, UPLOAD_CONTENT_TYPES } from '../upload-file.js';

const errors = { '4xx': errorBodySchema };
const admins = { access: { kind: 'organisation-role', roles: ROSTER_ADMIN_ROLES } } as const;
const readers = { access: { kind: 'organisation-role', roles: ROSTER_READER_ROLES } } as const;
const tags = ['rosters'];
const ORGANISATION = '/api/organisations/:organisationId';
const ROSTER_EXTENSIONS = new Set(['.csv', '.xlsx']);

function actorOf(request: Parameters<typeof requireAuth>[0]) {
  const { actor } = requireAuth(request);
  return { personId: actor.personId, email: actor.email };
}

function attachment(fileName: string): string {
  return `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Rosters, classes, cohorts and departments (issue 17). Tenant-scoped throughout: the organisation's admins import
 * (preview, apply, discard), export and manage departments; its staff read the roster (personal data masked unless
 * they are admins), classes, cohorts and the department tree.
 */
export function registerRosterRoutes(app: ZodApp, { services, uploads }: RouteDependencies): void {
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    uploads.accept(plain, { contentTypes: UPLOAD_CONTENT_TYPES, limitBytes: MAX_ROSTER_BYTES });
    scope.post(
      `${ORGANISATION}/rosters/:kind/preview`,
      {
        config: { ...admins, deadlineSeconds: LONG_DEADLINE_SECONDS.upload },
        bodyLimit: MAX_ROSTER_BYTES,
        schema: {
          tags,
          summary:
            'Upload a roster (XLSX or CSV, headers in Chinese or English) and preview it as a diff; nothing is applied',
          params: rosterKindParamsSchema,
          querystring: rosterPreviewQuerySchema,
          response: { 200: rosterImportSchema, ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const { organisationId, kind } = request.params;
        // The kind is checked before the file is read: a teacher file sent to an enterprise is refused at once.
        await requireRosterKind(services.store.repositories, organisationId, kind);
        return uploads.withUpload(
          request.body,
          () => checkedName(request.query.fileName, ROSTER_EXTENSIONS),
          async (path, name) =>
            previewRosterImport(
              services,
              actor,
              organisationId,
              kind,
              await readRosterFile(path, kind, { file: name }),
            ),
        );
      },
    );
  });

  app.get(
    `${ORGANISATION}/roster-imports`,
    {
      config: admins,
      schema: {
        tags,
        summary: 'Roster imports (previewed, applied, discarded), newest first',
        params: organisationIdParamsSchema,
        querystring: rosterImportListQuerySchema,
        response: { 200: rosterImportListSchema, ...errors },
      },
    },
    async (request) => listRosterImports(services, request.params.organisationId, request.query),
  );

  app.get(
    `${ORGANISATION}/roster-imports/:importId`,
    {
      config: admins,
      schema: {
        tags,
        summary: 'One roster import and one section of its diff (new, changed, left, returning), paged',
        params: rosterImportParamsSchema,
        querystring: rosterImportSectionQuerySchema,
        response: { 200: rosterImportDetailSchema, ...errors },
      },
    },
    async (request) => getRosterImport(services, request.params.organisationId, request.params.importId, request.query),
  );

  app.post(
    `${ORGANISATION}/roster-imports/:importId/apply`,
    {
      config: { ...admins, deadlineSeconds: LONG_DEADLINE_SECONDS.upload },
      schema: {
        tags,
        summary: 'Apply a previewed roster import, all or nothing (refused when the roster changed since the preview)',
        params: rosterImportParamsSchema,
        body: applyRosterImportRequestSchema,
        response: { 200: rosterApplyResultSchema, ...errors },
      },
    },
    async (request) =>
      applyRosterImport(
        services,
        actorOf(request),
        request.params.organisationId,
        request.params.importId,
        request.body,
      ),
  );

  app.delete(
    `${ORGANISATION}/roster-imports/:importId`,
    {
      config: admins,
      schema: {
        tags,
        summary: 'Discard a previewed roster import',
        params: rosterImportParamsSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await discardRosterImport(services, actorOf(request), request.params.organisationId, request.params.importId);
      return { ok: true as const };
    },
  );

  app.get(
    `${ORGANISATION}/rosters/:kind/template`,
    {
      config: admins,
      schema: {
        tags,
        summary: 'The import template (导入模板): headers in Chinese or English and one example row, XLSX or CSV',
        params: rosterKindParamsSchema,
        querystring: rosterTemplateQuerySchema,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await rosterTemplateFile(
        services,
        request.params.organisationId,
        request.params.kind,
        request.query.lang,
        request.query.format,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .send(file.body);
    },
  );

  app.get(
    `${ORGANISATION}/roster`,
    {
      config: readers,
      schema: {
        tags,
        summary: 'The roster, filtered and paged (phone and e-mail masked unless the caller is an admin here)',
        params: organisationIdParamsSchema,
        querystring: rosterListQuerySchema,
        response: { 200: rosterEntryListSchema, ...errors },
      },
    },
    async (request) => listRoster(services, requireAuth(request).actor, request.params.organisationId, request.query),
  );

  app.get(
    `${ORGANISATION}/roster/export`,
    {
      config: { ...admins, deadlineSeconds: LONG_DEADLINE_SECONDS.export },
      schema: {
        tags,
        summary: "Export one kind of roster with its personal data (the organisation's admins only; audited)",
        params: organisationIdParamsSchema,
        querystring: rosterExportQuerySchema,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportRoster(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.query.kind,
        request.query.format,
      );
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.fileName))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.get(
    `${ORGANISATION}/classes`,
    {
      config: readers,
      schema: {
        tags,
        summary: 'Classes (班级) with their students, filtered by cohort, department or specialty; paged',
        params: organisationIdParamsSchema,
        querystring: classListQuerySchema,
        response: { 200: classListSchema, ...errors },
      },
    },
    async (request) => listClasses(services, request.params.organisationId, request.query),
  );

  app.get(
    `${ORGANISATION}/classes/:classId`,
    {
      config: readers,
      schema: {
        tags,
        summary: 'One class and its students',
        params: classParamsSchema,
        response: { 200: classDetailSchema, ...errors },
      },
    },
    async (request) =>
      getClass(services, requireAuth(request).actor, request.params.organisationId, request.params.classId),
  );

  app.get(
    `${ORGANISATION}/cohorts`,
    {
      config: readers,
      schema: {
        tags,
        summary: 'Cohorts (年级): classes and students per entry year and specialty',
        params: organisationIdParamsSchema,
        response: { 200: cohortListSchema, ...errors },
      },
    },
    async (request) => listCohorts(services, request.params.organisationId),
  );

  app.get(
    `${ORGANISATION}/departments`,
    {
      config: readers,
      schema: {
        tags,
        summary: 'The department tree (二级学院 / 部门) with classes and people in each',
        params: organisationIdParamsSchema,
        response: { 200: departmentTreeSchema, ...errors },
      },
    },
    async (request) => departmentTree(services, request.params.organisationId),
  );

  app.post(
    `${ORGANISATION}/departments`,
    {
      config: admins,
      schema: {
        tags,
        summary: 'Create a department (optionally inside another)',
        params: organisationIdParamsSchema,
        body: createDepartmentRequestSchema,
        response: { 200: departmentTreeSchema, ...errors },
      },
    },
    async (request) =>
      createDepartment(services, requireAuth(request).actor, request.params.organisationId, request.body),
  );

  app.patch(
    `${ORGANISATION}/departments/:departmentId`,
    {
      config: admins,
      schema: {
        tags,
        summary: 'Rename a department or move it (never inside itself)',
        params: departmentParamsSchema,
        body: updateDepartmentRequestSchema,
        response: { 200: departmentTreeSchema, ...errors },
      },
    },
    async (request) =>
      updateDepartment(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.departmentId,
        request.body,
      ),
  );

  app.delete(
    `${ORGANISATION}/departments/:departmentId`,
    {
      config: admins,
      schema: {
        tags,
        summary: 'Delete an empty department',
        params: departmentParamsSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await deleteDepartment(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.departmentId,
      );
      return { ok: true as const };
    },
  );
}
