import { z } from 'zod';
import { committeeReviewSchema } from './committee.js';
import { COLLEGE_COURSE_TYPES } from '../core/courses/college-course.js';
import { PLAN_RULE_IDS } from '../core/courses/check-plan-rules.js';
import { PLAN_VIOLATION_CODES } from '../core/courses/find-plan-violations.js';
import { TRAINING_PLAN_SECTION_KEYS } from '../core/courses/training-plan.js';
import { isoDateTimeSchema, uuidSchema } from './common.js';

// ---- course systems ------------------------------------------------------------------------------------------------

const planOptionsShape = {
  semesters: z.number().int().min(1).max(12).default(6),
  maxCredits: z.number().positive().max(200).default(30),
  maxHours: z.number().int().positive().max(5000).nullable().default(null),
  /** 1-based semesters kept for placements (岗位实习). */
  practical: z.array(z.number().int().min(1).max(12)).max(12).default([6]),
};

export const publicCourseSchema = z
  .object({
    code: z.string().trim().min(1).max(40),
    titleZh: z.string().trim().min(1).max(200),
    titleEn: z.string().trim().max(200).default(''),
    credits: z.number().positive().max(60),
    hours: z.number().int().min(0).max(2000),
    semester: z.number().int().min(1).max(12),
  })
  .strict();

export const createCourseSystemRequestSchema = z
  .object({
    proposalId: uuidSchema,
    groupId: z.string().regex(/^g[0-9]{1,4}$/),
    titleZh: z.string().trim().max(200).optional(),
    titleEn: z.string().trim().max(200).optional(),
    ...planOptionsShape,
    publicCourses: z.array(publicCourseSchema).max(100).default([]),
  })
  .strict();
export type CreateCourseSystemRequest = z.infer<typeof createCourseSystemRequestSchema>;

export const replanRequestSchema = z
  .object({ ...planOptionsShape, publicCourses: z.array(publicCourseSchema).max(100).default([]) })
  .strict();
export type ReplanRequest = z.infer<typeof replanRequestSchema>;

export const courseSystemParamsSchema = z.object({ organisationId: uuidSchema, courseSystemId: uuidSchema }).strict();

export const courseDtoSchema = z.object({
  id: z.string(),
  kind: z.enum(['platform', 'module', 'elective']),
  electiveKind: z.enum(['group', 'extension']).nullable(),
  post: z.string().nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  credits: z.number(),
  hours: z.number(),
  /** 理论学时 / 实践学时 (null for course systems built before they were kept). */
  theoryHours: z.number().nullable(),
  practiceHours: z.number().nullable(),
  /** The title is a teacher's name for the course (kept across re-plans). */
  renamed: z.boolean(),
  competencies: z.array(z.string()),
  prerequisites: z.array(z.string()),
  objectivesZh: z.array(z.string()),
  objectivesEn: z.array(z.string()),
  /** 0-based semester of the plan. */
  semester: z.number().int(),
});
export type CourseDto = z.infer<typeof courseDtoSchema>;

export const courseParamsSchema = z
  .object({ organisationId: uuidSchema, courseSystemId: uuidSchema, courseId: z.string().regex(/^[A-Z0-9-]{1,20}$/) })
  .strict();

/** A teacher's name for a course: Chinese required, English optional (the English title stays when omitted). */
export const courseTitleRequestSchema = z
  .object({
    titleZh: z.string().trim().min(1).max(80),
    titleEn: z.string().trim().max(160).default(''),
  })
  .strict();
export type CourseTitleRequest = z.infer<typeof courseTitleRequestSchema>;

export const courseSystemCompetencySchema = z.object({
  id: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  type: z.string().nullable(),
  dimension: z.string().nullable(),
});

export const courseSystemPostSchema = z.object({
  id: z.string(),
  titleZh: z.string(),
  titleEn: z.string(),
  competencies: z.array(z.object({ id: z.string(), weight: z.number(), level: z.number(), essential: z.boolean() })),
});

export const bindingSchema = z.object({
  kind: z.enum(['credit-cap', 'hour-cap', 'prerequisite-chain']),
  semesters: z.array(z.number().int()).optional(),
  limit: z.number().optional(),
  /** The post tracks whose students reach the cap. */
  posts: z.array(z.string()).optional(),
  chain: z.array(z.string()).optional(),
});

