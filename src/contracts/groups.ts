import { z } from 'zod';
import { committeeReviewSchema } from './committee.js';
import { isoDateTimeSchema, uuidSchema } from './common.js';

/**
 * Specialty groups (专业群): the knowledge correlation among posts, the proposed grouping of posts and of a
 * college's specialties, the explanation of every link, and the steering committee's decisions with their
 * audit trail. Also the file format of `zerodock groups`.
 */

// ---- `zerodock groups` file format ---------------------------------------------------------------------------

export const groupingFileCompetencySchema = z
  .object({ id: z.string().min(1), weight: z.number().gt(0, 'weight must be > 0').max(1, 'weight must be ≤ 1') })
  .strict();

export const groupingFilePostSchema = z
  .object({
    id: z.string().min(1),
    label: z.string(),
    competencies: z.array(groupingFileCompetencySchema).min(1, 'a post needs at least one competency'),
  })
  .strict();

/** A posts file names each post once: a repeated id is an issue at its place, naming the first. */
export function refuseDuplicatePostIds(file: { posts: readonly { id: string }[] }, context: z.RefinementCtx): void {
  const seen = new Map<string, number>();
  file.posts.forEach((post, index) => {
    const first = seen.get(post.id);
    if (first !== undefined) {
      context.addIssue({
        code: 'custom',
        path: ['posts', index, 'id'],
        message: `duplicate post id "${post.id}" (first at posts[${first}])`,
      });
    }
    seen.set(post.id, index);
  });
}

/** Input of `zerodock groups --posts IN.json`: unique post ids, weights in (0, 1]. */
export const groupingFileSchema = z
  .object({ posts: z.array(groupingFilePostSchema).min(1, 'there are no posts to group') })
  .superRefine(refuseDuplicatePostIds);
export type GroupingFile = z.infer<typeof groupingFileSchema>;

/** Output of `zerodock groups`: every input post in exactly one group; `shared` strongest first. */
export const groupingOutputSchema = z.object({
  groups: z.array(z.object({ id: z.string(), posts: z.array(z.string()), shared: z.array(z.string()) })),
});
export type GroupingOutput = z.infer<typeof groupingOutputSchema>;

// ---- shared pieces -------------------------------------------------------------------------------------------

export const groupingMethodSchema = z.enum(['consensus', 'average', 'shared-neighbour', 'k-means']);

const bilingualSchema = z.object({ zh: z.string(), en: z.string() });

export const groupQualitySchema = z.object({
  size: z.number().int(),
  /** Mean cosine similarity between two posts of the group. */
  cohesion: z.number(),
  /** Mean cosine similarity to the posts of the nearest other group. */
  separation: z.number(),
  /** Mean silhouette of its posts, −1 … 1. */
  silhouette: z.number(),
});

export const overallQualitySchema = z.object({ silhouette: z.number(), cohesion: z.number() });

/** A competency as the grouping pages show it. `key` is `${frameworkKey}:${competencyId}`. */
export const groupCompetencySchema = z.object({
  id: z.string(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
});

// ---- college specialties ---------------------------------------------------------------------------------------

/** A specialty the college runs (a code from the national catalogue), the posts it serves, and its strength. */
export const collegeSpecialtySchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  /** Curated post ids this specialty serves (edited by the college). */
  posts: z.array(z.string()),
  /** Students enrolled. */
  enrolment: z.number().int().min(0).nullable(),
  /** 0–1. */
  employmentRate: z.number().min(0).max(1).nullable(),
  /** 0–5. */
  employerRating: z.number().min(0).max(5).nullable(),
  updatedAt: isoDateTimeSchema,
});
export type CollegeSpecialtyDto = z.infer<typeof collegeSpecialtySchema>;

export const collegeSpecialtyListSchema = z.object({ items: z.array(collegeSpecialtySchema) });

export const collegeSpecialtyParamsSchema = z
  .object({ organisationId: uuidSchema, code: z.string().regex(/^\d{6}K?$/, 'a 6-digit catalogue code') })
  .strict();

export const collegeSpecialtyInputSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().max(200).nullable().default(null),
    posts: z.array(z.string().min(1)).max(200),
    enrolment: z.number().int().min(0).max(100_000).nullable().default(null),
    employmentRate: z.number().min(0).max(1).nullable().default(null),
    employerRating: z.number().min(0).max(5).nullable().default(null),
  })
  .strict();
