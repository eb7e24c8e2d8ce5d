import { casePackageSchema, type CaseItem, type CasePackage } from '../../contracts/case-package.js';
import { importFailure } from '../../core/errors/import-failure.js';
import {
  blankCompetency,
  emptyBundle,
  type Competency,
  type CompetencyRelationKind,
  type CompetencyType,
  type FrameworkHeader,
  type ProficiencyLevel,
  type TaxonomyBundle,
} from '../../core/taxonomy/taxonomy-bundle.js';
import { findCycle, validateBundle } from '../../core/taxonomy/validate-bundle.js';
import { formatJsonPath, lineOfJsonPath } from '../json-location.js';
import { parseJsonText } from '../read-json-file.js';
import { hasHanCharacters } from './has-han-characters.js';

export interface CaseImportOptions {
  /** Framework key; default: the key Zerodock wrote into the package, else one derived from the title. */
  key?: string;
  /** Version label; default: `CFDocument.version`, else the date of `lastChangeDateTime`. */
  label?: string;
}

type JsonPath = (string | number)[];

const ESCO_URI = /^https?:\/\/data\.europa\.eu\/esco\//;

/**
 * Reads a CASE 1.0 `CFPackage` (JSON text) into a framework version (source `case`): items become competencies,
 * isChildOf / isRelatedTo associations relations, exactMatchOf to an ESCO URI the competency's `escoUri`,
 * replacedBy its previous ids, and Zerodock's proficiency rubric the levels. Other association types
 * (isPeerOf, isPartOf, precedes, exemplar, …) and isRelatedTo links that leave the package are ignored.
 *
 * A competency's id is the item's `humanCodingScheme` where that is present and unique, else its identifier.
 * Items without Zerodock's extension (from other tools) take their label from `fullStatement`, telling Chinese
 * from English by Han characters (tools often write a default `language`), with `alternativeLabel`,
 * `abbreviatedStatement` and `conceptKeywords` as the other label or aliases and `notes` as the description.
 *
 * Every problem is an `IMPORT_FAILED` naming FILE:LINE:FIELD: bad JSON or schema, a duplicate item identifier,
 * an isChildOf whose ends are not in the package (dangling), and a cycle of isChildOf associations.
 */