export const semesterPlanDtoSchema = z.object({
  semesters: z.array(z.array(z.string())),
  credits: z.array(z.number()),
  hours: z.array(z.number()),
  /** Credits offered per semester, the declared public courses included (all post tracks together). */
  totalCredits: z.array(z.number()),
  /** Credits of the most loaded student per semester: public + platform + electives + one post's modules. The
   * cap (`maxCredits`) bounds this, not the total offered. */
  load: z.array(z.number()),
  method: z.enum(['mip', 'heuristic']),
  solver: z.string().nullable(),
  status: z.string(),
  gap: z.number().nullable(),
  busiest: z.number(),
  average: z.number(),
  binding: z.array(bindingSchema),
  seconds: z.number(),
});

export const courseSystemSummarySchema = z.object({
  id: uuidSchema,
  proposalId: uuidSchema.nullable(),
  /** The proposal's status now (read live from the proposal). */
  proposalStatus: z.string(),
  /** The proposal's status when the course system was built: anything but approved makes it a draft to say so. */
  builtFromStatus: z.string(),
  groupId: z.string(),
  /** The group's name as the groups pages show it (read live from the proposal; null when the group is gone). */
  groupName: z.object({ zh: z.string(), en: z.string() }).nullable(),
  titleZh: z.string(),
  titleEn: z.string(),
  semesters: z.number().int(),
  maxCredits: z.number(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
});
export const courseSystemListSchema = z.object({ items: z.array(courseSystemSummarySchema) });

export const courseSystemDetailSchema = courseSystemSummarySchema.extend({
  /**
   * "Why it is like this": the yearly revision this version was built by, and the version it revised (null: built
   * from a grouping proposal). Optional for clients of older servers.
   */
  revisedBy: z
    .object({
      revisionId: z.string(),
      beforeYear: z.number().int(),
      afterYear: z.number().int(),
      previousId: z.string(),
      appliedAt: z.string(),
    })
    .nullable()
    .optional(),
  /** The newer version a revision built from this one, if any (this one is then superseded). */
  supersededBy: z.string().nullable().optional(),
  /** `key@label` of the framework version (a key for tools, not for people: show the title and label). */
  framework: z.string(),
  frameworkTitleZh: z.string(),
  frameworkTitleEn: z.string(),
  /** The version label, e.g. `2026.1`. */
  frameworkLabel: z.string(),
  maxHours: z.number().nullable(),
  practical: z.array(z.number().int()),
  posts: z.array(courseSystemPostSchema),
  specialties: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string().nullable() })),
  competencies: z.array(courseSystemCompetencySchema),
  platform: z.array(courseDtoSchema),
  modules: z.array(z.object({ post: z.string(), courses: z.array(courseDtoSchema), essential: z.array(z.string()) })),
  electives: z.array(courseDtoSchema),
  publicCourses: z.array(publicCourseSchema.required()),
  plan: semesterPlanDtoSchema,
  totals: z.object({ courses: z.number().int(), credits: z.number(), hours: z.number() }),
  /** The invariants of the plan (coverage, prerequisites, caps): empty when all hold. */
  violations: z.array(z.string()),
  /** The same violations as stable codes with their figures (ids of posts, competencies, courses), to word them. */
  violationDetails: z.array(
    z.object({
      code: z.enum(PLAN_VIOLATION_CODES),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
    }),
  ),
});
export type CourseSystemDetail = z.infer<typeof courseSystemDetailSchema>;

// ---- pathways --------------------------------------------------------------------------------------------------------

export const pathwayRequestSchema = z
  .object({
    post: z.string().min(1).max(200),
    /** What the student has already attained, at which proficiency level (omitted: any level counts). */
    have: z
      .array(z.object({ id: z.string().min(1).max(300), level: z.number().int().min(1).max(8).optional() }).strict())
      .max(2000)
      .default([]),
    /** The student's own choice of courses, to check against the target post. */
    chosen: z.array(z.string().min(1).max(100)).max(500).optional(),
  })
  .strict();
export type PathwayRequest = z.infer<typeof pathwayRequestSchema>;

export const pathwayResultSchema = z.object({
  post: z.string(),
  courses: z.array(z.string()),
  credits: z.number(),
  uncovered: z.array(z.string()),
  waived: z.array(z.string()),
  method: z.enum(['mip', 'greedy']),
  /** Essential competencies the student still needs (not attained, or attained below the required level). */
  needed: z.array(z.object({ id: z.string(), level: z.number() })),
  choice: z
    .object({
      credits: z.number(),
      uncovered: z.array(z.string()),
      missingPrerequisites: z.array(z.object({ course: z.string(), requires: z.string() })),
    })
    .nullable(),
});
export type PathwayResult = z.infer<typeof pathwayResultSchema>;

