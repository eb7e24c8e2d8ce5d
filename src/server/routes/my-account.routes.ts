import {
  endedSessionsSchema,
  forcedPasswordRequestSchema,
  myDataSchema,
  sessionListSchema,
  sessionParamsSchema,
} from '../../contracts/accounts.js';
import { okResponseSchema, sessionResponseSchema } from '../../contracts/auth.js';
import { errorBodySchema } from '../../contracts/common.js';
import {
  endMyOtherSessions,
  endMySession,
  listMySessions,
  readMyData,
  setForcedPassword,
} from '../../services/my-account-service.js';
import { sessionPresenter } from '../session-view.js';
import { originOf, requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
const signedIn = { access: { kind: 'signed-in' } } as const;
const tags = ['auth'];

/** The signed-in person's own account: a required new password, their sessions, what is stored about them. */
export function registerMyAccountRoutes(app: ZodApp, { services }: RouteDependencies): void {
  const present = sessionPresenter(app, services);

  app.post(
    '/api/auth/forced-password',
    {
      config: signedIn,
      schema: {
        tags,
        summary:
          'Set the new password required after someone else set one (an import, a code); other sessions end. 409 when none is required',
        body: forcedPasswordRequestSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (request) =>
      present(await setForcedPassword(services, requireAuth(request), request.body.newPassword, originOf(request))),
  );

  app.get(
    '/api/auth/sessions',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'My live sessions (the current one flagged, how each was opened)',
        response: { 200: sessionListSchema, ...errors },
      },
    },
    async (request) => ({ items: await listMySessions(services, requireAuth(request)) }),
  );

  app.delete(
    '/api/auth/sessions/:sessionId',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'End one of my sessions (another person’s id is 404)',
        params: sessionParamsSchema,
        response: { 200: okResponseSchema, ...errors },
      },
    },
    async (request) => {
      await endMySession(services, requireAuth(request), request.params.sessionId, originOf(request));
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/sessions/end-others',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Sign out everywhere but here',
        response: { 200: endedSessionsSchema, ...errors },
      },
    },
    async (request) => ({ ended: await endMyOtherSessions(services, requireAuth(request), originOf(request)) }),
  );

  app.get(
    '/api/auth/my-data',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Everything stored about me: person, memberships, roster entries, sessions, my audit trail (audited)',
        response: { 200: myDataSchema, ...errors },
      },
    },
    async (request) => readMyData(services, requireAuth(request), originOf(request)),
  );
}
