import { z } from 'zod';
import { COMPETENCY_CHANGES } from '../core/taxonomy/diff-bundles.js';
import {
  COMPETENCY_DIMENSIONS,
  COMPETENCY_TYPES,
  EDUCATION_LEVELS,
  FRAMEWORK_SOURCES,
  OCCUPATION_SCHEMES,
  POST_CATEGORIES,
  SPECIALTY_LEVELS,
} from '../core/taxonomy/taxonomy-bundle.js';
import { isoDateTimeSchema, pageOf, pageQuerySchema, uuidSchema } from './common.js';

export const competencyTypeSchema = z.enum(COMPETENCY_TYPES);
export const competencyDimensionSchema = z.enum(COMPETENCY_DIMENSIONS);
export const postCategorySchema = z.enum(POST_CATEGORIES);

export const versionCountsSchema = z.object({
  competencies: z.number().int(),
  competencyGroups: z.number().int(),
  relations: z.number().int(),
  occupations: z.number().int(),
  occupationCompetencyLinks: z.number().int(),
  posts: z.number().int(),
  postRequirements: z.number().int(),
  specialties: z.number().int(),
});

export const frameworkVersionSchema = z.object({
  id: uuidSchema,
  key: z.string(),
  label: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  source: z.enum(FRAMEWORK_SOURCES),
  releaseNotes: z.string(),
  released: z.boolean(),
  releasedAt: isoDateTimeSchema.nullable(),
  derivedFrom: uuidSchema.nullable(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  /** Newest version of its framework key. */
  latest: z.boolean(),
  counts: versionCountsSchema,
});
export type FrameworkVersion = z.infer<typeof frameworkVersionSchema>;
export const frameworkVersionListSchema = z.object({ items: z.array(frameworkVersionSchema) });

export const versionParamsSchema = z.object({ versionId: uuidSchema }).strict();
export const competencyParamsSchema = z
  .object({ versionId: uuidSchema, competencyId: z.string().min(1).max(200) })
  .strict();
export const postParamsSchema = z.object({ versionId: uuidSchema, postId: z.string().min(1).max(200) }).strict();

export const competencyQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(100).optional(),
    type: competencyTypeSchema.optional(),
    dimension: competencyDimensionSchema.optional(),
    /** Include hierarchy grouping nodes (ESCO skill groups). */
    groups: z.enum(['include', 'exclude', 'only']).default('exclude'),
  })
  .strict();
export type CompetencyQuery = z.infer<typeof competencyQuerySchema>;

export const competencySummarySchema = z.object({
  id: z.string(),
  type: competencyTypeSchema,
  dimension: competencyDimensionSchema.nullable(),
  isGroup: z.boolean(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
  escoUri: z.string().nullable(),
  /** The label or alias the search matched, and how well (0–1), when searching. */
  matched: z.string().nullable(),
  score: z.number().nullable(),
});
export type CompetencySummary = z.infer<typeof competencySummarySchema>;
export const competencyPageSchema = pageOf(competencySummarySchema);

export const labelRefSchema = z.object({
  id: z.string(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
});

export const competencyDetailSchema = z.object({
  id: z.string(),
  type: competencyTypeSchema,
  dimension: competencyDimensionSchema.nullable(),
  isGroup: z.boolean(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
  aliasesZh: z.array(z.string()),
  aliasesEn: z.array(z.string()),
  descriptionZh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  escoUri: z.string().nullable(),
  onetElementId: z.string().nullable(),
  caseGuid: z.string().nullable(),
  xStandardCode: z.string().nullable(),
  previousIds: z.array(z.string()),
  broader: z.array(labelRefSchema),
  narrower: z.array(labelRefSchema),
  related: z.array(labelRefSchema),
  posts: z.array(
    z.object({
      postId: z.string(),
      titleZh: z.string(),
      titleEn: z.string(),
      category: postCategorySchema,
      essential: z.boolean(),
      weight: z.number(),
      level: z.number().int(),
    }),
  ),
  occupations: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        id: z.string(),
        titleZh: z.string().nullable(),
        titleEn: z.string().nullable(),
        relation: z.string(),
      }),
    ),
  }),
});
export type CompetencyDetail = z.infer<typeof competencyDetailSchema>;

