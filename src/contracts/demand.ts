import { z } from 'zod';
import { isoDateTimeSchema, pageOf, uuidSchema } from './common.js';

/**
 * Demand intelligence: imported job postings, the competencies linked to them (with the character spans that
 * justify each link), demand aggregated by post, competency, region and year, trends with a significance test,
 * and enterprises' declared demand.
 */

const spanSchema = z.tuple([z.number().int().min(0), z.number().int().min(0)]);
export const linkEvidenceSchema = z.enum(['exact', 'implicit']);

/** One linked competency, as the CLI prints it plus where it came from. */
export const linkedCompetencySchema = z.object({
  /** `${frameworkKey}:${competencyId}`, stable across the API. */
  key: z.string(),
  id: z.string(),
  esco: z.string().nullable(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
  score: z.number(),
  evidence: linkEvidenceSchema,
  spans: z.array(spanSchema),
  /**
   * The linker's decision: calibrated confidence above its threshold, justified by the posting's duties or
   * requirements. Only linked competencies count as demand (a stored posting keeps only these).
   */
  linked: z.boolean(),
});
export type LinkedCompetencyDto = z.infer<typeof linkedCompetencySchema>;

export const linkModeSchema = z.enum(['exact', 'full']);

export const linkTextRequestSchema = z
  .object({
    text: z.string().max(100_000),
    mode: linkModeSchema.default('full'),
    top: z.number().int().min(1).max(100).default(10),
  })
  .strict();

export const postGuessSchema = z.object({
  postId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  confidence: z.number(),
  /** Competency keys that decided it, strongest first. */
  decidedBy: z.array(z.string()),
});
export type PostGuess = z.infer<typeof postGuessSchema>;

export const linkTextResultSchema = z.object({
  competencies: z.array(linkedCompetencySchema),
  post: postGuessSchema.nullable(),
  /** Dictionary size and the frameworks it was built from (e.g. `zerodock@2026.1`, `esco@1.1.1`), also by name. */
  dictionary: z.object({
    entries: z.number().int(),
    frameworks: z.array(z.string()),
    frameworkNames: z.array(z.object({ zh: z.string(), en: z.string() })),
  }),
});
export type LinkTextResult = z.infer<typeof linkTextResultSchema>;

// ---- imports -----------------------------------------------------------------------------------------------

export const postingImportStatusSchema = z.enum(['running', 'complete', 'failed']);

export const postingImportSchema = z.object({
  id: uuidSchema,
  fileName: z.string(),
  checksum: z.string(),
  status: postingImportStatusSchema,
  /** Why a failed import failed (`FILE:LINE:FIELD: reason`); null otherwise. Its postings were deleted. */
  failure: z.string().nullable(),
  /** Records in the file (known when the import is complete; 0 while it runs). */
  records: z.number().int(),
  /** Records processed so far (the checkpoint a resumed import continues from). */
  processed: z.number().int(),
  /** Postings stored (records minus duplicates). */
  stored: z.number().int(),
  /** Records dropped as (near-)duplicates of an earlier posting of the same enterprise. */
  duplicates: z.number().int(),
  linkMode: linkModeSchema,
  createdAt: isoDateTimeSchema,
  finishedAt: isoDateTimeSchema.nullable(),
  /** The organisation that made the import (null: the platform); it alone, with the platform, may delete it. */
  organisationId: uuidSchema.nullable(),
});
export type PostingImport = z.infer<typeof postingImportSchema>;
export const postingImportListSchema = z.object({ items: z.array(postingImportSchema) });

export const postingUploadQuerySchema = z
  .object({
    fileName: z.string().trim().min(1).max(200),
    mode: linkModeSchema.default('exact'),
  })
  .strict();

export const postingImportParamsSchema = z.object({ importId: uuidSchema }).strict();

// ---- postings ----------------------------------------------------------------------------------------------

export const postingQuerySchema = z
  .object({
    q: z.string().trim().max(200).optional(),
    post: z.string().max(120).optional(),
    province: z.string().max(40).optional(),
    year: z.coerce.number().int().min(1990).max(2100).optional(),
    competency: z.string().max(400).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(20),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type PostingQuery = z.infer<typeof postingQuerySchema>;

export const postingSummarySchema = z.object({
  id: uuidSchema,
  sourceId: z.string(),
  title: z.string(),
  enterprise: z.string(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  postedOn: z.string(),
  postId: z.string().nullable(),
  postConfidence: z.number().nullable(),
  competencyCount: z.number().int(),
});
export type PostingSummary = z.infer<typeof postingSummarySchema>;
export const postingPageSchema = pageOf(postingSummarySchema);

export const postingParamsSchema = z.object({ postingId: uuidSchema }).strict();

export const postingDetailSchema = postingSummarySchema.extend({
  text: z.string(),
  importId: uuidSchema,
  /** Where `text` starts in the linked string (`title + "\n" + text`): spans are offsets in that string. */
  linkedText: z.string(),
  competencies: z.array(linkedCompetencySchema),
  postTitleZh: z.string().nullable(),
  postTitleEn: z.string().nullable(),
});
export type PostingDetail = z.infer<typeof postingDetailSchema>;

// ---- aggregation -------------------------------------------------------------------------------------------

export const demandFilterSchema = z
  .object({
    province: z.string().max(40).optional(),
    post: z.string().max(120).optional(),
  })
  .strict();

export const countRowSchema = z.object({
  key: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  count: z.number(),
});

export const demandOverviewSchema = z.object({
  postings: z.number().int(),
  enterprises: z.number().int(),
  duplicatesDropped: z.number().int(),
  imports: z.number().int(),
  years: z.array(z.object({ year: z.number().int(), postings: z.number().int() })),
  byPost: z.array(countRowSchema),
  byProvince: z.array(countRowSchema),
  topCompetencies: z.array(countRowSchema.extend({ share: z.number() })),
  declaredHeadcount: z.number().int(),
});
export type DemandOverview = z.infer<typeof demandOverviewSchema>;

export const trendQuerySchema = demandFilterSchema
  .extend({
    from: z.coerce.number().int().min(1990).max(2100).optional(),
    to: z.coerce.number().int().min(1990).max(2100).optional(),
    /** False-discovery rate for the Benjamini–Hochberg procedure. */
    fdr: z.coerce.number().min(0.0001).max(0.5).default(0.05),
    minPostings: z.coerce.number().int().min(1).max(1_000_000).default(20),
    limit: z.coerce.number().int().min(1).max(200).default(20),
  })
  .strict();
export type TrendQuery = z.infer<typeof trendQuerySchema>;

export const competencyTrendSchema = z.object({
  key: z.string(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
  /** Postings mentioning it, per year of `years`. */
  counts: z.array(z.number().int()),
  /** Share of all postings of that year (0–1). */
  shares: z.array(z.number()),
  /** Share in the last year minus share in the first year, in percentage points. */
  changePoints: z.number(),
  /** Cochran–Armitage test for trend in proportions: z statistic and two-sided p-value. */
  z: z.number(),
  p: z.number(),
  /** Benjamini–Hochberg adjusted p-value across every competency tested. */
  q: z.number(),
  significant: z.boolean(),
});
export type CompetencyTrend = z.infer<typeof competencyTrendSchema>;

export const trendReportSchema = z.object({
  years: z.array(z.number().int()),
  totals: z.array(z.number().int()),
  tested: z.number().int(),
  fdr: z.number(),
  rising: z.array(competencyTrendSchema),
  falling: z.array(competencyTrendSchema),
});
export type TrendReport = z.infer<typeof trendReportSchema>;

export const demandPostParamsSchema = z.object({ postId: z.string().min(1).max(120) }).strict();

export const postDemandProfileSchema = z.object({
  postId: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  years: z.array(z.object({ year: z.number().int(), postings: z.number().int(), declared: z.number().int() })),
  enterprises: z.number().int(),
  provinces: z.array(countRowSchema),
  /** Competencies demanded by this post's postings, with whether the post's requirements already list them. */
  competencies: z.array(
    countRowSchema.extend({
      share: z.number(),
      required: z.boolean(),
      essential: z.boolean(),
    }),
  ),
  /** Requirements of the post that its postings never mention (candidates to review). */
  unmentionedRequirements: z.array(z.object({ key: z.string(), labelZh: z.string(), labelEn: z.string() })),
});
export type PostDemandProfile = z.infer<typeof postDemandProfileSchema>;

// ---- declarations ------------------------------------------------------------------------------------------

export const declarationInputSchema = z
  .object({
    postId: z.string().min(1).max(120),
    headcount: z.number().int().min(1).max(100_000),
    year: z.number().int().min(2000).max(2100),
    province: z.string().trim().max(40).nullable().default(null),
    city: z.string().trim().max(40).nullable().default(null),
    note: z.string().trim().max(500).nullable().default(null),
  })
  .strict();
export type DeclarationInput = z.infer<typeof declarationInputSchema>;

export const declarationSchema = z.object({
  id: uuidSchema,
  organisationId: uuidSchema,
  organisationName: z.string(),
  organisationNameEn: z.string(),
  postId: z.string(),
  postTitleZh: z.string().nullable(),
  postTitleEn: z.string().nullable(),
  headcount: z.number().int(),
  year: z.number().int(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoDateTimeSchema,
});
export type Declaration = z.infer<typeof declarationSchema>;
export const declarationListSchema = z.object({ items: z.array(declarationSchema) });
export const declarationParamsSchema = z.object({ organisationId: uuidSchema, declarationId: uuidSchema }).strict();
export const declarationImportQuerySchema = z.object({ fileName: z.string().trim().min(1).max(200) }).strict();
export const declarationImportResultSchema = z.object({ created: z.number().int() });

export const declarationSummarySchema = z.object({
  items: z.array(
    z.object({
      postId: z.string(),
      titleZh: z.string(),
      titleEn: z.string(),
      year: z.number().int(),
      headcount: z.number().int(),
      enterprises: z.number().int(),
    }),
  ),
});
export type DeclarationSummary = z.infer<typeof declarationSummarySchema>;
