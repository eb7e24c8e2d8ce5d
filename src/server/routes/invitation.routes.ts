import {
  acceptInvitationRequestSchema,
  invitationCodeRequestSchema,
  invitationIdParamsSchema,
  invitationPreviewSchema,
  okResponseSchema,
  sessionResponseSchema,
} from '../../contracts/auth.js';
import { errorBodySchema } from '../../contracts/common.js';
import { invitationSchema } from '../../contracts/organisations.js';
import { z } from 'zod';
import { DomainError } from '../../core/errors/domain-error.js';
import {
  acceptInvitationWithCode,
  answerMyInvitation,
  listMyInvitations,
  previewInvitation,
} from '../../services/invitation-service.js';
import { FixedWindowLimiter } from '../fixed-window-limiter.js';
import { originOf, requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';
import { sessionPresenter, setSessionCookie } from '../session-view.js';

const errors = { '4xx': errorBodySchema };
const tags = ['invitations'];
const signedIn = { access: { kind: 'signed-in' } } as const;

/**
 * The invitee's side: with the code from the link (public, JSON only like the login, rate-limited per client so
 * codes cannot be guessed), or signed in, for the invitations addressed to one's own e-mail.
 */
export function registerInvitationRoutes(app: ZodApp, dependencies: RouteDependencies): void {
  const { services } = dependencies;
  const present = sessionPresenter(app, services);
  const perClient = new FixedWindowLimiter(dependencies.loginRateLimit * 2, 60_000);
  const limit = async (request: { ip: string }) => {
    const retryAfterSeconds = perClient.hit(request.ip);
    if (retryAfterSeconds > 0) {
      throw new DomainError('RATE_LIMITED', `Too many attempts; try again in ${retryAfterSeconds} s`, {
        retryAfterSeconds,
      });
    }
  };

  app.post(
    '/api/invitations/preview',
    {
      config: { access: { kind: 'public' } },
      preHandler: limit,
      schema: {
        tags,
        summary: 'What an invitation code offers (organisation, roles, e-mail), before accepting it',
        body: invitationCodeRequestSchema,
        response: { 200: invitationPreviewSchema, ...errors },
      },
    },
    async (request) => previewInvitation(services, request.body.code),
  );

  app.post(
    '/api/invitations/accept',
    {
      config: { access: { kind: 'public' } },
      preHandler: limit,
      schema: {
        tags,
        summary:
          'Accept an invitation with its code and sign in (the password of the existing account, or of the new one)',
        body: acceptInvitationRequestSchema,
        response: { 200: sessionResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { token, auth } = await acceptInvitationWithCode(services, request.body, originOf(request));
      setSessionCookie(reply, token, dependencies.cookieSecure);
      return present(auth);
    },
  );

  app.get(
    '/api/auth/invitations',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Invitations waiting for the signed-in person',
        response: { 200: z.object({ items: z.array(invitationSchema) }), ...errors },
      },
    },
    async (request) => listMyInvitations(services, requireAuth(request)),
  );

  for (const answer of ['accept', 'decline'] as const) {
    app.post(
      `/api/auth/invitations/:invitationId/${answer}`,
      {
        config: signedIn,
        schema: {
          tags,
          summary: answer === 'accept' ? 'Accept one of my invitations' : 'Decline one of my invitations',
          params: invitationIdParamsSchema,
          response: { 200: okResponseSchema, ...errors },
        },
      },
      async (request) => {
        await answerMyInvitation(
          services,
          requireAuth(request),
          request.params.invitationId,
          answer,
          originOf(request),
        );
        return { ok: true as const };
      },
    );
  }
}
