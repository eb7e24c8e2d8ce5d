import { z } from 'zod';
import { COMPETENCY_DIMENSIONS, COMPETENCY_TYPES, POST_CATEGORIES } from '../core/taxonomy/taxonomy-bundle.js';

/**
 * The curated catalogue's file format (`data/catalogue/`): `framework.json`, `competencies/*.json` and one
 * `posts/<post-id>.json` per post. Readable, reviewable JSON; `src/interchange/curated/` turns it into a bundle.
 */
const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case kebab-case slug (a-z, 0-9, -)')
  .max(80);
const text = (max: number) => z.string().trim().min(1).max(max);
const escoSkillUri = z
  .string()
  .regex(/^http:\/\/data\.europa\.eu\/esco\/skill\/[0-9a-f-]{36}$/, 'not an ESCO skill URI');
const escoOccupationUri = z
  .string()
  .regex(/^http:\/\/data\.europa\.eu\/esco\/occupation\/[0-9a-f-]{36}$/, 'not an ESCO occupation URI');

export const proficiencyLevelFileSchema = z
  .object({
    level: z.number().int().min(0).max(10),
    nameZh: text(40),
    nameEn: text(60),
    descriptorZh: text(400),
    descriptorEn: text(600),
  })
  .strict();

export const catalogueFrameworkFileSchema = z
  .object({
    key: slug,
    label: text(40),
    titleZh: text(120),
    titleEn: text(200),
    releaseNotes: z.string().max(4000),
    levels: z.array(proficiencyLevelFileSchema).min(2).max(10),
  })
  .strict();

export const catalogueCompetencySchema = z
  .object({
    id: slug,
    type: z.enum(COMPETENCY_TYPES),
    dimension: z.enum(COMPETENCY_DIMENSIONS),
    labelZh: text(60),
    labelEn: text(120),
    aliasesZh: z.array(text(60)).max(40).default([]),
    aliasesEn: z.array(text(120)).max(40).default([]),
    descriptionZh: text(600),
    descriptionEn: text(1000),
    escoUri: escoSkillUri.optional(),
    onetElementId: z
      .string()
      .regex(/^\d(\.[A-Za-z0-9]+)+$/, 'not an O*NET element id')
      .optional(),
    xStandardCode: text(40).optional(),
    broader: slug.optional(),
    related: z.array(slug).max(20).default([]),
    previousIds: z.array(slug).max(20).default([]),
  })
  .strict();
export type CatalogueCompetency = z.infer<typeof catalogueCompetencySchema>;

export const catalogueCompetencyFileSchema = z
  .object({ competencies: z.array(catalogueCompetencySchema).min(1) })
  .strict();

export const catalogueSceneSchema = z
  .object({
    nameZh: text(60),
    nameEn: text(120),
    descriptionZh: text(600),
    descriptionEn: text(1000),
    tasksZh: z.array(text(200)).min(1).max(20),
    tasksEn: z.array(text(300)).min(1).max(20),
  })
  .strict()
  .refine((scene) => scene.tasksZh.length === scene.tasksEn.length, {
    message: 'tasksZh and tasksEn must list the same tasks (same length)',
    path: ['tasksEn'],
  });

export const catalogueRequirementSchema = z
  .object({
    competency: slug,
    essential: z.boolean(),
    weight: z.number().min(0).max(1),
    level: z.number().int().min(1).max(5),
  })
  .strict();

export const cataloguePostFileSchema = z
  .object({
    id: slug,
    titleZh: text(60),
    titleEn: text(120),
    aliasesZh: z.array(text(60)).max(30).default([]),
    aliasesEn: z.array(text(120)).max(30).default([]),
    category: z.enum(POST_CATEGORIES),
    subSectorZh: text(60),
    subSectorEn: text(120),
    descriptionZh: text(800),
    descriptionEn: text(1400),
    scenes: z.array(catalogueSceneSchema).min(1).max(12),
    references: z
      .object({
        escoOccupations: z.array(escoOccupationUri).max(12),
        isco: z.array(z.string().regex(/^\d{4}$/, 'ISCO-08 unit group: four digits')).max(12),
        onetSoc: z.array(z.string().regex(/^\d{2}-\d{4}\.\d{2}$/, 'O*NET-SOC code like 15-1252.00')).max(12),
        cn2022: z.array(z.string().regex(/^\d-\d{2}-\d{2}(-\d{2})?$/, '大典 2022 code like 4-04-05')).max(12),
      })
      .strict(),
    requirements: z.array(catalogueRequirementSchema).min(15).max(40),
  })
  .strict();
export type CataloguePostFile = z.infer<typeof cataloguePostFileSchema>;
