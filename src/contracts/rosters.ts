import { z } from 'zod';
import { pageOf, uuidSchema } from './common.js';

/**
 * Rosters (issue 17): the people a college or an enterprise brings from its own systems, imported as a whole and
 * re-imported every term. A college imports students (学号) and teachers (工号); an enterprise its engineers (工号).
 * An import is previewed as a diff (new, changed, left) and applied only when confirmed; all or nothing.
 */
export const ROSTER_KINDS = ['student', 'teacher', 'engineer'] as const;
export const rosterKindSchema = z.enum(ROSTER_KINDS);
export type RosterKind = z.infer<typeof rosterKindSchema>;

export const genderSchema = z.enum(['male', 'female']);

/** One person as the roster file says (canonical field names; the file's headers are Chinese or English). */
export const rosterRowSchema = z.object({
  /** 学号 (students) or 工号 (teachers, engineers): the person's sign-in name on the platform. */
  externalId: z.string(),
  name: z.string(),
  gender: genderSchema.nullable(),
  /** Students: 专业代码 / 专业名称 / 班级 / 年级 (entry year) / 学制 (years). */
  specialtyCode: z.string().nullable(),
  specialtyName: z.string().nullable(),
  className: z.string().nullable(),
  cohortYear: z.number().int().nullable(),
  durationYears: z.number().int().nullable(),
  /** Teachers and engineers: 院系/部门; students may carry their 二级学院 too. */
  department: z.string().nullable(),
  /** Teachers: 职称; engineers: 职务/职称. */
  title: z.string().nullable(),
  /** Teachers: 双师型. */
  doubleQualified: z.boolean().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
});
export type RosterRow = z.infer<typeof rosterRowSchema>;

/** A field whose value differs between the stored entry and the file. */
export const rosterFieldChangeSchema = z.object({
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});

export const rosterDiffEntrySchema = z.object({
  externalId: z.string(),
  name: z.string(),
  /** The file's line (1-based, header = line 1) for new and changed entries; null for people who left. */
  line: z.number().int().nullable(),
  changes: z.array(rosterFieldChangeSchema),
});
export type RosterDiffEntry = z.infer<typeof rosterDiffEntrySchema>;

export const ROSTER_DIFF_SECTIONS = ['new', 'changed', 'left', 'returning'] as const;
export const rosterDiffSectionSchema = z.enum(ROSTER_DIFF_SECTIONS);

export const rosterImportSchema = z.object({
  id: uuidSchema,
  kind: rosterKindSchema,
  fileName: z.string(),
  status: z.enum(['previewed', 'applied', 'discarded']),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  appliedAt: z.string().nullable(),
  rows: z.number().int(),
  counts: z.object({
    new: z.number().int(),
    changed: z.number().int(),
    unchanged: z.number().int(),
    /** In the organisation's roster (active) but not in the file: marked as left only when the admin confirms. */
    left: z.number().int(),
    /** Marked as left before, back in the file. */
    returning: z.number().int(),
    /** Classes and departments the file brings that do not exist yet. */
    newClasses: z.number().int(),
    newDepartments: z.number().int(),
  }),
});
export type RosterImport = z.infer<typeof rosterImportSchema>;

export const rosterImportParamsSchema = z.object({ organisationId: uuidSchema, importId: uuidSchema }).strict();
export const rosterKindParamsSchema = z.object({ organisationId: uuidSchema, kind: rosterKindSchema }).strict();

