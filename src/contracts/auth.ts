import { z } from 'zod';
import { localeSchema, organisationKindSchema, roleSchema, uuidSchema } from './common.js';

export const loginRequestSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(256),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const membershipSchema = z.object({
  organisationId: uuidSchema,
  organisationNameZh: z.string(),
  organisationNameEn: z.string(),
  organisationKind: organisationKindSchema,
  roles: z.array(roleSchema),
});
export type Membership = z.infer<typeof membershipSchema>;

export const sessionResponseSchema = z.object({
  person: z.object({
    id: uuidSchema,
    email: z.string(),
    displayName: z.string(),
    locale: localeSchema,
    isDemo: z.boolean(),
  }),
  memberships: z.array(membershipSchema),
  activeOrganisationId: uuidSchema.nullable(),
  /** Send back in the `x-csrf-token` header on every POST, PUT, PATCH and DELETE. */
  csrfToken: z.string(),
  expiresAt: z.string(),
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
