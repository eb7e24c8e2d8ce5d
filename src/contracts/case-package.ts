import { z } from 'zod';
import { COMPETENCY_DIMENSIONS, COMPETENCY_TYPES } from '../core/taxonomy/taxonomy-bundle.js';

/**
 * The subset of an IMS Global (1EdTech) CASE 1.0 `CFPackage` that Zerodock reads and writes: one `CFDocument`
 * (the framework version), its `CFItems` (competencies), `CFAssociations` (isChildOf, isRelatedTo, exactMatchOf,
 * replacedBy; other types are accepted and ignored) and `CFRubrics` (the proficiency scale).
 *
 * Lenient on input, as packages come from many tools: unknown properties are accepted (and dropped), optional
 * properties may be absent or `null`, `conceptKeywords` may be a comma-separated string, and association types
 * are free strings. Required: `CFDocument.identifier` and `title`, `CFItems[].identifier` and `fullStatement`,
 * and both ends' `identifier` on every association.
 *
 * **Extensions.** What CASE has no field for travels in `extensions.zerodock` on the document, items, the
 * proficiency rubric and its levels (CASE 1.1 made `extensions` a standard property; 1.0 consumers ignore it).
 * When present it makes a Zerodock → CASE → Zerodock round trip lossless for competencies, relations and levels;
 * packages from other tools have none and import from the standard fields alone.
 */
const optionalText = z.string().nullish();

/** `LinkURI`: a reference to another CASE object. */
export const caseLinkUriSchema = z.object({
  title: z
    .string()
    .nullish()
    .transform((title) => title ?? ''),
  identifier: z.string().trim().min(1, 'identifier is required'),
  uri: z
    .string()
    .nullish()
    .transform((uri) => uri ?? ''),
});
export type CaseLinkUri = z.output<typeof caseLinkUriSchema>;

/** `LinkGenURI`: an association end, which may lie outside the package. */
export const caseLinkGenUriSchema = caseLinkUriSchema.extend({ targetType: optionalText });
export type CaseLinkGenUri = z.output<typeof caseLinkGenUriSchema>;

/** `CFDocument.extensions.zerodock`: the framework header fields CASE has no place for. */
export const caseDocumentExtensionSchema = z.object({
  key: z.string().trim().min(1),
  titleZh: z.string(),
  titleEn: z.string(),
});
export type CaseDocumentExtension = z.output<typeof caseDocumentExtensionSchema>;

/**
 * `CFItems[].extensions.zerodock`: the competency fields CASE has no field for, in our own shape. Labels are not
 * here: `fullStatement` is the label in `language`, and `alternativeLabel` the English label when both exist.
 * ESCO URIs travel as exactMatchOf associations and previous ids as replacedBy associations.
 * `derivedIdentifier` says the item identifier was derived from the framework key and competency id (the
 * competency had no CASE GUID of its own), so importing it back leaves `caseGuid` empty.
 */
export const caseItemExtensionSchema = z.object({
  type: z.enum(COMPETENCY_TYPES),
  dimension: z.enum(COMPETENCY_DIMENSIONS).nullable(),
  isGroup: z.boolean(),
  aliasesZh: z.array(z.string()),
  aliasesEn: z.array(z.string()),
  descriptionZh: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  onetElementId: z.string().nullable(),
  xStandardCode: z.string().nullable(),
  derivedIdentifier: z.boolean(),
});
export type CaseItemExtension = z.output<typeof caseItemExtensionSchema>;

/** `CFRubrics[].extensions.zerodock`: marks the rubric that carries the framework's proficiency scale. */
export const caseRubricExtensionSchema = z.object({ proficiencyLevels: z.literal(true) });
export type CaseRubricExtension = z.output<typeof caseRubricExtensionSchema>;

/** `CFRubricCriterionLevels[].extensions.zerodock`: the English name and descriptor of a proficiency level. */
export const caseLevelExtensionSchema = z.object({ nameEn: z.string(), descriptorEn: z.string() });
export type CaseLevelExtension = z.output<typeof caseLevelExtensionSchema>;

/** `extensions` with our namespace parsed and anything else accepted as is. */
const extensionsOf = <T extends z.ZodType>(schema: T) => z.looseObject({ zerodock: schema.optional() }).nullish();

