import { z } from 'zod';
import { organisationKindSchema, roleSchema } from './common.js';

export const dashboardResponseSchema = z.object({
  organisation: z
    .object({
      id: z.string(),
      kind: organisationKindSchema,
      nameZh: z.string(),
      nameEn: z.string(),
    })
    .nullable(),
  roles: z.array(roleSchema),
  /**
   * Named figures for the cards on the home page, each a real count of what the caller may see; keys are stable
   * i18n keys. `scope` says whose figure it is (the platform's, the active organisation's, the caller's own);
   * `link` is the web page where the caller works on it.
   */
  figures: z.array(
    z.object({
      key: z.string(),
      value: z.number(),
      scope: z.enum(['platform', 'organisation', 'personal']),
      link: z.string().nullable(),
    }),
  ),
  /** Members of the active organisation by role (for the chart); empty when the caller may not see people. */
  membersByRole: z.array(z.object({ role: roleSchema, count: z.number().int() })),
  /**
   * A college's group directors and admins: this year's yearly revision of each current course system (year: the
   * clock's; a revision belongs to its later period's year). Absent for everyone else.
   */
  revisionCalendar: z
    .object({
      year: z.number().int(),
      items: z.array(
        z.object({
          courseSystemId: z.string(),
          titleZh: z.string(),
          titleEn: z.string(),
          state: z.enum(['none', 'draft', 'submitted', 'approved', 'rejected', 'applied']),
          revisionId: z.string().nullable(),
        }),
      ),
    })
    .nullable()
    .optional(),
  /** Organisations on the platform by kind. */
  organisationsByKind: z.array(z.object({ kind: organisationKindSchema, count: z.number().int() })),
});
export type DashboardResponse = z.infer<typeof dashboardResponseSchema>;
