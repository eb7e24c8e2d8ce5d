import { basename } from 'node:path';
import { errorBodySchema } from '../../contracts/common.js';
import {
  competencyCreateSchema,
  competencyDetailSchema,
  competencyPageSchema,
  competencyParamsSchema,
  competencyPatchSchema,
  competencyQuerySchema,
  createDraftSchema,
  diffQuerySchema,
  editListSchema,
  exportQuerySchema,
  frameworkDiffSchema,
  frameworkVersionListSchema,
  frameworkVersionSchema,
  importQuerySchema,
  importResultSchema,
  occupationPageSchema,
  occupationQuerySchema,
  postDetailSchema,
  postListQuerySchema,
  postListSchema,
  postParamsSchema,
  releaseVersionSchema,
  requirementsPutSchema,
  specialtyPageSchema,
  specialtyQuerySchema,
  versionParamsSchema,
} from '../../contracts/taxonomy.js';
import { TAXONOMY_EDITOR_ROLES, TAXONOMY_RELEASE_ROLES } from '../../core/access/roles.js';
import { diffVersionsPage } from '../../services/taxonomy-diff-service.js';
import { importUploadedTaxonomy } from '../../services/taxonomy-source-import.js';
import { exportFrameworkVersion } from '../../services/taxonomy-export-service.js';
import {
  createCompetency,
  deriveDraft,
  entityHistory,
  getCompetencyDetail,
  getFrameworkVersion,
  getPostDetail,
  listFrameworkVersions,
  listOccupations,
  listPosts,
  listSpecialties,
  patchCompetency,
  putPostRequirements,
  releaseVersion,
  searchCompetencies,
} from '../../services/taxonomy-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LONG_DEADLINE_SECONDS } from '../route-deadline.js';

const errors = { '4xx': errorBodySchema };
/** Uploaded workbooks and CASE packages (the curated framework's CASE JSON is ~2.7 MB). */
const UPLOAD_LIMIT_BYTES = 32 * 1024 * 1024;
const signedIn = { access: { kind: 'signed-in' } } as const;
const editors = { access: { kind: 'role-anywhere', roles: TAXONOMY_EDITOR_ROLES } } as const;
const releasers = { access: { kind: 'role-anywhere', roles: TAXONOMY_RELEASE_ROLES } } as const;
const tags = ['taxonomy'];

/**
 * The competency taxonomy: framework versions, competencies, posts, reference occupations, specialties, version
 * diffs and exports. Reading is for every signed-in person (it is shared reference data); editing drafts is for
 * the curriculum committee roles, deriving and releasing versions for platform admins and committee members.
 */
