import { z } from 'zod';
import { ENTERPRISE_TYPES, ORGANISATION_KINDS, ROLES } from '../core/access/roles.js';

export const roleSchema = z.enum(ROLES);
export const organisationKindSchema = z.enum(ORGANISATION_KINDS);
export const enterpriseTypeSchema = z.enum(ENTERPRISE_TYPES);
export const localeSchema = z.enum(['zh-CN', 'en']);
export const uuidSchema = z.uuid();
export const isoDateTimeSchema = z.string();

/** Stable error body of every 4xx/5xx answer. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** Offset paging shared by list endpoints. */
export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}
