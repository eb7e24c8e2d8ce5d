import type {
  CaseAssociation,
  CaseItem,
  CaseItemExtension,
  CaseLinkGenUri,
  CaseLinkUri,
  CasePackage,
  CaseRubric,
} from '../../contracts/case-package.js';
import type { Competency, CompetencyType, TaxonomyBundle } from '../../core/taxonomy/taxonomy-bundle.js';
import { caseUuid } from './case-uuid.js';

export interface CaseExportOptions {
  /** Where the CASE objects live, e.g. `https://zerodock.example.edu/ims/case/v1p0`; URIs are `<base>/CFItems/<id>`. */
  baseUri: string;
  /** Written as every object's `lastChangeDateTime`. */
  now: Date;
}

const ITEM_TYPE_NAMES: Record<CompetencyType, string> = {
  knowledge: 'Knowledge',
  skill: 'Skill',
  attitude: 'Attitude',
};

/** What a competency group is called in `CFItemType` (the importer also knows it from the extension). */
const CASE_GROUP_ITEM_TYPE = 'Competency Group';

/**
 * The CASE 1.0 `CFPackage` of one framework version: the framework as the `CFDocument`, one `CFItem` per
 * competency, its relations as associations (broader → isChildOf, related → isRelatedTo, ESCO URI → exactMatchOf,
 * previous ids → replacedBy; competencies without a broader one are isChildOf the document, as CASE viewers
 * expect), and the proficiency levels as one `CFRubric`. Identifiers are the competencies' CASE GUIDs or UUIDs
 * derived from `key/id`, so exporting the same version twice gives the same package apart from the time stamps.
 *
 * Posts, reference occupations, occupation links and specialties are out of scope: CASE describes competency
 * frameworks, not jobs or programmes (the XLSX workbook carries posts).
 */
export function bundleToCasePackage(bundle: TaxonomyBundle, options: CaseExportOptions): CasePackage {
  const base = options.baseUri.replace(/\/+$/, '');
  const lastChangeDateTime = options.now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const { key, label, titleZh, titleEn, releaseNotes } = bundle.framework;

  const documentId = caseUuid(`${key}@${label}`);
  const title = titleZh && titleEn && titleZh !== titleEn ? `${titleZh} / ${titleEn}` : titleZh || titleEn || key;
  const documentLink: CaseLinkUri = { title, identifier: documentId, uri: `${base}/CFDocuments/${documentId}` };
  const itemLink = (identifier: string, itemTitle: string): CaseLinkGenUri => ({
    title: itemTitle,
    identifier,
    uri: `${base}/CFItems/${identifier}`,
  });

  const items: CaseItem[] = [];
  const links = new Map<string, CaseLinkGenUri>();
  for (const competency of bundle.competencies) {
    const derivedIdentifier = caseUuid(`${key}/${competency.id}`);
    const item = competencyToItem(competency, derivedIdentifier, base, documentLink, lastChangeDateTime);
    items.push(item);
    links.set(competency.id, itemLink(item.identifier, item.fullStatement));
  }
  const linkOf = (id: string): CaseLinkGenUri => {
    const link = links.get(id);
    if (!link) throw new Error(`bundleToCasePackage: a relation names the unknown competency ${id}`);
    return link;
  };

  const associations: CaseAssociation[] = [];
  const childCount = new Map<string, number>();
  const associate = (type: string, origin: CaseLinkGenUri, destination: CaseLinkGenUri) => {
    const identifier = caseUuid(`${documentId}/${type}/${origin.identifier}/${destination.identifier}`);
    let sequenceNumber: number | undefined;
    if (type === 'isChildOf') {
      sequenceNumber = (childCount.get(destination.identifier) ?? 0) + 1;
      childCount.set(destination.identifier, sequenceNumber);
    }
    const association: CaseAssociation = {
      identifier,
      uri: `${base}/CFAssociations/${identifier}`,
      associationType: type,
      ...(sequenceNumber === undefined ? {} : { sequenceNumber }),
      // Copies, so a caller that edits one association does not edit others.
      originNodeURI: { ...origin },
      destinationNodeURI: { ...destination },
      lastChangeDateTime,
      CFDocumentURI: { ...documentLink },
    };
    associations.push(association);
  };

  const hasBroader = new Set<string>();
  for (const relation of bundle.relations) {
    if (relation.kind === 'broader') hasBroader.add(relation.fromId);
    associate(
      relation.kind === 'broader' ? 'isChildOf' : 'isRelatedTo',
      linkOf(relation.fromId),
      linkOf(relation.toId),
    );
  }
  for (const competency of bundle.competencies) {
    const link = linkOf(competency.id);
    if (!hasBroader.has(competency.id)) associate('isChildOf', link, { ...documentLink, targetType: 'CFDocument' });
    if (competency.escoUri !== null) {
      const esco: CaseLinkGenUri = {
        title: 'ESCO',
        identifier: competency.escoUri.split('/').pop() || competency.escoUri,
        uri: competency.escoUri,
      };
      associate('exactMatchOf', link, esco);
    }
    for (const previousId of competency.previousIds) {
      // The old id's own derived URI: what a consumer that stored the old item's identifier will look up.
      associate('replacedBy', itemLink(caseUuid(`${key}/${previousId}`), previousId), link);
    }
  }

  const casePackage: CasePackage = {
    CFDocument: {
      identifier: documentId,
      uri: documentLink.uri,
      creator: 'Zerodock',
      title,
      lastChangeDateTime,
      language: 'zh',
      version: label,
      ...(releaseNotes ? { notes: releaseNotes } : {}),
      CFPackageURI: { title, identifier: documentId, uri: `${base}/CFPackages/${documentId}` },
      extensions: { zerodock: { key, titleZh, titleEn } },
    },
    CFItems: items,
    CFAssociations: associations,
  };
  if (bundle.levels.length > 0) casePackage.CFRubrics = [levelsRubric(bundle, documentId, base, lastChangeDateTime)];
  return casePackage;
}

