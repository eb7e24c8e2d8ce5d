import { z } from 'zod';
import {
  accountParamsSchema,
  accountSchema,
  classCodesRequestSchema,
  issuedCodeSchema,
} from '../../contracts/accounts.js';
import { endedSessionsSchema } from '../../contracts/accounts.js';
import { errorBodySchema } from '../../contracts/common.js';
import { classParamsSchema } from '../../contracts/rosters.js';
import { ROSTER_ADMIN_ROLES } from '../../core/access/roles.js';
import {
  disableAccount,
  enableAccount,
  endAccountSessions,
  exportActivationCodes,
  issueResetCode,
  markLeft,
  markReturned,
  readAccount,
} from '../../services/account-service.js';
import { requireAuth, type RouteDependencies, type ZodApp } from '../route-dependencies.js';

const errors = { '4xx': errorBodySchema };
// The organisation's admins act on its people's accounts; platform admins everywhere. Which accounts (never their
// own, disabling only people of theirs alone) is the service's decision (core/access/one-time-code.ts).
const admins = { access: { kind: 'organisation-role', roles: ROSTER_ADMIN_ROLES } } as const;
const tags = ['accounts'];
const ACCOUNT = '/api/organisations/:organisationId/accounts/:personId';

export function registerAccountRoutes(app: ZodApp, { services }: RouteDependencies): void {
  app.get(
    ACCOUNT,
    {
      config: admins,
      schema: {
        tags,
        summary:
          'A person’s account as this organisation’s admins manage it (404 for a person of another organisation)',
        params: accountParamsSchema,
        response: { 200: accountSchema, ...errors },
      },
    },
    async (request) => readAccount(services, request.params.organisationId, request.params.personId),
  );

  const lifecycle = [
    [
      'disable',
      'Disable the account on the whole platform (people of this organisation alone); their sessions end',
      disableAccount,
    ],
    ['enable', 'Enable a disabled account again', enableAccount],
    ['leave', 'Mark the person as having left (graduated, left the company): read-only here, records kept', markLeft],
    ['return', 'Mark a person who left as back on the roster', markReturned],
  ] as const;
  for (const [verb, summary, action] of lifecycle) {
    app.post(
      `${ACCOUNT}/${verb}`,
      {
        config: admins,
        schema: { tags, summary, params: accountParamsSchema, response: { 200: accountSchema, ...errors } },
      },
      async (request) =>
        action(services, requireAuth(request).actor, request.params.organisationId, request.params.personId),
    );
  }

  app.post(
    `${ACCOUNT}/reset-code`,
    {
      config: admins,
      schema: {
        tags,
        summary:
          'Issue a one-time reset code (72 h; voids the previous one): e-mailed when SMTP is configured and the person has an e-mail, otherwise shown once here',
        params: accountParamsSchema,
        response: { 200: issuedCodeSchema, ...errors },
      },
    },
    async (request) =>
      issueResetCode(services, requireAuth(request).actor, request.params.organisationId, request.params.personId),
  );

  app.post(
    `${ACCOUNT}/end-sessions`,
    {
      config: admins,
      schema: {
        tags,
        summary: 'Sign the person out everywhere',
        params: accountParamsSchema,
        response: { 200: endedSessionsSchema, ...errors },
      },
    },
    async (request) => ({
      ended: await endAccountSessions(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.personId,
      ),
    }),
  );

  app.post(
    '/api/organisations/:organisationId/classes/:classId/activation-codes',
    {
      config: admins,
      schema: {
        tags,
        summary:
          'Activation codes for the students of a class (学号, 姓名, 班级, code, expiry) as XLSX or CSV; every export audited',
        params: classParamsSchema,
        body: classCodesRequestSchema,
        response: { 200: z.any(), ...errors },
      },
    },
    async (request, reply) => {
      const exported = await exportActivationCodes(
        services,
        requireAuth(request).actor,
        request.params.organisationId,
        request.params.classId,
        request.body,
      );
      return reply
        .header('content-type', exported.contentType)
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-zerodock-codes', String(exported.count))
        .header('x-zerodock-skipped-shared', String(exported.skippedShared))
        .send(exported.file);
    },
  );
}