export function registerTaxonomyRoutes(app: ZodApp, { services, uploads }: RouteDependencies): void {
  app.get(
    '/api/frameworks',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Every framework version with its counts',
        response: { 200: frameworkVersionListSchema, ...errors },
      },
    },
    async () => listFrameworkVersions(services),
  );

  app.get(
    '/api/frameworks/diff',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'What changed between two versions: counts, competency changes (paged), post changes',
        querystring: diffQuerySchema,
        response: { 200: frameworkDiffSchema, ...errors },
      },
    },
    async (request) => diffVersionsPage(services, request.query),
  );

  // The upload parser lives in its own scope: elsewhere the API accepts JSON only.
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    uploads.accept(plain, {
      contentTypes: ['application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      limitBytes: UPLOAD_LIMIT_BYTES,
    });
    scope.post(
      '/api/frameworks/import',
      {
        config: { ...editors, deadlineSeconds: LONG_DEADLINE_SECONDS.upload },
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Upload an XLSX workbook or a CASE package (raw body) as a new draft version, all or nothing',
          querystring: importQuerySchema,
          response: { 200: importResultSchema, ...errors },
        },
      },
      async (request) => {
        const personId = requireAuth(request).actor.personId;
        const { format } = request.query;
        return uploads.withUpload(
          request.body,
          () => basename(request.query.fileName ?? `upload.${format === 'case' ? 'json' : 'xlsx'}`),
          (path, name) =>
            importUploadedTaxonomy(services, personId, format, path, { ...request.query, fileName: name }),
        );
      },
    );
  });

  app.get(
    '/api/frameworks/:versionId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One framework version',
        params: versionParamsSchema,
        response: { 200: frameworkVersionSchema, ...errors },
      },
    },
    async (request) => getFrameworkVersion(services, request.params.versionId),
  );

  app.post(
    '/api/frameworks/:versionId/drafts',
    {
      config: { ...editors, deadlineSeconds: LONG_DEADLINE_SECONDS.copy },
      schema: {
        tags,
        summary: 'Derive a new draft version (a full copy) to edit',
        params: versionParamsSchema,
        body: createDraftSchema,
        response: { 200: frameworkVersionSchema, ...errors },
      },
    },
    async (request) => deriveDraft(services, requireAuth(request).actor, request.params.versionId, request.body),
  );

  app.post(
    '/api/frameworks/:versionId/release',
    {
      config: { ...releasers, deadlineSeconds: LONG_DEADLINE_SECONDS.copy },
      schema: {
        tags,
        summary: 'Release a draft version (it becomes immutable)',
        params: versionParamsSchema,
        body: releaseVersionSchema,
        response: { 200: frameworkVersionSchema, ...errors },
      },
    },
    async (request) => releaseVersion(services, requireAuth(request).actor, request.params.versionId, request.body),
  );

  app.get(
    '/api/frameworks/:versionId/export',
    {
      config: { ...signedIn, deadlineSeconds: LONG_DEADLINE_SECONDS.export },
      schema: {
        tags,
        summary: 'Download the version as a CASE 1.0 CFPackage (JSON) or the editable XLSX workbook',
        params: versionParamsSchema,
        querystring: exportQuerySchema,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const file = await exportFrameworkVersion(services, request.params.versionId, request.query.format);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.body);
    },
  );

  app.get(
    '/api/frameworks/:versionId/competencies',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Search competencies by label or alias in zh or en (fuzzy), or list them; paged',
        params: versionParamsSchema,
        querystring: competencyQuerySchema,
        response: { 200: competencyPageSchema, ...errors },
      },
    },
    async (request) => searchCompetencies(services, request.params.versionId, request.query),
  );

  app.post(
    '/api/frameworks/:versionId/competencies',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Add a competency to a draft version (with a reason; recorded in its history)',
        params: versionParamsSchema,
        body: competencyCreateSchema,
        response: { 200: competencyDetailSchema, ...errors },
      },
    },
    async (request) => {
      const created = await createCompetency(
        services,
        requireAuth(request).actor,
        request.params.versionId,
        request.body,
      );
      return getCompetencyDetail(services, request.params.versionId, created.id);
    },
  );

  app.get(
    '/api/frameworks/:versionId/competencies/:competencyId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One competency with its hierarchy, related items, posts and occupations',
        params: competencyParamsSchema,
        response: { 200: competencyDetailSchema, ...errors },
      },
    },
    async (request) => getCompetencyDetail(services, request.params.versionId, request.params.competencyId),
  );

  app.patch(
    '/api/frameworks/:versionId/competencies/:competencyId',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Edit a competency of a draft version (with a reason; recorded in its history)',
        params: competencyParamsSchema,
        body: competencyPatchSchema,
        response: { 200: competencyDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { versionId, competencyId } = request.params;
      await patchCompetency(services, requireAuth(request).actor, versionId, competencyId, request.body);
      return getCompetencyDetail(services, versionId, competencyId);
    },
  );

  app.get(
    '/api/frameworks/:versionId/competencies/:competencyId/history',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Edit history of a competency across the versions of its framework',
        params: competencyParamsSchema,
        response: { 200: editListSchema, ...errors },
      },
    },
    async (request) => entityHistory(services, request.params.versionId, 'competency', request.params.competencyId),
  );

  app.get(
    '/api/frameworks/:versionId/posts',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Posts of a version (filter by ITO/BPO/KPO and by title or alias)',
        params: versionParamsSchema,
        querystring: postListQuerySchema,
        response: { 200: postListSchema, ...errors },
      },
    },
    async (request) => listPosts(services, request.params.versionId, request.query),
  );

  app.get(
    '/api/frameworks/:versionId/posts/:postId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One post with requirements, job scenes and reference occupations',
        params: postParamsSchema,
        response: { 200: postDetailSchema, ...errors },
      },
    },
    async (request) => getPostDetail(services, request.params.versionId, request.params.postId),
  );

  app.put(
    '/api/frameworks/:versionId/posts/:postId/requirements',
    {
      config: editors,
      schema: {
        tags,
        summary: 'Replace the requirements of a post in a draft version (with a reason; recorded)',
        params: postParamsSchema,
        body: requirementsPutSchema,
        response: { 200: postDetailSchema, ...errors },
      },
    },
    async (request) => {
      const { versionId, postId } = request.params;
      await putPostRequirements(services, requireAuth(request).actor, versionId, postId, request.body);
      return getPostDetail(services, versionId, postId);
    },
  );

  app.get(
    '/api/frameworks/:versionId/posts/:postId/history',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Edit history of a post across the versions of its framework',
        params: postParamsSchema,
        response: { 200: editListSchema, ...errors },
      },
    },
    async (request) => entityHistory(services, request.params.versionId, 'post', request.params.postId),
  );

  app.get(
    '/api/frameworks/:versionId/occupations',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Reference occupations of a version (ESCO, ISCO, O*NET, 大典), searchable, paged',
        params: versionParamsSchema,
        querystring: occupationQuerySchema,
        response: { 200: occupationPageSchema, ...errors },
      },
    },
    async (request) => listOccupations(services, request.params.versionId, request.query),
  );

  app.get(
    '/api/frameworks/:versionId/specialties',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Specialties of a catalogue version (专业大类 → 专业类 → 专业), searchable, paged',
        params: versionParamsSchema,
        querystring: specialtyQuerySchema,
        response: { 200: specialtyPageSchema, ...errors },
      },
    },
    async (request) => listSpecialties(services, request.params.versionId, request.query),
  );
}
