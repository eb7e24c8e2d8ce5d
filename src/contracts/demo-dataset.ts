import { z } from 'zod';
import { enterpriseTypeSchema, organisationKindSchema, roleSchema } from './common.js';

/** File format of `data/demo/demo-dataset.json`: organisations and people with their roles. */
export const demoDatasetSchema = z
  .object({
    password: z.string().min(10),
    organisations: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z0-9-]+$/),
            kind: organisationKindSchema,
            nameZh: z.string().min(1),
            nameEn: z.string().min(1),
            province: z.string().min(1),
            city: z.string().min(1),
            enterpriseType: enterpriseTypeSchema.nullable(),
          })
          .strict(),
      )
      .min(1),
    people: z
      .array(
        z
          .object({
            email: z.email(),
            displayName: z.string().min(1),
            locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
            /** Shown on the login page as a one-click demo account. */
            featured: z.boolean().default(false),
            memberships: z
              .array(z.object({ organisation: z.string(), roles: z.array(roleSchema).min(1) }).strict())
              .min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type DemoDataset = z.infer<typeof demoDatasetSchema>;
