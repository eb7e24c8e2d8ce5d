import { z } from 'zod';

/** Counts of the main tables (`zerodock stats --json`, `GET /api/stats`). */
export const statsSchema = z.object({
  organisations: z.number().int(),
  people: z.number().int(),
  memberships: z.number().int(),
  sessions: z.number().int(),
  auditEvents: z.number().int(),
  /** Taxonomy counts over the newest version of each framework (curated, ESCO, O*NET, catalogues). */
  frameworkVersions: z.number().int(),
  competencies: z.number().int(),
  occupations: z.number().int(),
  occupationCompetencyLinks: z.number().int(),
  posts: z.number().int(),
  postRequirements: z.number().int(),
  specialties: z.number().int(),
});
export type Stats = z.infer<typeof statsSchema>;
