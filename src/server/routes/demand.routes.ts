import { okResponseSchema } from '../../contracts/auth.js';
import { errorBodySchema } from '../../contracts/common.js';
import { organisationIdParamsSchema } from '../../contracts/organisations.js';
import {
  declarationImportQuerySchema,
  declarationImportResultSchema,
  declarationInputSchema,
  declarationListSchema,
  declarationParamsSchema,
  declarationSchema,
  declarationSummarySchema,
  demandFilterSchema,
  demandOverviewSchema,
  demandPostParamsSchema,
  linkTextRequestSchema,
  linkTextResultSchema,
  postDemandProfileSchema,
  postingDetailSchema,
  postingImportListSchema,
  postingImportParamsSchema,
  postingImportSchema,
  postingPageSchema,
  postingParamsSchema,
  postingQuerySchema,
  postingUploadQuerySchema,
  trendQuerySchema,
  trendReportSchema,
} from '../../contracts/demand.js';
import { importingOrganisation } from '../../core/access/import-ownership.js';
import { DECLARATION_READER_ROLES, DECLARATION_WRITER_ROLES, DEMAND_IMPORT_ROLES } from '../../core/access/roles.js';
import { readDemandDeclarations } from '../../interchange/postings/read-demand-declarations.js';
import {
  createDeclaration,
  declarationSummary,
  deleteDeclaration,
  importDeclarations,
  listDeclarations,
} from '../../services/declaration-service.js';
import {
  deletePostingImport,
  demandOverview,
  demandTrends,
  getPosting,
  linkTextForApi,
  listPostingImports,
  listPostings,
  postDemandProfile,
  postingImportDto,
} from '../../services/demand-service.js';
import { importPostingsFile } from '../../services/posting-import-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';
import { checkedName, UPLOAD_CONTENT_TYPES } from '../upload-file.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { LONG_DEADLINE_SECONDS } from '../route-deadline.js';

const errors = { '4xx': errorBodySchema };
/** Posting files through the browser; larger files go through `zerodock import postings`. */
const UPLOAD_LIMIT_BYTES = 64 * 1024 * 1024;
const POSTING_EXTENSIONS = new Set(['.csv', '.tsv', '.jsonl', '.ndjson', '.xlsx']);
const DECLARATION_EXTENSIONS = new Set(['.csv', '.xlsx']);
const signedIn = { access: { kind: 'signed-in' } } as const;
const importers = { access: { kind: 'role-anywhere', roles: DEMAND_IMPORT_ROLES } } as const;
const declarationReaders = { access: { kind: 'organisation-role', roles: DECLARATION_READER_ROLES } } as const;
const declarationWriters = { access: { kind: 'organisation-role', roles: DECLARATION_WRITER_ROLES } } as const;
const tags = ['demand'];

/**
 * Demand intelligence. Reading (postings, aggregates, trends, the link playground) is for every signed-in person:
 * job postings are public labour-market data. Importing and deleting posting files is for platform admins, city
 * officers and committee members. Declared demand belongs to its enterprise: its admins write it, its admins and
 * engineers read it; others see only the aggregate per post and year.
 */