// ---- the college's course list ---------------------------------------------------------------------------------------

export const courseListImportQuerySchema = z.object({ fileName: z.string().trim().min(1).max(200) }).strict();
export const courseListImportResultSchema = z.object({
  file: z.string(),
  courses: z.number().int(),
  suggestedLinks: z.number().int(),
  keptDecisions: z.number().int(),
});

export const courseLinkDtoSchema = z.object({
  competencyId: z.string(),
  labelZh: z.string(),
  labelEn: z.string(),
  score: z.number(),
  evidence: z.enum(['exact', 'implicit', 'teacher']),
  spans: z.array(z.tuple([z.number(), z.number()])),
  status: z.enum(['suggested', 'confirmed', 'rejected']),
  decidedAt: isoDateTimeSchema.nullable(),
});
export const collegeCourseDtoSchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  credits: z.number(),
  hours: z.number(),
  description: z.string(),
  type: z.enum(COLLEGE_COURSE_TYPES),
  sourceFile: z.string(),
  sourceLine: z.number().int(),
  importedAt: isoDateTimeSchema,
  links: z.array(courseLinkDtoSchema),
});
export type CollegeCourseDto = z.infer<typeof collegeCourseDtoSchema>;
export const collegeCourseListSchema = z.object({ items: z.array(collegeCourseDtoSchema) });

export const courseLinkParamsSchema = z
  .object({ organisationId: uuidSchema, code: z.string().min(1).max(40), competencyId: z.string().min(1).max(300) })
  .strict();
export const courseLinkDecisionSchema = z.object({ status: z.enum(['confirmed', 'rejected']) }).strict();

export const coverageQuerySchema = z
  .object({
    /** `confirmed`: only links teachers confirmed; `suggested`: also the linker's open suggestions. */
    links: z.enum(['confirmed', 'suggested']).default('suggested'),
  })
  .strict();

export const coverageReportSchema = z.object({
  links: z.enum(['confirmed', 'suggested']),
  courses: z.number().int(),
  coverage: z.number(),
  posts: z.array(
    z.object({
      post: z.string(),
      label: z.string(),
      essential: z.number().int(),
      covered: z.number().int(),
      gaps: z.array(z.object({ competency: z.string(), labelZh: z.string(), labelEn: z.string(), weight: z.number() })),
      courses: z.array(z.object({ code: z.string(), teaches: z.number().int() })),
    }),
  ),
  retire: z.array(z.object({ code: z.string(), name: z.string(), credits: z.number(), linked: z.number().int() })),
  overlaps: z.array(
    z.object({ competency: z.string(), labelZh: z.string(), labelEn: z.string(), courses: z.array(z.string()) }),
  ),
});
export type CoverageReportDto = z.infer<typeof coverageReportSchema>;

// ---- Talent Training Plans -------------------------------------------------------------------------------------------

export const trainingPlanTableSchema = z.object({
  landscape: z.boolean().optional(),
  captionZh: z.string(),
  captionEn: z.string(),
  columns: z.array(z.object({ zh: z.string(), en: z.string() })),
  rows: z.array(z.array(z.string())),
});
export const planRuleResultSchema = z.object({
  id: z.enum(PLAN_RULE_IDS),
  labelZh: z.string(),
  labelEn: z.string(),
  requiredZh: z.string(),
  requiredEn: z.string(),
  actualZh: z.string(),
  actualEn: z.string(),
  passed: z.boolean(),
  explanationZh: z.string(),
  explanationEn: z.string(),
});
export type PlanRuleResultDto = z.infer<typeof planRuleResultSchema>;

export const trainingPlanSectionSchema = z.object({
  key: z.enum(TRAINING_PLAN_SECTION_KEYS),
  titleZh: z.string(),
  titleEn: z.string(),
  text: z.string(),
  tables: z.array(trainingPlanTableSchema),
});

export const trainingPlanVersionSchema = z.object({
  id: uuidSchema,
  number: z.number().int(),
  status: z.enum(['draft', 'approved']),
  note: z.string(),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  approvedAt: isoDateTimeSchema.nullable(),
  approvedByName: z.string().nullable(),
  /** When the draft was put before the steering committee (null: the college holds it). */
  submittedAt: isoDateTimeSchema.nullable(),
  sections: z.array(trainingPlanSectionSchema),
  /** The rules of 教职成〔2019〕13号 checked on the version; null for a version drafted before figures were kept. */
  rules: z.array(planRuleResultSchema).nullable(),
});
export type TrainingPlanVersionDto = z.infer<typeof trainingPlanVersionSchema>;

