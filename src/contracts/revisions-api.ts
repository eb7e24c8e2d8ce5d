import { z } from 'zod';
import { REVISION_PROPOSAL_KINDS } from '../core/revision/derive-revision-proposals.js';
import { committeeReviewSchema } from './committee.js';
import { uuidSchema } from './common.js';

/**
 * The yearly revision (年度动态调整) over HTTP: a group's revision between two years of stored postings, its
 * significant changes, its ranked proposals and the decisions taken on them. Schema-first: the server validates its
 * responses against these; the web imports the types.
 */
const bilingual = z.object({ zh: z.string(), en: z.string() });
const periodFigure = z.object({ postings: z.number().int(), share: z.number() });

export const REVISION_STATUSES = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const revisionStatusSchema = z.enum(REVISION_STATUSES);
export type RevisionStatus = z.infer<typeof revisionStatusSchema>;

export const PROPOSAL_DECISIONS = ['accepted', 'rejected', 'amended'] as const;
export const proposalDecisionSchema = z.enum(PROPOSAL_DECISIONS);

export const revisionChangeViewSchema = z.object({
  competency: z.string(),
  label: bilingual,
  post: z.string().nullable(),
  postLabel: bilingual.nullable(),
  before: periodFigure,
  after: periodFigure,
  direction: z.enum(['rising', 'falling']),
  q: z.number(),
  /** Cohen's h (signed). */
  h: z.number(),
  /** The competency's share of the post's postings (or of all) in every year from the earlier to the later one. */
  series: z.array(z.object({ year: z.number().int(), share: z.number() })),
});
export type RevisionChangeView = z.infer<typeof revisionChangeViewSchema>;

export const revisionProposalViewSchema = z.object({
  rank: z.number().int(),
  kind: z.enum(REVISION_PROPOSAL_KINDS),
  action: z.enum(['raise', 'lower', 'add', 'drop', 'update', 'create', 'retire', 'grow', 'shrink']),
  post: z.string().nullable(),
  postLabel: bilingual.nullable(),
  course: z.string().nullable(),
  courseTitle: bilingual.nullable(),
  competencies: z.array(z.object({ id: z.string(), label: bilingual })),
  score: z.number(),
  /** The release-note sentence ("新增：…"). */
  summary: bilingual,
  evidence: z.object({
    changes: z.array(
      z.object({
        competency: z.string(),
        post: z.string().nullable(),
        before: periodFigure,
        after: periodFigure,
        q: z.number(),
        h: z.number(),
      }),
    ),
    currentWeight: z.number().nullable().optional(),
    suggestedWeight: z.number().nullable().optional(),
    volume: z.object({ before: periodFigure, after: periodFigure, q: z.number(), h: z.number() }).optional(),
    taughtElsewhere: z.array(z.string()).optional(),
    stillRequiredBy: z.array(z.string()).optional(),
  }),
  impact: z.object({
    courses: z.array(z.object({ id: z.string(), title: bilingual })),
    posts: z.array(z.object({ id: z.string(), label: bilingual })),
    semesters: z.array(z.number().int()),
  }),
  decision: z
    .object({
      decision: proposalDecisionSchema,
      comment: z.string(),
      /** An amended proposal's weight (weight changes and new requirements). */
      amendedWeight: z.number().nullable(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
});
export type RevisionProposalView = z.infer<typeof revisionProposalViewSchema>;

export const revisionSummarySchema = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: bilingual,
  beforeYear: z.number().int(),
  afterYear: z.number().int(),
  status: revisionStatusSchema,
  createdAt: z.string(),
  createdBy: z.string(),
  postings: z.object({ before: z.number().int(), after: z.number().int() }),
  changeCount: z.number().int(),
  proposalCount: z.number().int(),
  decidedCount: z.number().int(),
});
export type RevisionSummary = z.infer<typeof revisionSummarySchema>;

const courseRef = z.object({ id: z.string(), title: bilingual, credits: z.number() });

/** What a new course system version changes against the one it revises, course by course. */
export const courseSystemDiffSchema = z.object({
  added: z.array(courseRef),
  removed: z.array(courseRef),
  changed: z.array(
    z.object({
      before: courseRef,
      after: courseRef,
      competenciesAdded: z.array(z.object({ id: z.string(), label: bilingual })),
      competenciesRemoved: z.array(z.object({ id: z.string(), label: bilingual })),
      semesterBefore: z.number().int().nullable(),
      semesterAfter: z.number().int().nullable(),
    }),
  ),
  unchanged: z.number().int(),
  creditsBefore: z.number(),
  creditsAfter: z.number(),
});
export type CourseSystemDiffView = z.infer<typeof courseSystemDiffSchema>;

/** The new versions an approved revision produced: the course system (its diff) and the release notes. */
export const revisionResultSchema = z.object({
  courseSystemId: z.string(),
  courseSystemTitle: bilingual,
  appliedAt: z.string(),
  appliedBy: z.string(),
  /** The accepted and amended proposals as release-note lines ("新增：…"). */
  releaseNotes: z.array(bilingual),
  /** Posts whose requirements changed: weights before → after (null: not required). */
  requirements: z.array(
    z.object({
      post: z.string(),
      postLabel: bilingual,
      competency: z.string(),
      label: bilingual,
      before: z.number().nullable(),
      after: z.number().nullable(),
    }),
  ),
  diff: courseSystemDiffSchema,
  /** The training plans carried to the new version (new drafts on it; the old plans stay as they were). */
  trainingPlans: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  /**
   * Students' saved pathways on the revised version, carried to the new one and re-checked against the new
   * requirements: how many, and who now misses essential competencies (the first 200, for their teachers).
   */
  pathways: z
    .object({
      checked: z.number().int(),
      carried: z.number().int(),
      affected: z.number().int(),
      students: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          post: z.string(),
          missing: z.number().int(),
          add: z.number().int(),
        }),
      ),
    })
    .optional(),
});
export type RevisionResult = z.infer<typeof revisionResultSchema>;