export function registerDemandRoutes(app: ZodApp, { services, uploads }: RouteDependencies): void {
  app.post(
    '/api/demand/link',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Link a text to competencies (exact and implicit mentions, with spans) and guess its post',
        body: linkTextRequestSchema,
        response: { 200: linkTextResultSchema, ...errors },
      },
    },
    async (request) => linkTextForApi(services, request.body),
  );

  app.get(
    '/api/demand/imports',
    {
      config: signedIn,
      schema: { tags, summary: 'Posting imports, newest first', response: { 200: postingImportListSchema, ...errors } },
    },
    async () => listPostingImports(services),
  );

  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    uploads.accept(plain, { contentTypes: UPLOAD_CONTENT_TYPES, limitBytes: UPLOAD_LIMIT_BYTES });
    scope.post(
      '/api/demand/imports',
      {
        config: { ...importers, deadlineSeconds: LONG_DEADLINE_SECONDS.postings },
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Upload a postings file (CSV, JSONL or XLSX; UTF-8 or GB18030), validated whole, then linked',
          querystring: postingUploadQuerySchema,
          response: { 200: postingImportSchema, ...errors },
        },
      },
      async (request) => {
        const actor = requireAuth(request).actor;
        const outcome = await uploads.withUpload(
          request.body,
          () => checkedName(request.query.fileName, POSTING_EXTENSIONS),
          (path, name, signal) =>
            importPostingsFile(services, path, {
              fileName: name,
              mode: request.query.mode,
              createdBy: actor.personId,
              organisationId: importingOrganisation(actor),
              origin: 'server',
              signal,
            }),
        );
        return postingImportDto(outcome.import);
      },
    );
    scope.post(
      '/api/organisations/:organisationId/demand-declarations/import',
      {
        config: { ...declarationWriters, deadlineSeconds: LONG_DEADLINE_SECONDS.upload },
        bodyLimit: UPLOAD_LIMIT_BYTES,
        schema: {
          tags,
          summary: 'Upload declarations (XLSX or CSV: post, headcount, year, region, note), all or nothing',
          params: organisationIdParamsSchema,
          querystring: declarationImportQuerySchema,
          response: { 200: declarationImportResultSchema, ...errors },
        },
      },
      async (request) => {
        const actor = requireAuth(request).actor;
        return uploads.withUpload(
          request.body,
          () => checkedName(request.query.fileName, DECLARATION_EXTENSIONS),
          async (path, name) =>
            importDeclarations(
              services,
              actor,
              request.params.organisationId,
              await readDemandDeclarations(path, { file: name }),
              name,
            ),
        );
      },
    );
  });

  app.delete(
    '/api/demand/imports/:importId',
    {
      config: { ...importers, deadlineSeconds: LONG_DEADLINE_SECONDS.copy },
      schema: {
        tags,
        summary: 'Delete an import with its postings and counts',
        params: postingImportParamsSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await deletePostingImport(services, requireAuth(request).actor, request.params.importId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/demand/postings',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Postings of finished imports (search, filter, paged)',
        querystring: postingQuerySchema,
        response: { 200: postingPageSchema, ...errors },
      },
    },
    async (request) => listPostings(services, request.query),
  );

  app.get(
    '/api/demand/postings/:postingId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'One posting with its linked competencies and the spans that justify them',
        params: postingParamsSchema,
        response: { 200: postingDetailSchema, ...errors },
      },
    },
    async (request) => getPosting(services, request.params.postingId),
  );

  app.get(
    '/api/demand/overview',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Postings, enterprises, years, posts, provinces and top competencies',
        querystring: demandFilterSchema,
        response: { 200: demandOverviewSchema, ...errors },
      },
    },
    async (request) => demandOverview(services, request.query),
  );

  app.get(
    '/api/demand/trends',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Rising and falling competencies (Cochran–Armitage trend test, Benjamini–Hochberg FDR)',
        querystring: trendQuerySchema,
        response: { 200: trendReportSchema, ...errors },
      },
    },
    async (request) => demandTrends(services, request.query),
  );

  app.get(
    '/api/demand/posts/:postId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: "A post's demand profile: postings and declared headcount per year, competencies demanded",
        params: demandPostParamsSchema,
        querystring: demandFilterSchema.pick({ province: true }),
        response: { 200: postDemandProfileSchema, ...errors },
      },
    },
    async (request) => postDemandProfile(services, request.params.postId, request.query.province),
  );

  app.get(
    '/api/demand/declarations/summary',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Declared headcount per post and year over all enterprises',
        response: { 200: declarationSummarySchema, ...errors },
      },
    },
    async () => declarationSummary(services),
  );

  app.get(
    '/api/organisations/:organisationId/demand-declarations',
    {
      config: declarationReaders,
      schema: {
        tags,
        summary: "An enterprise's own demand declarations",
        params: organisationIdParamsSchema,
        response: { 200: declarationListSchema, ...errors },
      },
    },
    async (request) => listDeclarations(services, request.params.organisationId),
  );

  app.post(
    '/api/organisations/:organisationId/demand-declarations',
    {
      config: declarationWriters,
      schema: {
        tags,
        summary: 'Declare demand: post × headcount × year',
        params: organisationIdParamsSchema,
        body: declarationInputSchema,
        response: { 200: declarationSchema, ...errors },
      },
    },
    async (request) =>
      createDeclaration(services, requireAuth(request).actor, request.params.organisationId, request.body),
  );

  app.delete(
    '/api/organisations/:organisationId/demand-declarations/:declarationId',
    {
      config: declarationWriters,
      schema: {
        tags,
        summary: 'Delete one of the organisation’s declarations',
        params: declarationParamsSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await deleteDeclaration(services, request.params.organisationId, request.params.declarationId);
      return { ok: true as const };
    },
  );
}
