import { z } from 'zod';

/** Counts of the main tables (`zerodock stats --json`, `GET /api/stats`). */
export const statsSchema = z.object({
  organisations: z.number().int(),
  people: z.number().int(),
  memberships: z.number().int(),
  sessions: z.number().int(),
  auditEvents: z.number().int(),
});
export type Stats = z.infer<typeof statsSchema>;