function competencyToItem(
  competency: Competency,
  derivedIdentifier: string,
  base: string,
  documentLink: CaseLinkUri,
  lastChangeDateTime: string,
): CaseItem {
  const identifier = competency.caseGuid ?? derivedIdentifier;
  const aliases = [...competency.aliasesZh, ...competency.aliasesEn];
  const descriptions = [competency.descriptionZh, competency.descriptionEn].filter((text) => text !== null);
  const extension: CaseItemExtension = {
    type: competency.type,
    dimension: competency.dimension,
    isGroup: competency.isGroup,
    aliasesZh: [...competency.aliasesZh],
    aliasesEn: [...competency.aliasesEn],
    descriptionZh: competency.descriptionZh,
    descriptionEn: competency.descriptionEn,
    onetElementId: competency.onetElementId,
    xStandardCode: competency.xStandardCode,
    derivedIdentifier: competency.caseGuid === null,
  };
  return {
    identifier,
    uri: `${base}/CFItems/${identifier}`,
    fullStatement: competency.labelZh ?? competency.labelEn ?? competency.id,
    ...(competency.labelZh !== null && competency.labelEn !== null ? { alternativeLabel: competency.labelEn } : {}),
    CFItemType: competency.isGroup ? CASE_GROUP_ITEM_TYPE : ITEM_TYPE_NAMES[competency.type],
    humanCodingScheme: competency.id,
    ...(aliases.length > 0 ? { conceptKeywords: aliases } : {}),
    ...(descriptions.length > 0 ? { notes: descriptions.join('\n\n') } : {}),
    language: competency.labelZh !== null ? 'zh' : 'en',
    lastChangeDateTime,
    CFDocumentURI: { ...documentLink },
    extensions: { zerodock: extension },
  };
}

function levelsRubric(
  bundle: TaxonomyBundle,
  documentId: string,
  base: string,
  lastChangeDateTime: string,
): CaseRubric {
  const rubricId = caseUuid(`${documentId}/proficiency-levels`);
  const criterionId = caseUuid(`${rubricId}/criterion`);
  return {
    identifier: rubricId,
    uri: `${base}/CFRubrics/${rubricId}`,
    title: '熟练程度 Proficiency levels',
    description: 'The proficiency scale on which post requirements state the level each competency is needed at.',
    lastChangeDateTime,
    extensions: { zerodock: { proficiencyLevels: true } },
    CFRubricCriteria: [
      {
        identifier: criterionId,
        uri: `${base}/CFRubricCriteria/${criterionId}`,
        category: 'proficiency',
        description: '熟练程度 Proficiency',
        position: 1,
        rubricId,
        lastChangeDateTime,
        CFRubricCriterionLevels: bundle.levels.map((level, index) => {
          const levelId = caseUuid(`${criterionId}/${level.level}`);
          return {
            identifier: levelId,
            uri: `${base}/CFRubricCriterionLevels/${levelId}`,
            quality: level.nameZh,
            description: level.descriptorZh,
            score: level.level,
            position: index + 1,
            rubricCriterionId: criterionId,
            lastChangeDateTime,
            extensions: { zerodock: { nameEn: level.nameEn, descriptorEn: level.descriptorEn } },
          };
        }),
      },
    ],
  };
}