const editableText = (max: number) => z.string().trim().min(1).max(max);
export const competencyPatchSchema = z
  .object({
    type: competencyTypeSchema.optional(),
    dimension: competencyDimensionSchema.nullable().optional(),
    labelZh: editableText(120).optional(),
    labelEn: editableText(200).optional(),
    aliasesZh: z.array(editableText(120)).max(60).optional(),
    aliasesEn: z.array(editableText(200)).max(60).optional(),
    descriptionZh: z.string().trim().max(2000).nullable().optional(),
    descriptionEn: z.string().trim().max(3000).nullable().optional(),
    escoUri: z
      .string()
      .regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'not an ESCO skill URI')
      .nullable()
      .optional(),
    xStandardCode: z.string().trim().max(40).nullable().optional(),
    reason: editableText(500),
  })
  .strict();
export type CompetencyPatch = z.infer<typeof competencyPatchSchema>;

/** A new competency in a draft version (a new technology or task the committee adds from demand). */
export const competencyCreateSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case kebab-case slug (a-z, 0-9, -)')
      .max(80),
    type: competencyTypeSchema,
    dimension: competencyDimensionSchema.nullable(),
    labelZh: editableText(120),
    labelEn: editableText(200),
    aliasesZh: z.array(editableText(120)).max(60).default([]),
    aliasesEn: z.array(editableText(200)).max(60).default([]),
    descriptionZh: z.string().trim().max(2000).nullable().default(null),
    descriptionEn: z.string().trim().max(3000).nullable().default(null),
    escoUri: z
      .string()
      .regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'not an ESCO skill URI')
      .nullable()
      .default(null),
    xStandardCode: z.string().trim().max(40).nullable().default(null),
    /** The broader competency in the same version, if any. */
    broader: z.string().min(1).max(200).nullable().default(null),
    reason: editableText(500),
  })
  .strict();
export type CompetencyCreate = z.infer<typeof competencyCreateSchema>;

export const editRecordSchema = z.object({
  id: uuidSchema,
  /** The version the edit was made in (history follows an item across the versions of its framework). */
  versionId: uuidSchema,
  versionLabel: z.string(),
  entity: z.enum(['competency', 'post', 'version']),
  entityId: z.string(),
  action: z.enum(['create', 'update', 'delete', 'release', 'derive']),
  before: z.unknown(),
  after: z.unknown(),
  reason: z.string(),
  personId: uuidSchema.nullable(),
  personName: z.string().nullable(),
  occurredAt: isoDateTimeSchema,
});
export const editListSchema = z.object({ items: z.array(editRecordSchema) });

export const postListQuerySchema = z
  .object({ q: z.string().trim().max(100).optional(), category: postCategorySchema.optional() })
  .strict();

export const postSummarySchema = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  aliasesZh: z.array(z.string()),
  aliasesEn: z.array(z.string()),
  category: postCategorySchema,
  subSectorZh: z.string(),
  subSectorEn: z.string(),
  requirementCount: z.number().int(),
  essentialCount: z.number().int(),
});
export type PostSummary = z.infer<typeof postSummarySchema>;
export const postListSchema = z.object({ items: z.array(postSummarySchema) });

export const jobSceneSchema = z.object({
  nameZh: z.string(),
  nameEn: z.string(),
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  tasksZh: z.array(z.string()),
  tasksEn: z.array(z.string()),
});

export const proficiencyLevelSchema = z.object({
  level: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  descriptorZh: z.string(),
  descriptorEn: z.string(),
});

export const requirementRowSchema = z.object({
  competencyId: z.string(),
  essential: z.boolean(),
  weight: z.number(),
  level: z.number().int(),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
  type: competencyTypeSchema,
  dimension: competencyDimensionSchema.nullable(),
  escoUri: z.string().nullable(),
});

export const referenceOccupationSchema = z.object({
  scheme: z.enum(OCCUPATION_SCHEMES),
  ref: z.string(),
  /** Resolved from an imported release when one is present (ESCO, O*NET, 大典), else null. */
  titleZh: z.string().nullable(),
  titleEn: z.string().nullable(),
  versionLabel: z.string().nullable(),
});

export const postDetailSchema = postSummarySchema.extend({
  descriptionZh: z.string(),
  descriptionEn: z.string(),
  scenes: z.array(jobSceneSchema),
  requirements: z.array(requirementRowSchema),
  levels: z.array(proficiencyLevelSchema),
  references: z.array(referenceOccupationSchema),
});
export type PostDetail = z.infer<typeof postDetailSchema>;

export const requirementInputSchema = z
  .object({
    competencyId: z.string().min(1).max(200),
    essential: z.boolean(),
    weight: z.number().min(0).max(1),
    level: z.number().int().min(0).max(10),
  })
  .strict();
export const requirementsPutSchema = z
  .object({ requirements: z.array(requirementInputSchema).max(80), reason: editableText(500) })
  .strict();
