/**
 * The taxonomy as plain data: what every importer produces, what the store saves as one framework version,
 * and what diffs, CASE and XLSX exports read. Pure types and constants; no I/O.
 */

/** knowledge / skill / quality-attitude (ESCO's knowledge, skill/competence, and attitudes & values). */
export const COMPETENCY_TYPES = ['knowledge', 'skill', 'attitude'] as const;
export type CompetencyType = (typeof COMPETENCY_TYPES)[number];

/**
 * The scheme's six competency dimensions (seed 000 §3.2):
 * it = 新一代信息技术能力 (new-generation IT ability);
 * industry = 行业业务与制造管理知识 (industry business & manufacturing-management knowledge);
 * service = 通用生产性服务能力 (general productive-service ability);
 * sub-sector = 细分领域专业能力 (sub-sector specialised ability);
 * quality = 职业素养 (professional quality);
 * language = 外语能力 (foreign language).
 */
export const COMPETENCY_DIMENSIONS = ['it', 'industry', 'service', 'sub-sector', 'quality', 'language'] as const;
export type CompetencyDimension = (typeof COMPETENCY_DIMENSIONS)[number];

export const POST_CATEGORIES = ['ITO', 'BPO', 'KPO'] as const;
export type PostCategory = (typeof POST_CATEGORIES)[number];

/** Where a framework version came from. */
export const FRAMEWORK_SOURCES = [
  'curated',
  'esco',
  'onet',
  'moe-catalogue',
  'cn-occupations',
  'case',
  'xlsx',
] as const;
export type FrameworkSource = (typeof FRAMEWORK_SOURCES)[number];

/** Reference occupation schemes: ESCO occupations, ISCO-08 groups, O*NET-SOC, 职业分类大典 2022. */
export const OCCUPATION_SCHEMES = ['esco', 'isco', 'onet', 'cn2022'] as const;
export type OccupationScheme = (typeof OCCUPATION_SCHEMES)[number];

/** `broader`: from is narrower than to (isChildOf). `related`: a non-hierarchical link (ESCO skill–skill). */
export const COMPETENCY_RELATION_KINDS = ['broader', 'related'] as const;
export type CompetencyRelationKind = (typeof COMPETENCY_RELATION_KINDS)[number];

export const SPECIALTY_LEVELS = ['category', 'class', 'major'] as const;
export type SpecialtyLevel = (typeof SPECIALTY_LEVELS)[number];

