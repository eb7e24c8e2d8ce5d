import type { Selectable } from 'kysely';
import type {
  Competency,
  CompetencyDimension,
  CompetencyType,
  JobScene,
  Post,
  PostCategory,
  PostReferences,
} from '../../core/taxonomy/taxonomy-bundle.js';
import type { CompetenciesTable, PostsTable } from '../database-schema.js';

/** A `competencies` row as the domain's Competency. */
export function competencyFromRow(row: Selectable<CompetenciesTable>): Competency {
  return {
    id: row.id,
    type: row.type as CompetencyType,
    dimension: row.dimension as CompetencyDimension | null,
    isGroup: row.is_group,
    labelZh: row.label_zh,
    labelEn: row.label_en,
    aliasesZh: row.aliases_zh,
    aliasesEn: row.aliases_en,
    descriptionZh: row.description_zh,
    descriptionEn: row.description_en,
    escoUri: row.esco_uri,
    onetElementId: row.onet_element_id,
    caseGuid: row.case_guid,
    xStandardCode: row.x_standard_code,
    previousIds: row.previous_ids,
  };
}

/** A `posts` row as the domain's Post (scenes and references are stored as JSON). */
export function postFromRow(row: Selectable<PostsTable>): Post {
  return {
    id: row.id,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    aliasesZh: row.aliases_zh,
    aliasesEn: row.aliases_en,
    category: row.category as PostCategory,
    subSectorZh: row.sub_sector_zh,
    subSectorEn: row.sub_sector_en,
    descriptionZh: row.description_zh,
    descriptionEn: row.description_en,
    scenes: row.scenes as JobScene[],
    references: row.refs as PostReferences,
  };
}
