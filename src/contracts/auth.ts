import { z } from 'zod';
import { localeSchema, organisationKindSchema, roleSchema, uuidSchema } from './common.js';

/**
 * Sign-in with the e-mail or the 学号/工号 (`login`); `{ email, password }` stays accepted for the clients written
 * before accounts without e-mail existed. One of the two, never both.
 */
export const loginRequestSchema = z.union([
  z
    .object({
      login: z.string().trim().min(1).max(254),
      password: z.string().min(1).max(256),
    })
    .strict(),
  z
    .object({
      email: z.email().max(254),
      password: z.string().min(1).max(256),
    })
    .strict(),
]);
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const membershipSchema = z.object({
  organisationId: uuidSchema,
  organisationNameZh: z.string(),
  organisationNameEn: z.string(),
  organisationKind: organisationKindSchema,
  roles: z.array(roleSchema),
  /** Left this organisation (graduated, left the company): read-only there, records kept. */
  left: z.boolean(),
});
export type Membership = z.infer<typeof membershipSchema>;

/**
 * What the signed-in person may call, computed by the server from its route policies (the UI offers exactly this;
 * the server still decides every request): route keys `METHOD /api/path/:param`.
 */
export const capabilitiesSchema = z.object({
  /** Routes that do not depend on an organisation. */
  anywhere: z.array(z.string()),
  /** Tenant routes allowed in each of the person's organisations. */
  organisations: z.record(z.string(), z.array(z.string())),
  /** Tenant routes allowed in every organisation (platform administrators). */
  everyOrganisation: z.array(z.string()),
});
export type CapabilitiesView = z.infer<typeof capabilitiesSchema>;

export const sessionResponseSchema = z.object({
  person: z.object({
    id: uuidSchema,
    /** Null for an account that signs in with its 学号/工号 only. */
    email: z.string().nullable(),
    /** 学号 / 工号, when the person came from a roster. */
    loginId: z.string().nullable(),
    displayName: z.string(),
    locale: localeSchema,
    isDemo: z.boolean(),
    /** A password set by someone else: the UI asks for a new one before anything else (the API refuses the rest). */
    mustChangePassword: z.boolean(),
  }),
  memberships: z.array(membershipSchema),
  activeOrganisationId: uuidSchema.nullable(),
  /** Send back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  expiresAt: z.string(),
  capabilities: capabilitiesSchema,
  /** Invitations to organisations waiting for this person's answer. */
  pendingInvitations: z.number().int(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const changePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z.string().min(1).max(256),
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const activeOrganisationRequestSchema = z.object({ organisationId: uuidSchema }).strict();
export type ActiveOrganisationRequest = z.infer<typeof activeOrganisationRequestSchema>;

export const localeRequestSchema = z.object({ locale: localeSchema }).strict();
export type LocaleRequest = z.infer<typeof localeRequestSchema>;

export const demoAccountSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  organisationNameZh: z.string(),
  organisationNameEn: z.string(),
  roles: z.array(roleSchema),
});
export const demoAccountsResponseSchema = z.object({
  password: z.string().nullable(),
  accounts: z.array(demoAccountSchema),
});
export type DemoAccountsResponse = z.infer<typeof demoAccountsResponseSchema>;

export const okResponseSchema = z.object({ ok: z.literal(true) });

/** An invitation code as the invitee received it (in the link's fragment). */
export const invitationCodeRequestSchema = z.object({ code: z.string().trim().min(16).max(128) }).strict();

/**
 * Accept an invitation with its code, signing in: with the password of the invited e-mail's account when it has
 * one, otherwise the password of the account this creates (and the name to use; the inviter's spelling by default).
 */
export const acceptInvitationRequestSchema = z
  .object({
    code: z.string().trim().min(16).max(128),
    password: z.string().min(1).max(256),
    displayName: z.string().trim().min(1).max(100).optional(),
  })
  .strict();
export type AcceptInvitationRequest = z.infer<typeof acceptInvitationRequestSchema>;

/** What the holder of an invitation code sees before accepting it. */
export const invitationPreviewSchema = z.object({
  organisationNameZh: z.string(),
  organisationNameEn: z.string(),
  organisationKind: organisationKindSchema,
  email: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  expiresAt: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const invitationIdParamsSchema = z.object({ invitationId: uuidSchema }).strict();
