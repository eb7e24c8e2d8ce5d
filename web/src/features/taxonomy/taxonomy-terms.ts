import type {
  CompetencyChange,
  CompetencyDimension,
  CompetencyType,
  EducationLevel,
  OccupationScheme,
  PostCategory,
  SpecialtyLevel,
} from '../../api/contracts.js';

// The web app may not import core, so it lists the taxonomy's enumerations itself, in the order the UI shows
// them; the compile-time check at the end keeps each list complete when the contract grows.

export const COMPETENCY_TYPES = ['knowledge', 'skill', 'attitude'] as const satisfies readonly CompetencyType[];

/** The scheme's six dimensions, in the order of the scheme (seed 000 §3.2). */
export const COMPETENCY_DIMENSIONS = [
  'it',
  'industry',
  'service',
  'sub-sector',
  'quality',
  'language',
] as const satisfies readonly CompetencyDimension[];

export const POST_CATEGORIES = ['ITO', 'BPO', 'KPO'] as const satisfies readonly PostCategory[];

export const COMPETENCY_CHANGES = [
  'added',
  'removed',
  'relabelled',
  'reidentified',
  'relinked',
  'retyped',
  'redescribed',
] as const satisfies readonly CompetencyChange[];

export const OCCUPATION_SCHEMES = ['esco', 'isco', 'onet', 'cn2022'] as const satisfies readonly OccupationScheme[];

/** 中职, 高职专科, 高职本科. */
export const EDUCATION_LEVELS = ['secondary', 'higher', 'bachelor'] as const satisfies readonly EducationLevel[];

/** 专业大类 → 专业类 → 专业. */
export const SPECIALTY_LEVELS = ['category', 'class', 'major'] as const satisfies readonly SpecialtyLevel[];

export const TYPE_COLOURS: Readonly<Record<CompetencyType, string>> = {
  knowledge: 'blue',
  skill: 'green',
  attitude: 'gold',
};

export const DIMENSION_COLOURS: Readonly<Record<CompetencyDimension, string>> = {
  it: 'geekblue',
  industry: 'volcano',
  service: 'cyan',
  'sub-sector': 'purple',
  quality: 'magenta',
  language: 'lime',
};

export const CATEGORY_COLOURS: Readonly<Record<PostCategory, string>> = { ITO: 'blue', BPO: 'green', KPO: 'purple' };

export const CHANGE_COLOURS: Readonly<Record<CompetencyChange, string>> = {
  added: 'green',
  removed: 'red',
  relabelled: 'blue',
  reidentified: 'purple',
  relinked: 'cyan',
  retyped: 'orange',
  redescribed: 'geekblue',
};

type AssertComplete<Listed, All> = [Exclude<All, Listed>] extends [never] ? true : never;
export const TAXONOMY_LISTS_ARE_COMPLETE: [
  AssertComplete<(typeof COMPETENCY_TYPES)[number], CompetencyType>,
  AssertComplete<(typeof COMPETENCY_DIMENSIONS)[number], CompetencyDimension>,
  AssertComplete<(typeof POST_CATEGORIES)[number], PostCategory>,
  AssertComplete<(typeof COMPETENCY_CHANGES)[number], CompetencyChange>,
  AssertComplete<(typeof OCCUPATION_SCHEMES)[number], OccupationScheme>,
  AssertComplete<(typeof EDUCATION_LEVELS)[number], EducationLevel>,
  AssertComplete<(typeof SPECIALTY_LEVELS)[number], SpecialtyLevel>,
] = [true, true, true, true, true, true, true];
