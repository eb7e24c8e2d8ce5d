import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DomainError } from '../core/errors/domain-error.js';
import { RequestLogController } from './request-log-controller.js';
import { installAccessHooks, installRouteCatalogue } from './access-hooks.js';
import { handleError } from './error-handler.js';
import { DEFAULT_REQUEST_DEADLINE_SECONDS, installRouteDeadlines } from './route-deadline.js';
import { registerSecurityHeaders } from './security-headers.js';
import { installTextGuard } from './text-guard.js';
import { registerAccountRoutes } from './routes/account.routes.js';
import { registerAuditRoutes } from './routes/audit.routes.js';
import { registerAuthRoutes } from './routes/auth.routes.js';
import { registerDashboardRoutes } from './routes/dashboard.routes.js';
import { registerHealthRoutes } from './routes/health.routes.js';
import { registerInvitationRoutes } from './routes/invitation.routes.js';
import { registerMemberRoutes } from './routes/member.routes.js';
import { registerMyAccountRoutes } from './routes/my-account.routes.js';
import { registerOrganisationRoutes } from './routes/organisation.routes.js';
import { registerStatsRoutes } from './routes/stats.routes.js';
import { registerTaxonomyRoutes } from './routes/taxonomy.routes.js';
import { registerDemandRoutes } from './routes/demand.routes.js';
import { registerSpecialtyGroupRoutes } from './routes/specialty-group.routes.js';
import { registerSpecialtyRoutes } from './routes/specialty.routes.js';
import { registerCourseSystemRoutes } from './routes/course-system.routes.js';
import { registerCommitteeRoutes } from './routes/committee.routes.js';
import { registerRevisionRoutes } from './routes/revision.routes.js';
import { registerSsoRoutes } from './routes/sso.routes.js';
import { registerRosterRoutes } from './routes/roster.routes.js';
import { registerTrainingPlanRoutes } from './routes/training-plan.routes.js';
import type { RouteDependencies, ZodApp } from './route-dependencies.js';
import { defaultUploadArea, type UploadArea } from './upload-file.js';

export interface BuildServerOptions extends Omit<RouteDependencies, 'uploads'> {
  /** Where uploads are streamed to, and the import slots (default: `<tmp>/zerodock-uploads`, 2 at once). */
  readonly uploads?: UploadArea;
  readonly logger: FastifyServerOptions['logger'];
  readonly trustProxy: boolean;
  /** The built web app (dist/web); the UI is not served when absent (API-only, e.g. in API tests). */
  readonly webRoot: string | null;
  /** Seconds a route may take unless it declares `config.deadlineSeconds` (default 30). */
  readonly requestDeadlineSeconds?: number;
}

/** JSON bodies over 256 KiB are refused with 413: large imports go through their own upload endpoints. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildServer(input: BuildServerOptions): Promise<ZodApp> {
  const options: RouteDependencies & BuildServerOptions = { ...input, uploads: input.uploads ?? defaultUploadArea() };
  const app = Fastify({
    logger: options.logger,
    logController: new RequestLogController(),
    trustProxy: options.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    forceCloseConnections: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // Running imports are aborted (and marked failed) and upload files removed before the database closes.
  app.addHook('onClose', () => options.uploads.close());

  // Before any plugin adds routes, so that every route passes through the access check at registration.
  app.decorate('routeCatalogue', installRouteCatalogue(app));
  installRouteDeadlines(app, options.requestDeadlineSeconds ?? DEFAULT_REQUEST_DEADLINE_SECONDS);
  await registerSecurityHeaders(app, { https: options.cookieSecure });

  await app.register(fastifyCookie);
  installAccessHooks(app, options.services);
  installTextGuard(app);
  await app.register(fastifyRateLimit, {
    global: false,
    // After body parsing, so the key can include the e-mail being tried.
    hook: 'preHandler',
    errorResponseBuilder: (_request, context) =>
      new DomainError('RATE_LIMITED', `Too many attempts; try again in ${Math.ceil(context.ttl / 1000)} s`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Zerodock API',
        version: options.version,
        description:
          'Zerodock 零距离 — productive service outsourcing talent training. Cookie sessions; send x-csrf-token on mutations.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zd_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.get('/api/openapi.json', { config: { access: { kind: 'public' } }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  registerHealthRoutes(app, options);
  registerAuthRoutes(app, options);
  registerMyAccountRoutes(app, options);
  registerOrganisationRoutes(app, options);
  registerMemberRoutes(app, options);
  registerAccountRoutes(app, options);
  registerInvitationRoutes(app, options);
  registerDashboardRoutes(app, options);
  registerAuditRoutes(app, options);
  registerStatsRoutes(app, options);
  registerTaxonomyRoutes(app, options);
  registerDemandRoutes(app, options);
  registerSpecialtyRoutes(app, options);
  registerSpecialtyGroupRoutes(app, options);
  registerCourseSystemRoutes(app, options);
  registerTrainingPlanRoutes(app, options);
  registerCommitteeRoutes(app, options);
  registerRevisionRoutes(app, options);
  registerSsoRoutes(app, options);
  registerRosterRoutes(app, options);

  const webRoot = options.webRoot && fs.existsSync(path.join(options.webRoot, 'index.html')) ? options.webRoot : null;
  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const pathOnly = request.url.split('?')[0] ?? '';
    if (!pathOnly.startsWith('/api') && webRoot && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes of the single-page app: the browser gets index.html and the app shows its own 404.
      const assetPath = path.join(webRoot, pathOnly);
      if (
        pathOnly !== '/' &&
        assetPath.startsWith(webRoot) &&
        fs.existsSync(assetPath) &&
        fs.statSync(assetPath).isFile()
      ) {
        return reply.sendFile(pathOnly.slice(1));
      }
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new DomainError('NOT_FOUND', `No route ${request.method} ${pathOnly}`, {
      method: request.method,
      path: pathOnly,
    });
  });

  return app;
}