export type CollegeSpecialtyInput = z.infer<typeof collegeSpecialtyInputSchema>;

/** Posts suggested for a catalogue specialty, best first, with why. */
export const specialtyPostSuggestionSchema = z.object({
  postId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  score: z.number(),
  reasonZh: z.string(),
  reasonEn: z.string(),
});
export const specialtySuggestionsSchema = z.object({ items: z.array(specialtyPostSuggestionSchema) });

/** `?name=`: the specialty's name when neither the college nor an imported catalogue knows the code. */
export const specialtySuggestionsQuerySchema = z.object({ name: z.string().max(100).optional() }).strict();

// ---- proposals -----------------------------------------------------------------------------------------------

export const proposalStatusSchema = z.enum(['draft', 'submitted', 'approved', 'rejected']);
export type ProposalStatus = z.infer<typeof proposalStatusSchema>;

export const createProposalRequestSchema = z
  .object({
    titleZh: z.string().trim().min(1).max(100),
    titleEn: z.string().trim().max(200).default(''),
    /** Exactly this many groups; chosen automatically (best silhouette) when absent. */
    k: z.number().int().min(1).max(200).optional(),
    method: groupingMethodSchema.default('consensus'),
    /** `served`: the posts the college's specialties serve (default; all posts when none are mapped). */
    scope: z.enum(['served', 'all']).default('served'),
  })
  .strict();
export type CreateProposalRequest = z.infer<typeof createProposalRequestSchema>;

export const proposalParamsSchema = z.object({ organisationId: uuidSchema, proposalId: uuidSchema }).strict();
export const committeeProposalParamsSchema = z.object({ proposalId: uuidSchema }).strict();

export const groupPostSchema = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  category: z.string(),
  /** Competencies of this post outside the group's shared core (its future module courses), strongest first. */
  residue: z.array(groupCompetencySchema.extend({ weight: z.number() })),
});

export const groupSharedCompetencySchema = groupCompetencySchema.extend({
  /** Posts of the group that need it. */
  posts: z.number().int(),
  /** Coverage × weight, 0–1. */
  strength: z.number(),
});

export const groupSpecialtySchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  leading: z.boolean(),
  /** 0–1 or null when no strength figure was entered. */
  strength: z.number().nullable(),
  centrality: z.number(),
  leadScore: z.number(),
  postsInGroup: z.number().int(),
  postsServed: z.number().int(),
  /** The posts it serves, as the proposal keeps the college's mapping (a specialty may only join their groups). */
  servedPosts: z.array(z.string()),
});

export const specialtyGroupSchema = z.object({
  /** `g1`, `g2`, … stable within a proposal. */
  id: z.string(),
  name: bilingualSchema,
  posts: z.array(groupPostSchema),
  shared: z.array(groupSharedCompetencySchema),
  quality: groupQualitySchema,
  /** Leading first. */
  specialties: z.array(groupSpecialtySchema),
  /** 组群逻辑, ≤ 800 Chinese characters. */
  rationale: bilingualSchema,
});
export type SpecialtyGroupDto = z.infer<typeof specialtyGroupSchema>;

export const proposalEventKindSchema = z.enum([
  'proposed',
  'moved_post',
  'moved_specialty',
  'renamed',
  'submitted',
  'commented',
  'voted',
  'approved',
  'rejected',
]);

export const proposalEventSchema = z.object({
  id: uuidSchema,
  kind: proposalEventKindSchema,
  actorName: z.string(),
  /** The actor's organisation (enterprise, college, city office) at the time. */
  actorOrganisation: z.string().nullable(),
  reason: z.string(),
  /** For moves: what moved, from which group to which, and the overall silhouette before and after. */
  item: z.string().nullable(),
  fromGroup: z.string().nullable(),
  toGroup: z.string().nullable(),
  qualityBefore: z.number().nullable(),
  qualityAfter: z.number().nullable(),
  at: isoDateTimeSchema,
});
export type ProposalEventDto = z.infer<typeof proposalEventSchema>;