/** One section of a previewed import's diff, paged. */
export const rosterImportSectionQuerySchema = z
  .object({
    section: rosterDiffSectionSchema.default('new'),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export const rosterImportSectionSchema = pageOf(rosterDiffEntrySchema);

export const applyRosterImportRequestSchema = z
  .object({
    /** Mark the people absent from the file as left (graduated, dropped out, left the company). */
    markLeft: z.boolean().default(false),
  })
  .strict();
export type ApplyRosterImportRequest = z.infer<typeof applyRosterImportRequestSchema>;

export const rosterApplyResultSchema = z.object({
  import: rosterImportSchema,
  created: z.number().int(),
  updated: z.number().int(),
  left: z.number().int(),
  returned: z.number().int(),
});
export type RosterApplyResult = z.infer<typeof rosterApplyResultSchema>;

export const rosterTemplateQuerySchema = z
  .object({
    lang: z.enum(['zh-CN', 'en']).default('zh-CN'),
    format: z.enum(['xlsx', 'csv']).default('xlsx'),
  })
  .strict();

/** A person on the roster as the API shows it; `phone` and `email` are masked for roles that do not need them. */
export const rosterEntrySchema = z.object({
  personId: uuidSchema,
  externalId: z.string(),
  kind: rosterKindSchema,
  name: z.string(),
  gender: genderSchema.nullable(),
  classId: uuidSchema.nullable(),
  className: z.string().nullable(),
  specialtyCode: z.string().nullable(),
  specialtyName: z.string().nullable(),
  cohortYear: z.number().int().nullable(),
  departmentId: uuidSchema.nullable(),
  departmentName: z.string().nullable(),
  title: z.string().nullable(),
  doubleQualified: z.boolean().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** True when phone and e-mail are shown masked (138****5678). */
  masked: z.boolean(),
  status: z.enum(['active', 'left']),
  leftAt: z.string().nullable(),
  /** The account: disabled, must change its password, has signed in at least once. */
  accountDisabled: z.boolean(),
  hasPassword: z.boolean(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;
export const rosterEntryListSchema = pageOf(rosterEntrySchema);

export const rosterListQuerySchema = z
  .object({
    kind: rosterKindSchema.optional(),
    classId: uuidSchema.optional(),
    departmentId: uuidSchema.optional(),
    cohortYear: z.coerce.number().int().min(1950).max(2200).optional(),
    status: z.enum(['active', 'left']).optional(),
    q: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type RosterListQuery = z.infer<typeof rosterListQuerySchema>;

export const rosterExportQuerySchema = z
  .object({ kind: rosterKindSchema, format: z.enum(['xlsx', 'csv']).default('xlsx') })
  .strict();

export const classSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  specialtyCode: z.string(),
  specialtyName: z.string(),
  cohortYear: z.number().int(),
  durationYears: z.number().int(),
  /** The year the class is due to graduate: cohortYear + durationYears. */
  graduationYear: z.number().int(),
  departmentId: uuidSchema.nullable(),
  departmentName: z.string().nullable(),
  students: z.number().int(),
  studentsLeft: z.number().int(),
});
export type ClassView = z.infer<typeof classSchema>;
export const classListSchema = pageOf(classSchema);
export const classListQuerySchema = z
  .object({
    cohortYear: z.coerce.number().int().min(1950).max(2200).optional(),
    departmentId: uuidSchema.optional(),
    specialtyCode: z.string().max(20).optional(),
    q: z.string().max(100).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export const classParamsSchema = z.object({ organisationId: uuidSchema, classId: uuidSchema }).strict();

/** A cohort (年级): the students who entered in one year, by specialty. */
export const cohortSchema = z.object({
  cohortYear: z.number().int(),
  classes: z.number().int(),
  students: z.number().int(),
  studentsLeft: z.number().int(),
  specialties: z.array(
    z.object({
      specialtyCode: z.string(),
      specialtyName: z.string(),
      classes: z.number().int(),
      students: z.number().int(),
    }),
  ),
});
export type CohortView = z.infer<typeof cohortSchema>;
export const cohortListSchema = z.object({ items: z.array(cohortSchema) });

/** A department (二级学院 / 部门), with its children: the whole tree in one answer. */
export interface DepartmentNode {
  id: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  classes: number;
  people: number;
  children: DepartmentNode[];
}
export const departmentNodeSchema: z.ZodType<DepartmentNode> = z.lazy(() =>
  z.object({
    id: uuidSchema,
    parentId: uuidSchema.nullable(),
    nameZh: z.string(),
    nameEn: z.string(),
    classes: z.number().int(),
    people: z.number().int(),
    children: z.array(departmentNodeSchema),
  }),
);
export const departmentTreeSchema = z.object({ items: z.array(departmentNodeSchema) });
export const departmentParamsSchema = z.object({ organisationId: uuidSchema, departmentId: uuidSchema }).strict();
export const createDepartmentRequestSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().max(200).default(''),
    parentId: uuidSchema.nullable().default(null),
  })
  .strict();
export const updateDepartmentRequestSchema = z
  .object({
    nameZh: z.string().trim().min(1).max(100).optional(),
    nameEn: z.string().trim().max(200).optional(),
    parentId: uuidSchema.nullable().optional(),
  })
  .strict();

/** The previewed or closed imports of an organisation, newest first. */
export const rosterImportListSchema = pageOf(rosterImportSchema);
export const rosterImportListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();

/** One import with one section of its diff, paged (`GET …/roster-imports/:importId?section=changed`). */
export const rosterImportDetailSchema = z.object({
  import: rosterImportSchema,
  section: rosterDiffSectionSchema,
  entries: rosterImportSectionSchema,
});
export type RosterImportDetail = z.infer<typeof rosterImportDetailSchema>;

/** A class with its students (phone and e-mail masked as on the roster list). */
export const classDetailSchema = classSchema.extend({ studentsList: z.array(rosterEntrySchema) });
export type ClassDetail = z.infer<typeof classDetailSchema>;

/** `POST …/rosters/:kind/preview?fileName=students.xlsx` (the body is the file). */
export const rosterPreviewQuerySchema = z.object({ fileName: z.string().trim().min(1).max(200) }).strict();
