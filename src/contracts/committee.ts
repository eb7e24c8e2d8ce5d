import { z } from 'zod';
import { isoDateTimeSchema, uuidSchema } from './common.js';

/**
 * Steering-committee decisions (专业建设指导委员会): each committee's voting rules, the votes its members cast on a
 * matter put before it (a specialty-group proposal, a Talent Training Plan version) and the live tally.
 */

export const majorityRuleSchema = z.enum(['simple', 'two_thirds']);

/** Stored rules: quorum null means half the seats + 1 (never below two). */
export const committeeRulesSchema = z
  .object({ quorum: z.number().int().min(2).max(500).nullable(), majority: majorityRuleSchema })
  .strict();
export type CommitteeRulesDto = z.infer<typeof committeeRulesSchema>;

export const committeeSchema = z.object({
  id: uuidSchema,
  nameZh: z.string(),
  nameEn: z.string(),
  seats: z.number().int(),
  rules: committeeRulesSchema,
  /** The quorum that holds now (the stored one, or the default for the current seats). */
  quorum: z.number().int(),
  members: z.array(z.object({ name: z.string() })),
});
export type CommitteeDto = z.infer<typeof committeeSchema>;
export const committeeListSchema = z.object({ items: z.array(committeeSchema) });
export const committeeParamsSchema = z.object({ committeeId: uuidSchema }).strict();

/** The committees a college may put a matter before (names only: seats and rules are the committees' own). */
export const committeeChoiceListSchema = z.object({
  items: z.array(z.object({ id: uuidSchema, nameZh: z.string(), nameEn: z.string() })),
});
export type CommitteeChoiceListDto = z.infer<typeof committeeChoiceListSchema>;

export const voteChoiceSchema = z.enum(['approve', 'reject', 'abstain']);

export const voteRequestSchema = z
  .object({ choice: voteChoiceSchema, comment: z.string().trim().max(2000).default('') })
  .strict();
export type VoteRequest = z.infer<typeof voteRequestSchema>;

export const committeeVoteSchema = z.object({
  voterName: z.string(),
  choice: voteChoiceSchema,
  comment: z.string(),
  at: isoDateTimeSchema,
  /** False for a vote the member later changed (kept: every vote is recorded). */
  current: z.boolean(),
});

/** The live state of a matter before a committee: who voted what, the tally, and what the caller may do. */
export const committeeReviewSchema = z.object({
  committee: z.object({ id: uuidSchema, nameZh: z.string(), nameEn: z.string() }),
  round: z.number().int(),
  seats: z.number().int(),
  eligible: z.number().int(),
  quorum: z.number().int(),
  majority: majorityRuleSchema,
  approve: z.number().int(),
  reject: z.number().int(),
  abstain: z.number().int(),
  participating: z.number().int(),
  quorumReached: z.boolean(),
  needed: z.number().int(),
  /** withdrawn: the director took the plan version back before the committee decided. */
  outcome: z.enum(['approved', 'rejected', 'pending', 'withdrawn']),
  quorumUnreachable: z.boolean(),
  /** Every vote cast, oldest first (changed votes included, marked not current). */
  votes: z.array(committeeVoteSchema),
  /** The caller's current vote, and whether (and if not, why not) they may vote now. */
  myVote: voteChoiceSchema.nullable(),
  mayVote: z.boolean(),
  whyNot: z.enum(['not_on_committee', 'author', 'member_of_proposer', 'decided', 'withdrawn']).nullable(),
});
export type CommitteeReviewDto = z.infer<typeof committeeReviewSchema>;

/** Submitting to a committee: which one (optional when the platform has exactly one). */
export const submitToCommitteeSchema = z.object({ committeeId: uuidSchema.optional() }).strict();

/** Plans with a version put before a committee (its members' desk). */
export const committeePlanListSchema = z.object({
  items: z.array(
    z.object({
      id: uuidSchema,
      organisationId: uuidSchema,
      organisationName: z.string(),
      /** The college's English name ('' when it has none): English pages show it. */
      organisationNameEn: z.string(),
      titleZh: z.string(),
      number: z.number().int(),
      status: z.enum(['draft', 'approved']),
      underReview: z.boolean(),
      submittedAt: isoDateTimeSchema.nullable(),
    }),
  ),
});
export const committeePlanParamsSchema = z.object({ planId: uuidSchema }).strict();
