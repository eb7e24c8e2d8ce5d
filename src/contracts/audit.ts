import { z } from 'zod';
import { pageOf } from './common.js';

export const AUDIT_ACTIONS = [
  'login.succeeded',
  'login.failed',
  'login.rate_limited',
  'logout',
  'session.expired',
  'password.changed',
  'password.change_failed',
  'csrf.rejected',
  'access.denied',
  'organisation.created',
  'member.added',
  'member.removed',
  'member.roles_changed',
  'member.invited',
  'invitation.revoked',
  'invitation.accepted',
  'invitation.declined',
  'admin.created',
  'demo.loaded',
  'committee.vote_cast',
  'committee.decided',
  'committee.rules_changed',
  'training_plan.withdrawn',
  'revision.created',
  'revision.proposal_decided',
  'revision.submitted',
  'revision.withdrawn',
  'revision.applied',
  'roster.previewed',
  'roster.applied',
  'roster.discarded',
  'roster.exported',
  'department.created',
  'department.updated',
  'department.deleted',
  'account.disabled',
  'account.enabled',
  'account.left',
  'account.returned',
  'reset_code.issued',
  'reset_code.redeemed',
  'reset_code.failed',
  'activation_codes.exported',
  'sessions.ended',
  'session.ended',
  'identity_provider.updated',
  'identity_provider.deleted',
  'sso.login',
  'sso.failed',
  'personal_data.viewed',
] as const;
export const auditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof auditActionSchema>;

export const auditEventSchema = z.object({
  id: z.string(),
  occurredAt: z.string(),
  action: auditActionSchema,
  actorPersonId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  organisationId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
export const auditEventListSchema = pageOf(auditEventSchema).extend({
  /**
   * Names of the ids the page's details mention (people, organisations, course systems, plans, revisions,
   * proposals), in both languages — only what the reader's organisation owns; other ids stay as they are.
   */
  names: z.record(z.string(), z.object({ zh: z.string(), en: z.string() })),
});
export type AuditEventList = z.infer<typeof auditEventListSchema>;

export const auditListQuerySchema = z
  .object({
    organisationId: z.uuid().optional(),
    action: auditActionSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
