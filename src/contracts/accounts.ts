import { z } from 'zod';
import { pageOf, uuidSchema } from './common.js';

/**
 * Accounts over their whole life (issue 17): disable and re-enable, leaving (alumni: read-only, records kept),
 * one-time reset and activation codes, forced change at first sign-in, the sessions of a person, and what is
 * stored about them.
 */

/** A member's account as an organisation admin manages it. */
export const accountSchema = z.object({
  personId: uuidSchema,
  displayName: z.string(),
  email: z.string().nullable(),
  loginId: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  hasPassword: z.boolean(),
  /** Left this organisation (graduated, left the company): read-only here, records kept. */
  left: z.boolean(),
  /** Organisations the person also belongs to (names only): an admin disables only people who are theirs alone. */
  otherOrganisations: z.number().int(),
  activeSessions: z.number().int(),
  lastSignInAt: z.string().nullable(),
});
export type Account = z.infer<typeof accountSchema>;

export const accountParamsSchema = z.object({ organisationId: uuidSchema, personId: uuidSchema }).strict();

/** A one-time code issued by an admin (reset or first activation). */
export const issuedCodeSchema = z.object({
  personId: uuidSchema,
  loginId: z.string().nullable(),
  email: z.string().nullable(),
  displayName: z.string(),
  /** Shown once when no mail transport is configured or the person has no e-mail; null when it was e-mailed. */
  code: z.string().nullable(),
  delivered: z.enum(['shown', 'email']),
  expiresAt: z.string(),
});
export type IssuedCode = z.infer<typeof issuedCodeSchema>;

/** Activation codes for a whole class (or every student without a password), as a file to print and hand out. */
export const classCodesRequestSchema = z
  .object({ onlyWithoutPassword: z.boolean().default(true), format: z.enum(['csv', 'xlsx']).default('xlsx') })
  .strict();

/** Redeeming a code: the person names themselves (学号/工号 or e-mail), gives the code and a new password. */
export const redeemCodeRequestSchema = z
  .object({
    login: z.string().trim().min(1).max(254),
    code: z.string().trim().min(1).max(64),
    newPassword: z.string().min(1).max(256),
  })
  .strict();
export type RedeemCodeRequest = z.infer<typeof redeemCodeRequestSchema>;

/** Setting a new password when one is required (the current one was set by someone else). */
export const forcedPasswordRequestSchema = z.object({ newPassword: z.string().min(1).max(256) }).strict();

export const sessionEntrySchema = z.object({
  id: uuidSchema,
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
  /** How it was opened: password, reset code, CAS or OIDC. */
  method: z.string().nullable(),
});
export type SessionEntry = z.infer<typeof sessionEntrySchema>;
export const sessionListSchema = z.object({ items: z.array(sessionEntrySchema) });
export const sessionParamsSchema = z.object({ sessionId: uuidSchema }).strict();
export const endedSessionsSchema = z.object({ ended: z.number().int() });

/** Everything Zerodock stores about the signed-in person (a subject access view). */
export const myDataSchema = z.object({
  person: z.object({
    id: uuidSchema,
    displayName: z.string(),
    email: z.string().nullable(),
    loginId: z.string().nullable(),
    locale: z.string(),
    createdAt: z.string(),
    passwordChangedAt: z.string().nullable(),
  }),
  memberships: z.array(
    z.object({
      organisationId: uuidSchema,
      organisationNameZh: z.string(),
      organisationNameEn: z.string(),
      roles: z.array(z.string()),
    }),
  ),
  rosterEntries: z.array(
    z.object({
      organisationId: uuidSchema,
      organisationNameZh: z.string(),
      organisationNameEn: z.string(),
      kind: z.string(),
      externalId: z.string(),
      fields: z.record(z.string(), z.string().nullable()),
      status: z.string(),
    }),
  ),
  sessions: z.number().int(),
  /** Audit events the person caused or that concern them, newest first (the last 200). */
  auditEvents: z.array(z.object({ occurredAt: z.string(), action: z.string(), organisationId: uuidSchema.nullable() })),
});
export type MyData = z.infer<typeof myDataSchema>;

export const accountListSchema = pageOf(accountSchema);
