import { z } from 'zod';
import { enterpriseTypeSchema, organisationKindSchema, pageOf, roleSchema, uuidSchema } from './common.js';

export const organisationSchema = z.object({
  id: uuidSchema,
  kind: organisationKindSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  province: z.string(),
  city: z.string(),
  enterpriseType: enterpriseTypeSchema.nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationListSchema = pageOf(organisationSchema);
export type OrganisationList = z.infer<typeof organisationListSchema>;

export const organisationListQuerySchema = z
  .object({
    kind: organisationKindSchema.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

export const createOrganisationRequestSchema = z
  .object({
    kind: z.enum(['college', 'enterprise', 'city_office', 'committee']),
    nameZh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    province: z.string().trim().min(1).max(100),
    city: z.string().trim().min(1).max(100),
    enterpriseType: enterpriseTypeSchema.nullable().default(null),
  })
  .strict();
export type CreateOrganisationRequest = z.infer<typeof createOrganisationRequestSchema>;

export const organisationIdParamsSchema = z.object({ organisationId: uuidSchema }).strict();
export const memberParamsSchema = z.object({ organisationId: uuidSchema, personId: uuidSchema }).strict();

export const memberSchema = z.object({
  personId: uuidSchema,
  /** Null for an account that signs in with its 学号/工号 only. */
  email: z.string().nullable(),
  loginId: z.string().nullable(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  isDemo: z.boolean(),
  joinedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;
export const memberListSchema = pageOf(memberSchema);
export type MemberList = z.infer<typeof memberListSchema>;

export const memberListQuerySchema = z
  .object({
    role: roleSchema.optional(),
    search: z.string().trim().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

/**
 * Invite a person (by e-mail) to join the organisation with roles. The answer is the same whether or not the
 * e-mail has an account: nobody learns who is registered, and nobody joins an organisation without accepting.
 */
export const inviteMemberRequestSchema = z
  .object({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(100),
    roles: z.array(roleSchema).min(1).max(10),
  })
  .strict();
export type InviteMemberRequest = z.infer<typeof inviteMemberRequestSchema>;

export const invitationStatusSchema = z.enum(['pending', 'accepted', 'declined', 'revoked', 'expired']);

export const invitationSchema = z.object({
  id: uuidSchema,
  organisationId: uuidSchema,
  organisationNameZh: z.string(),
  organisationNameEn: z.string(),
  organisationKind: organisationKindSchema,
  email: z.string(),
  /** The name the inviting admin typed (never the account's own name). */
  displayName: z.string(),
  roles: z.array(roleSchema),
  status: invitationStatusSchema,
  invitedByName: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;
export const invitationListSchema = pageOf(invitationSchema);
export type InvitationList = z.infer<typeof invitationListSchema>;

/** The invitation just created, with its one-time code: shown once, to be handed to the invitee. */
export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  code: z.string(),
  /** Where the invitee accepts it in the web app (the code travels in the fragment, never to a server log). */
  acceptPath: z.string(),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const invitationParamsSchema = z.object({ organisationId: uuidSchema, invitationId: uuidSchema }).strict();

/** Replace a member's roles in this organisation (the roles taken away and given must be the caller's to grant). */
export const setMemberRolesRequestSchema = z.object({ roles: z.array(roleSchema).min(1).max(10) }).strict();
export type SetMemberRolesRequest = z.infer<typeof setMemberRolesRequestSchema>;

/** The roles a caller may hand out in an organisation (what the invitation form offers). */
export const grantableRolesSchema = z.object({ roles: z.array(roleSchema) });