export function casePackageToBundle(
  text: string,
  displayName: string,
  options: CaseImportOptions = {},
): TaxonomyBundle {
  const casePackage = parseJsonText(text, casePackageSchema, displayName);
  const fail = (path: JsonPath, reason: string) =>
    importFailure({ file: displayName, line: lineOfJsonPath(text, path), field: formatJsonPath(path) }, reason);

  const bundle = emptyBundle(frameworkHeader(casePackage, options));
  bundle.levels = proficiencyLevels(casePackage, fail);

  // Items: identifier (case-insensitive, as GUIDs are) → competency.
  const codeCount = new Map<string, number>();
  for (const item of casePackage.CFItems) {
    const code = item.humanCodingScheme?.trim();
    if (code) codeCount.set(code, (codeCount.get(code) ?? 0) + 1);
  }
  const byIdentifier = new Map<string, { competency: Competency; index: number }>();
  casePackage.CFItems.forEach((item, index) => {
    const identifier = item.identifier.toLowerCase();
    const earlier = byIdentifier.get(identifier);
    if (earlier) {
      throw fail(
        ['CFItems', index, 'identifier'],
        `identifier ${item.identifier} is already used by CFItems[${earlier.index}]`,
      );
    }
    const code = item.humanCodingScheme?.trim();
    const id = code && codeCount.get(code) === 1 ? code : item.identifier;
    const competency = itemToCompetency(item, id);
    bundle.competencies.push(competency);
    byIdentifier.set(identifier, { competency, index });
  });
  const documentIdentifier = casePackage.CFDocument.identifier.toLowerCase();

  // Associations, in order (so relations and previous ids keep the package's order).
  const seen = new Set<string>();
  const broader = new Map<string, string[]>();
  const broaderAssociation = new Map<string, number>();
  const relate = (index: number, fromId: string, toId: string, kind: CompetencyRelationKind) => {
    if (fromId === toId && kind === 'related') throw fail(['CFAssociations', index], 'relates an item to itself');
    const relationKey = `${kind}\u0000${fromId}\u0000${toId}`;
    if (seen.has(relationKey)) return;
    seen.add(relationKey);
    bundle.relations.push({ fromId, toId, kind });
    if (kind === 'broader') {
      const targets = broader.get(fromId);
      if (targets) targets.push(toId);
      else broader.set(fromId, [toId]);
      broaderAssociation.set(`${fromId}\u0000${toId}`, index);
    }
  };
  casePackage.CFAssociations.forEach((association, index) => {
    const origin = byIdentifier.get(association.originNodeURI.identifier.toLowerCase())?.competency;
    const destinationIdentifier = association.destinationNodeURI.identifier.toLowerCase();
    const destination = byIdentifier.get(destinationIdentifier)?.competency;
    switch (association.associationType) {
      case 'isChildOf': {
        if (!origin) throw fail(['CFAssociations', index, 'originNodeURI'], dangling(association.originNodeURI));
        if (destination) relate(index, origin.id, destination.id, 'broader');
        else if (destinationIdentifier !== documentIdentifier) {
          throw fail(['CFAssociations', index, 'destinationNodeURI'], dangling(association.destinationNodeURI));
        }
        return;
      }
      case 'isRelatedTo':
        if (origin && destination) relate(index, origin.id, destination.id, 'related');
        return;
      case 'exactMatchOf':
        if (origin && origin.escoUri === null && ESCO_URI.test(association.destinationNodeURI.uri)) {
          origin.escoUri = association.destinationNodeURI.uri;
        }
        return;
      case 'replacedBy': {
        if (!destination) return;
        const previous =
          origin?.id || association.originNodeURI.title.trim() || association.originNodeURI.identifier.trim();
        if (previous !== destination.id && !destination.previousIds.includes(previous)) {
          destination.previousIds.push(previous);
        }
        return;
      }
      default:
        return;
    }
  });

  const cycle = findCycle(broader);
  if (cycle) {
    const index = broaderAssociation.get(`${cycle[0]}\u0000${cycle[1]}`) ?? 0;
    throw fail(['CFAssociations', index], `the isChildOf hierarchy has a cycle: ${cycle.join(' → ')}`);
  }

  const issue = validateBundle(bundle, 1)[0];
  if (issue) {
    const ref = issue.ref.split('→')[0]!;
    const index = bundle.competencies.findIndex((competency) => competency.id === ref);
    const path: JsonPath = issue.entity === 'competency' && index >= 0 ? ['CFItems', index] : [];
    throw importFailure(
      { file: displayName, line: path.length > 0 ? lineOfJsonPath(text, path) : 0, field: formatJsonPath(path) },
      `${issue.entity} ${issue.ref}: ${issue.field} ${issue.reason}`,
    );
  }
  return bundle;
}

function dangling(end: { identifier: string; title: string }): string {
  const title = end.title ? ` (“${end.title}”)` : '';
  return `isChildOf names ${end.identifier}${title}, which is neither an item of this package nor its CFDocument`;
}

function frameworkHeader(casePackage: CasePackage, options: CaseImportOptions): FrameworkHeader {
  const document = casePackage.CFDocument;
  const ours = document.extensions?.zerodock;
  const title = document.title.trim();
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return {
    key: options.key ?? ours?.key ?? (slug || `case-${document.identifier.slice(0, 8).toLowerCase()}`),
    label: options.label ?? (document.version?.trim() || document.lastChangeDateTime?.slice(0, 10) || '1'),
    // Another tool's single-language title stands for both until someone translates it.
    titleZh: ours?.titleZh ?? title,
    titleEn: ours?.titleEn ?? title,
    source: 'case',
    releaseNotes: document.notes ?? '',
  };
}