export type RequirementsPut = z.infer<typeof requirementsPutSchema>;

export const createDraftSchema = z
  .object({ label: z.string().trim().min(1).max(40), releaseNotes: z.string().trim().max(4000).default('') })
  .strict();
export const releaseVersionSchema = z.object({ releaseNotes: z.string().trim().max(4000).optional() }).strict();

export const diffQuerySchema = pageQuerySchema
  .extend({ from: uuidSchema, to: uuidSchema, change: z.enum(COMPETENCY_CHANGES).optional() })
  .strict();

export const competencyDiffItemSchema = z.object({
  id: z.string(),
  previousId: z.string().nullable(),
  changes: z.array(z.enum(COMPETENCY_CHANGES)),
  labelZh: z.string().nullable(),
  labelEn: z.string().nullable(),
  before: z.object({ labelZh: z.string().nullable(), labelEn: z.string().nullable() }).nullable(),
  notes: z.array(z.string()),
});
const requirementValueSchema = z.object({ essential: z.boolean(), weight: z.number(), level: z.number() }).nullable();
export const frameworkDiffSchema = z.object({
  from: z.object({ id: uuidSchema, key: z.string(), label: z.string() }),
  to: z.object({ id: uuidSchema, key: z.string(), label: z.string() }),
  counts: z.object({
    added: z.number().int(),
    removed: z.number().int(),
    relabelled: z.number().int(),
    redescribed: z.number().int(),
    retyped: z.number().int(),
    relinked: z.number().int(),
    reidentified: z.number().int(),
    unchanged: z.number().int(),
    postsAdded: z.number().int(),
    postsRemoved: z.number().int(),
    postsChanged: z.number().int(),
    requirementsChanged: z.number().int(),
    occupationLinksAdded: z.number().int(),
    occupationLinksRemoved: z.number().int(),
  }),
  competencies: pageOf(competencyDiffItemSchema),
  posts: z.array(
    z.object({
      id: z.string(),
      change: z.enum(['added', 'removed', 'changed']),
      titleZh: z.string(),
      titleEn: z.string(),
      retitled: z.boolean(),
      requirements: z.array(
        z.object({ competencyId: z.string(), before: requirementValueSchema, after: requirementValueSchema }),
      ),
    }),
  ),
});
export type FrameworkDiffResponse = z.infer<typeof frameworkDiffSchema>;

export const occupationQuerySchema = pageQuerySchema
  .extend({ q: z.string().trim().max(100).optional(), scheme: z.enum(OCCUPATION_SCHEMES).optional() })
  .strict();
export const occupationSummarySchema = z.object({
  id: z.string(),
  scheme: z.enum(OCCUPATION_SCHEMES),
  code: z.string().nullable(),
  uri: z.string().nullable(),
  titleZh: z.string().nullable(),
  titleEn: z.string().nullable(),
  description: z.string().nullable(),
  iscoCode: z.string().nullable(),
  aliasCount: z.number().int(),
  taskCount: z.number().int(),
});
export const occupationPageSchema = pageOf(occupationSummarySchema);

export const specialtyQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().max(100).optional(),
    educationLevel: z.enum(EDUCATION_LEVELS).optional(),
    level: z.enum(SPECIALTY_LEVELS).optional(),
  })
  .strict();
export const specialtySummarySchema = z.object({
  educationLevel: z.enum(EDUCATION_LEVELS),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  level: z.enum(SPECIALTY_LEVELS),
  parentCode: z.string().nullable(),
  controlled: z.boolean(),
});
export const specialtyPageSchema = pageOf(specialtySummarySchema);

export const exportQuerySchema = z.object({ format: z.enum(['xlsx', 'case']) }).strict();

/** An uploaded workbook or CASE package becomes a draft version (the file is the raw request body). */
export const importQuerySchema = z
  .object({
    format: z.enum(['xlsx', 'case']),
    /** Framework key and version label; default: what the file says. */
    key: z
      .string()
      .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case kebab-case slug')
      .max(80)
      .optional(),
    label: z.string().trim().min(1).max(40).optional(),
    /** The file's name, for error messages (FILE:LINE:FIELD). */
    fileName: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const importResultSchema = z.object({
  versionId: uuidSchema,
  key: z.string(),
  label: z.string(),
  status: z.enum(['created', 'replaced', 'unchanged']),
  released: z.boolean(),
  carriedIds: z.number().int(),
  counts: versionCountsSchema,
});
export type ImportResult = z.infer<typeof importResultSchema>;