export const proposalSummarySchema = z.object({
  id: uuidSchema,
  organisationId: uuidSchema,
  organisationName: z.string(),
  /** The college's English name ('' when it has none): English pages show it. */
  organisationNameEn: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  status: proposalStatusSchema,
  method: groupingMethodSchema,
  k: z.number().int(),
  automatic: z.boolean(),
  posts: z.number().int(),
  /** Framework version the posts come from, e.g. `zerodock@2026.1` (a key for tools: people see title and label). */
  framework: z.string(),
  frameworkTitleZh: z.string(),
  frameworkTitleEn: z.string(),
  /** The version label, e.g. `2026.1`. */
  frameworkLabel: z.string(),
  /** Overall silhouette of the system's proposal and of the current (edited) grouping. */
  proposedQuality: z.number(),
  quality: z.number(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export type ProposalSummaryDto = z.infer<typeof proposalSummarySchema>;
export const proposalListSchema = z.object({ items: z.array(proposalSummarySchema) });

export const proposalDetailSchema = proposalSummarySchema.extend({
  groups: z.array(specialtyGroupSchema),
  quality: z.number(),
  overall: overallQualitySchema,
  /** The silhouette of each k tried when k was chosen automatically. */
  candidates: z.array(z.object({ k: z.number().int(), silhouette: z.number() })),
  /** Postings whose demand profile was blended into the posts' weights (0: requirements only). */
  demandPostings: z.number().int(),
  /** Post ids in heatmap order (grouped), and the cosine similarity matrix in that order, rounded to 3 places. */
  heatmap: z.object({ posts: z.array(z.string()), values: z.array(z.array(z.number())) }),
  /** Network view: strongest links between posts (similarity ≥ a threshold, at most 4 per post). */
  edges: z.array(z.object({ a: z.string(), b: z.string(), similarity: z.number() })),
  /** Specialties that serve none of the grouped posts. */
  unplacedSpecialties: z.array(z.string()),
  events: z.array(proposalEventSchema),
  /** The committee's vote on the proposal once submitted (live tally, every vote), null for a draft. */
  review: committeeReviewSchema.nullable(),
});
export type ProposalDetailDto = z.infer<typeof proposalDetailSchema>;

export const pairQuerySchema = z.object({ a: z.string().min(1), b: z.string().min(1) }).strict();

export const pairExplanationSchema = z.object({
  a: z.string(),
  b: z.string(),
  similarity: z.number(),
  links: z.array(groupCompetencySchema.extend({ weightA: z.number(), weightB: z.number(), contribution: z.number() })),
});
export type PairExplanationDto = z.infer<typeof pairExplanationSchema>;

/** Move a post or a specialty to another group (or, for `toGroup: "new"`, a new group of its own). */
export const moveRequestSchema = z
  .object({
    kind: z.enum(['post', 'specialty']),
    /** Post id or specialty code. */
    item: z.string().min(1),
    toGroup: z.string().regex(/^(g\d+|new)$/),
    reason: z.string().trim().min(2, 'say why').max(2000),
  })
  .strict();
export type MoveRequest = z.infer<typeof moveRequestSchema>;

/** A move to preview: the same as a move, but the reason may not be written yet. */
export const movePreviewRequestSchema = moveRequestSchema
  .extend({ reason: z.string().trim().max(2000).optional() })
  .strict();
export type MovePreviewRequest = z.infer<typeof movePreviewRequestSchema>;

/** Preview (no write): what the overall and per-group quality would become. */
export const movePreviewSchema = z.object({
  qualityBefore: z.number(),
  qualityAfter: z.number(),
  groupsBefore: z.array(z.object({ id: z.string(), silhouette: z.number() })),
  groupsAfter: z.array(z.object({ id: z.string(), silhouette: z.number() })),
});
export type MovePreviewDto = z.infer<typeof movePreviewSchema>;

export const commentRequestSchema = z.object({ reason: z.string().trim().min(2).max(2000) }).strict();

/** Rename a group (the default name comes from its leading specialty or its two most central posts). */
export const renameGroupRequestSchema = z
  .object({
    group: z.string().regex(/^g\d+$/),
    name: z.object({ zh: z.string().max(100), en: z.string().max(200) }).strict(),
    reason: z.string().trim().max(2000).default(''),
  })
  .strict();