export const trainingPlanSchema = z.object({
  id: uuidSchema,
  courseSystemId: uuidSchema,
  courseSystemTitle: z.string(),
  specialtyCode: z.string().nullable(),
  titleZh: z.string(),
  createdAt: isoDateTimeSchema,
  versions: z.array(trainingPlanVersionSchema),
  /** The committee's vote on the newest version (its last review round), null when it was never submitted. */
  review: committeeReviewSchema.nullable(),
});
export type TrainingPlanDto = z.infer<typeof trainingPlanSchema>;
export const trainingPlanListSchema = z.object({
  items: z.array(
    trainingPlanSchema.omit({ versions: true, review: true }).extend({
      latest: z.object({
        number: z.number().int(),
        status: z.enum(['draft', 'approved']),
        updatedAt: z.string(),
        /** True while the draft is before the steering committee. */
        underReview: z.boolean(),
      }),
    }),
  ),
});

export const createTrainingPlanRequestSchema = z
  .object({
    courseSystemId: uuidSchema,
    specialtyCode: z
      .string()
      .regex(/^[0-9]{6}$/)
      .nullable(),
  })
  .strict();
export const trainingPlanParamsSchema = z.object({ organisationId: uuidSchema, planId: uuidSchema }).strict();
export const updateTrainingPlanDraftSchema = z
  .object({
    sections: z
      .array(z.object({ key: z.enum(TRAINING_PLAN_SECTION_KEYS), text: z.string().max(50_000) }).strict())
      .max(TRAINING_PLAN_SECTION_KEYS.length),
    note: z.string().max(2000).optional(),
  })
  .strict();
export const newTrainingPlanVersionSchema = z
  .object({
    /** Refill the generated tables (and the texts) from the course system as it is now. */
    refresh: z.boolean().default(false),
  })
  .strict();
export const trainingPlanExportParamsSchema = z
  .object({ organisationId: uuidSchema, planId: uuidSchema, number: z.coerce.number().int().min(1).max(1000) })
  .strict();
export const trainingPlanExportQuerySchema = z.object({ format: z.enum(['docx', 'xlsx', 'pdf']) }).strict();

// ---- saved pathways (issue 16: re-checked when a revision is applied) -------------------------------------------------

/** What a revision left on a student's carried pathway: competencies no longer covered and courses to add. */
export const pathwayNoticeSchema = z.object({
  revisionId: z.string(),
  missing: z.array(z.object({ id: z.string(), labelZh: z.string(), labelEn: z.string() })),
  add: z.array(z.object({ id: z.string(), titleZh: z.string(), titleEn: z.string(), credits: z.number() })),
  retired: z.array(z.string()),
});
export type PathwayNotice = z.infer<typeof pathwayNoticeSchema>;

export const savedPathwaySchema = z.object({
  courseSystemId: z.string(),
  post: z.string(),
  chosen: z.array(z.string()),
  have: z.array(z.string()),
  savedAt: z.string(),
  /** The course system version this pathway was carried from by a revision (null: saved here by the student). */
  carriedFrom: z.string().nullable(),
  notice: pathwayNoticeSchema.nullable(),
});
export type SavedPathway = z.infer<typeof savedPathwaySchema>;
export const myPathwaySchema = z.object({ pathway: savedPathwaySchema.nullable() });
export type MyPathway = z.infer<typeof myPathwaySchema>;

/** A student saves their pathway: the target post, the courses they chose (omitted: the planned pathway), what they had. */
export const savePathwayRequestSchema = z
  .object({
    post: z.string().min(1).max(200),
    have: z.array(z.string().min(1).max(300)).max(2000).default([]),
    chosen: z.array(z.string().min(1).max(100)).max(500).optional(),
  })
  .strict();
export type SavePathwayRequest = z.infer<typeof savePathwayRequestSchema>;

/** The signed-in student's notices: pathways a revision carried that need courses added. */
export const pathwayNoticeListSchema = z.object({
  items: z.array(
    z.object({
      courseSystemId: z.string(),
      courseSystemTitleZh: z.string(),
      courseSystemTitleEn: z.string(),
      post: z.string(),
      postTitleZh: z.string(),
      postTitleEn: z.string(),
      notice: pathwayNoticeSchema,
    }),
  ),
});
export type PathwayNoticeList = z.infer<typeof pathwayNoticeListSchema>;
