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
    kind: z.enum(['college', 'enterprise', 'city_office']),
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
  email: z.string(),
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

export const addMemberRequestSchema = z
  .object({
    email: z.email().max(254),
    displayName: z.string().trim().min(1).max(100),
    roles: z.array(roleSchema).min(1).max(9),
    /** Initial password for a new person; ignored (and may be omitted) when the e-mail already has an account. */
    initialPassword: z.string().min(1).max(256).optional(),
  })
  .strict();
export type AddMemberRequest = z.infer<typeof addMemberRequestSchema>;