export const revisionViewSchema = revisionSummarySchema.extend({
  /** Hypotheses tested: the size of the false-discovery family. */
  tested: z.number().int(),
  changes: z.array(revisionChangeViewSchema),
  proposals: z.array(revisionProposalViewSchema),
  /** "12 changes → 3 competencies → 5 courses, 2 plans": what the accepted-or-open proposals touch. */
  impact: z.object({
    competencies: z.number().int(),
    courses: z.number().int(),
    posts: z.number().int(),
    plans: z.number().int(),
  }),
  /** The steering committee a submitted revision was put before (null: never submitted). */
  committeeId: z.string().nullable().optional(),
  /** The committee's live vote on a submitted (or decided) revision, as the reader sees it; null before. */
  review: committeeReviewSchema.nullable().optional(),
  /**
   * What applying the approved revision produced (null until applied: `POST …/revisions/:id/apply` builds the new
   * course system version from the revised requirements; the revised one stays as it was).
   */
  result: revisionResultSchema.nullable().optional(),
  /**
   * Demand enterprises declared for the group's posts (headcount and enterprises per year), shown beside the
   * postings and never mixed into their tests: a declaration is a plan to hire, a posting an act of hiring.
   */
  declared: z
    .array(
      z.object({
        post: z.string(),
        postLabel: bilingual,
        before: z.object({ headcount: z.number().int(), enterprises: z.number().int() }),
        after: z.object({ headcount: z.number().int(), enterprises: z.number().int() }),
      }),
    )
    .optional(),
});
export type RevisionView = z.infer<typeof revisionViewSchema>;

export const revisionListSchema = z.object({ items: z.array(revisionSummarySchema) });

export const createRevisionBodySchema = z
  .object({
    beforeYear: z.number().int().min(2000).max(2100),
    afterYear: z.number().int().min(2000).max(2100),
  })
  .strict()
  .refine((body) => body.beforeYear < body.afterYear, {
    message: 'the earlier year must come before the later one (the periods may not overlap)',
    path: ['afterYear'],
  });
export type CreateRevisionBody = z.infer<typeof createRevisionBodySchema>;

export const decideProposalBodySchema = z
  .object({
    decision: proposalDecisionSchema,
    comment: z.string().trim().max(2000).default(''),
    amendedWeight: z.number().gt(0).max(1).nullish(),
  })
  .strict();
export type DecideProposalBody = z.infer<typeof decideProposalBodySchema>;

/**
 * `:groupId` is the id of the group's course system (the specialty group as planned: its posts, weights, courses
 * and semesters), as listed by `GET /api/organisations/:organisationId/course-systems`.
 */
export const revisionGroupParamsSchema = z.object({ organisationId: uuidSchema, groupId: uuidSchema }).strict();
export const revisionParamsSchema = z.object({ organisationId: uuidSchema, revisionId: uuidSchema }).strict();
export const revisionProposalParamsSchema = z
  .object({ organisationId: uuidSchema, revisionId: uuidSchema, rank: z.coerce.number().int().min(1).max(100000) })
  .strict();

/** Revisions put before a committee the reader sits on (its members' desk), newest submission first. */
export const committeeRevisionListSchema = z.object({
  items: z.array(
    revisionSummarySchema.extend({
      organisationId: z.string(),
      /** The college's name in Chinese, and in English (empty when it has none). */
      organisationName: z.string(),
      organisationNameEn: z.string().optional(),
      submittedAt: z.string().nullable(),
      /** The committee's vote so far (the desk's tally column); null when the revision has no committee. */
      tally: z
        .object({
          approve: z.number().int(),
          reject: z.number().int(),
          abstain: z.number().int(),
          participating: z.number().int(),
          quorum: z.number().int(),
          outcome: committeeReviewSchema.shape.outcome,
        })
        .nullable()
        .optional(),
    }),
  ),
});
export type CommitteeRevisionList = z.infer<typeof committeeRevisionListSchema>;
export const committeeRevisionParamsSchema = z.object({ revisionId: uuidSchema }).strict();