/** 中职 / 高职专科 / 高职本科. */
export const EDUCATION_LEVELS = ['secondary', 'higher', 'bachelor'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export interface FrameworkHeader {
  /** Stable key of the framework across versions, e.g. `zerodock`, `esco`, `onet`, `moe-2021`. */
  key: string;
  /** Version label, e.g. `2026.1`, `v1.1.1`, `23.0`. */
  label: string;
  titleZh: string;
  titleEn: string;
  source: FrameworkSource;
  releaseNotes: string;
}

export interface ProficiencyLevel {
  level: number;
  nameZh: string;
  nameEn: string;
  descriptorZh: string;
  descriptorEn: string;
}

export interface Competency {
  /** Stable within its framework: a curated slug, the UUID of an ESCO URI, an O*NET element id. */
  id: string;
  type: CompetencyType;
  dimension: CompetencyDimension | null;
  /** A grouping node of a hierarchy (ESCO skill group, O*NET content-model category), not a competency. */
  isGroup: boolean;
  labelZh: string | null;
  labelEn: string | null;
  aliasesZh: string[];
  aliasesEn: string[];
  descriptionZh: string | null;
  descriptionEn: string | null;
  escoUri: string | null;
  onetElementId: string | null;
  caseGuid: string | null;
  /** 1+X vocational skill certificate standard code. */
  xStandardCode: string | null;
  /** Ids this competency had in earlier versions (renames, merges, CASE replacedBy). */
  previousIds: string[];
}

export interface CompetencyRelation {
  fromId: string;
  toId: string;
  kind: CompetencyRelationKind;
}

export interface ReferenceOccupation {
  /** Unique within the bundle, prefixed by scheme: `esco:<uuid>`, `isco:2519`, `onet:15-1252.00`, `cn2022:4-04-05`. */
  id: string;
  scheme: OccupationScheme;
  /** ISCO code, O*NET-SOC code, 大典 code, or the ESCO occupation code. */
  code: string | null;
  uri: string | null;
  titleZh: string | null;
  titleEn: string | null;
  aliasesZh: string[];
  aliasesEn: string[];
  description: string | null;
  /** Id of the broader occupation or group in the same bundle. */
  broaderId: string | null;
  iscoCode: string | null;
  tasks: string[];
}

export interface OccupationCompetencyLink {
  occupationId: string;
  competencyId: string;
  relation: 'essential' | 'optional';
  /** O*NET importance (IM scale, 1–5) when known. */
  importance: number | null;
  /** O*NET level (LV scale, 0–7) when known. */
  level: number | null;
  /** O*NET Hot Technology flag. */
  hot: boolean;
}

export interface JobScene {
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  tasksZh: string[];
  tasksEn: string[];
}

export interface PostReferences {
  escoOccupations: string[];
  isco: string[];
  onetSoc: string[];
  cn2022: string[];
}

export interface Post {
  id: string;
  titleZh: string;
  titleEn: string;
  aliasesZh: string[];
  aliasesEn: string[];
  category: PostCategory;
  subSectorZh: string;
  subSectorEn: string;
  descriptionZh: string;
  descriptionEn: string;
  scenes: JobScene[];
  references: PostReferences;
}

export interface PostRequirement {
  postId: string;
  competencyId: string;
  essential: boolean;
  /** 0–1. */
  weight: number;
  /** On the framework's proficiency scale. */
  level: number;
}

export interface Specialty {
  code: string;
  nameZh: string;
  nameEn: string | null;
  level: SpecialtyLevel;
  educationLevel: EducationLevel;
  parentCode: string | null;
  /** 国控专业 (nationally controlled). */
  controlled: boolean;
}

export interface TaxonomyBundle {
  framework: FrameworkHeader;
  levels: ProficiencyLevel[];
  competencies: Competency[];
  relations: CompetencyRelation[];
  occupations: ReferenceOccupation[];
  occupationLinks: OccupationCompetencyLink[];
  posts: Post[];
  requirements: PostRequirement[];
  specialties: Specialty[];
}

export const DEFAULT_PROFICIENCY_LEVELS: readonly ProficiencyLevel[] = [
  {
    level: 1,
    nameZh: '了解',
    nameEn: 'Aware',
    descriptorZh: '知道基本概念，能在指导下完成简单任务。',
    descriptorEn: 'Knows the basic concepts; does simple tasks under guidance.',
  },
  {
    level: 2,
    nameZh: '理解',
    nameEn: 'Basic',
    descriptorZh: '理解原理，能按规范完成常规任务。',
    descriptorEn: 'Understands the principles; does routine tasks to standard.',
  },
  {
    level: 3,
    nameZh: '应用',
    nameEn: 'Proficient',
    descriptorZh: '能独立完成典型工作任务并处理常见问题。',
    descriptorEn: 'Does typical work tasks alone and handles common problems.',
  },
  {
    level: 4,
    nameZh: '熟练',
    nameEn: 'Advanced',
    descriptorZh: '能处理复杂、非常规的任务，并指导他人。',
    descriptorEn: 'Handles complex, non-routine tasks and guides others.',
  },
  {
    level: 5,
    nameZh: '精通',
    nameEn: 'Expert',
    descriptorZh: '能改进方法与标准，解决疑难问题，引领团队。',
    descriptorEn: 'Improves methods and standards, solves hard problems, leads a team.',
  },
];

export function emptyBundle(framework: FrameworkHeader): TaxonomyBundle {
  return {
    framework,
    levels: [],
    competencies: [],
    relations: [],
    occupations: [],
    occupationLinks: [],
    posts: [],
    requirements: [],
    specialties: [],
  };
}

/** A blank competency with every optional field empty; importers spread their values over it. */
export function blankCompetency(id: string, type: CompetencyType): Competency {
  return {
    id,
    type,
    dimension: null,
    isGroup: false,
    labelZh: null,
    labelEn: null,
    aliasesZh: [],
    aliasesEn: [],
    descriptionZh: null,
    descriptionEn: null,
    escoUri: null,
    onetElementId: null,
    caseGuid: null,
    xStandardCode: null,
    previousIds: [],
  };
}

export function blankOccupation(id: string, scheme: OccupationScheme): ReferenceOccupation {
  return {
    id,
    scheme,
    code: null,
    uri: null,
    titleZh: null,
    titleEn: null,
    aliasesZh: [],
    aliasesEn: [],
    description: null,
    broaderId: null,
    iscoCode: null,
    tasks: [],
  };
}