function proficiencyLevels(
  casePackage: CasePackage,
  fail: (path: JsonPath, reason: string) => Error,
): ProficiencyLevel[] {
  const rubricIndex = (casePackage.CFRubrics ?? []).findIndex((rubric) => rubric.extensions?.zerodock);
  const criterion = casePackage.CFRubrics?.[rubricIndex]?.CFRubricCriteria?.[0];
  if (!criterion) return []; // Other tools' rubrics assess single items; they are not a framework-wide scale.
  const levels = (criterion.CFRubricCriterionLevels ?? []).map((level, index) => ({ level, index }));
  levels.sort((a, b) => (a.level.position ?? a.index) - (b.level.position ?? b.index));
  return levels.map(({ level, index }) => {
    if (level.score === null || level.score === undefined || !Number.isInteger(level.score)) {
      throw fail(
        ['CFRubrics', rubricIndex, 'CFRubricCriteria', 0, 'CFRubricCriterionLevels', index, 'score'],
        'a proficiency level needs a whole-number score',
      );
    }
    const name = level.quality ?? String(level.score);
    const descriptor = level.description ?? '';
    return {
      level: level.score,
      nameZh: name,
      nameEn: level.extensions?.zerodock?.nameEn ?? name,
      descriptorZh: descriptor,
      descriptorEn: level.extensions?.zerodock?.descriptorEn ?? descriptor,
    };
  });
}

function itemToCompetency(item: CaseItem, id: string): Competency {
  const ours = item.extensions?.zerodock;
  const statement = item.fullStatement.trim();
  if (ours) {
    const chinese = item.language ? item.language.toLowerCase().startsWith('zh') : hasHanCharacters(statement);
    return {
      ...blankCompetency(id, ours.type),
      dimension: ours.dimension,
      isGroup: ours.isGroup,
      labelZh: chinese ? statement : null,
      labelEn: chinese ? (item.alternativeLabel ?? null) : statement,
      aliasesZh: [...ours.aliasesZh],
      aliasesEn: [...ours.aliasesEn],
      descriptionZh: ours.descriptionZh,
      descriptionEn: ours.descriptionEn,
      onetElementId: ours.onetElementId,
      xStandardCode: ours.xStandardCode,
      caseGuid: ours.derivedIdentifier ? null : item.identifier,
    };
  }

  const competency: Competency = {
    ...blankCompetency(id, foreignType(item.CFItemType)),
    isGroup: /group|domain|cluster|category|strand|组|类|领域/i.test(item.CFItemType ?? ''),
    caseGuid: item.identifier,
  };
  const addTerm = (raw: string | null | undefined) => {
    const term = raw?.trim();
    if (!term) return;
    if (hasHanCharacters(term)) {
      if (competency.labelZh === null) competency.labelZh = term;
      else if (term !== competency.labelZh && !competency.aliasesZh.includes(term)) competency.aliasesZh.push(term);
    } else if (competency.labelEn === null) competency.labelEn = term;
    else if (term !== competency.labelEn && !competency.aliasesEn.includes(term)) competency.aliasesEn.push(term);
  };
  addTerm(statement);
  addTerm(item.alternativeLabel);
  addTerm(item.abbreviatedStatement);
  for (const keyword of item.conceptKeywords ?? []) addTerm(keyword);
  const notes = item.notes?.trim();
  if (notes) {
    if (hasHanCharacters(notes)) competency.descriptionZh = notes;
    else competency.descriptionEn = notes;
  }
  return competency;
}

function foreignType(itemType: string | null | undefined): CompetencyType {
  const name = itemType ?? '';
  if (/knowledge|知识/i.test(name)) return 'knowledge';
  if (/attitude|disposition|value|素养|态度|素质/i.test(name)) return 'attitude';
  return 'skill';
}