export const caseDocumentSchema = z.object({
  identifier: z.string().trim().min(1),
  uri: optionalText,
  creator: optionalText,
  title: z.string().trim().min(1),
  lastChangeDateTime: optionalText,
  officialSourceURL: optionalText,
  publisher: optionalText,
  description: optionalText,
  subject: z.array(z.string()).nullish(),
  language: optionalText,
  version: optionalText,
  adoptionStatus: optionalText,
  notes: optionalText,
  CFPackageURI: caseLinkUriSchema.nullish(),
  extensions: extensionsOf(caseDocumentExtensionSchema),
});
export type CaseDocument = z.output<typeof caseDocumentSchema>;

export const caseItemSchema = z.object({
  identifier: z.string().trim().min(1),
  uri: optionalText,
  fullStatement: z.string().trim().min(1, 'fullStatement is required'),
  alternativeLabel: optionalText,
  CFItemType: optionalText,
  humanCodingScheme: optionalText,
  listEnumeration: optionalText,
  abbreviatedStatement: optionalText,
  conceptKeywords: z
    .union([z.array(z.string()), z.string()])
    .transform((keywords) => (typeof keywords === 'string' ? keywords.split(',') : keywords))
    .nullish(),
  notes: optionalText,
  language: optionalText,
  educationLevel: z.array(z.string()).nullish(),
  CFItemTypeURI: caseLinkUriSchema.nullish(),
  lastChangeDateTime: optionalText,
  CFDocumentURI: caseLinkUriSchema.nullish(),
  extensions: extensionsOf(caseItemExtensionSchema),
});
export type CaseItem = z.output<typeof caseItemSchema>;

export const caseAssociationSchema = z.object({
  identifier: optionalText,
  uri: optionalText,
  associationType: z.string().trim().min(1),
  sequenceNumber: z.number().nullish(),
  originNodeURI: caseLinkGenUriSchema,
  destinationNodeURI: caseLinkGenUriSchema,
  CFAssociationGroupingURI: caseLinkUriSchema.nullish(),
  lastChangeDateTime: optionalText,
  CFDocumentURI: caseLinkUriSchema.nullish(),
});
export type CaseAssociation = z.output<typeof caseAssociationSchema>;

export const caseRubricCriterionLevelSchema = z.object({
  identifier: z.string().trim().min(1),
  uri: optionalText,
  description: optionalText,
  quality: optionalText,
  score: z.number().nullish(),
  feedback: optionalText,
  position: z.number().nullish(),
  rubricCriterionId: optionalText,
  lastChangeDateTime: optionalText,
  extensions: extensionsOf(caseLevelExtensionSchema),
});
export type CaseRubricCriterionLevel = z.output<typeof caseRubricCriterionLevelSchema>;

export const caseRubricCriterionSchema = z.object({
  identifier: z.string().trim().min(1),
  uri: optionalText,
  category: optionalText,
  description: optionalText,
  CFItemURI: caseLinkUriSchema.nullish(),
  weight: z.number().nullish(),
  position: z.number().nullish(),
  rubricId: optionalText,
  lastChangeDateTime: optionalText,
  CFRubricCriterionLevels: z.array(caseRubricCriterionLevelSchema).nullish(),
});
export type CaseRubricCriterion = z.output<typeof caseRubricCriterionSchema>;

export const caseRubricSchema = z.object({
  identifier: z.string().trim().min(1),
  uri: optionalText,
  title: optionalText,
  description: optionalText,
  lastChangeDateTime: optionalText,
  CFRubricCriteria: z.array(caseRubricCriterionSchema).nullish(),
  extensions: extensionsOf(caseRubricExtensionSchema),
});
export type CaseRubric = z.output<typeof caseRubricSchema>;

/** A `CFPackage` as returned by `GET …/ims/case/v1p0/CFPackages/{id}` (no wrapper object). */
export const casePackageSchema = z.object({
  CFDocument: caseDocumentSchema,
  CFItems: z.array(caseItemSchema),
  CFAssociations: z
    .array(caseAssociationSchema)
    .nullish()
    .transform((associations) => associations ?? []),
  CFDefinitions: z.unknown().optional(),
  CFRubrics: z.array(caseRubricSchema).nullish(),
});
export type CasePackage = z.output<typeof casePackageSchema>;
