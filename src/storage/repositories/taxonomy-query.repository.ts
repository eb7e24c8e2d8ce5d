import { sql, type Kysely } from 'kysely';
import type {
  Competency,
  CompetencyDimension,
  CompetencyType,
  Post,
  PostCategory,
  PostRequirement,
} from '../../core/taxonomy/taxonomy-bundle.js';
import type { Database } from '../database-schema.js';
import { competencyFromRow, postFromRow } from './taxonomy-rows.js';

export interface CompetencyTermRow {
  id: string;
  type: CompetencyType;
  dimension: CompetencyDimension | null;
  isGroup: boolean;
  labelZh: string | null;
  labelEn: string | null;
  aliasesZh: string[];
  aliasesEn: string[];
  escoUri: string | null;
}

export interface LabelRef {
  id: string;
  labelZh: string | null;
  labelEn: string | null;
}

export interface RequirementRow extends PostRequirement {
  labelZh: string | null;
  labelEn: string | null;
  type: CompetencyType;
  dimension: CompetencyDimension | null;
  escoUri: string | null;
}

export interface PostUseRow {
  postId: string;
  titleZh: string;
  titleEn: string;
  category: PostCategory;
  essential: boolean;
  weight: number;
  level: number;
}

export interface OccupationRow {
  versionId: string;
  id: string;
  scheme: string;
  code: string | null;
  uri: string | null;
  titleZh: string | null;
  titleEn: string | null;
  description: string | null;
  iscoCode: string | null;
  broaderId: string | null;
  aliasCount: number;
  taskCount: number;
}

export interface SpecialtyRow {
  educationLevel: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  level: string;
  parentCode: string | null;
  controlled: boolean;
}

export interface EditRecord {
  id: string;
  versionId: string;
  versionLabel: string;
  entity: 'competency' | 'post' | 'version';
  entityId: string;
  action: 'create' | 'update' | 'delete' | 'release' | 'derive';
  before: unknown;
  after: unknown;
  reason: string;
  personId: string | null;
  personName: string | null;
  occurredAt: string;
}

/** Reads for browsing one framework version, and the edits of a draft. */
export class TaxonomyQueryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async competencyTerms(versionId: string): Promise<CompetencyTermRow[]> {
    const rows = await this.db
      .selectFrom('competencies')
      .select(['id', 'type', 'dimension', 'is_group', 'label_zh', 'label_en', 'aliases_zh', 'aliases_en', 'esco_uri'])
      .where('version_id', '=', versionId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type as CompetencyType,
      dimension: row.dimension as CompetencyDimension | null,
      isGroup: row.is_group,
      labelZh: row.label_zh,
      labelEn: row.label_en,
      aliasesZh: row.aliases_zh,
      aliasesEn: row.aliases_en,
      escoUri: row.esco_uri,
    }));
  }

  /** Every competency of a version with its external ids (for id history), without the heavy text. */
  async competencyRecords(versionId: string): Promise<Competency[]> {
    const rows = await this.db
      .selectFrom('competencies')
      .select([
        'id',
        'type',
        'is_group',
        'esco_uri',
        'onet_element_id',
        'case_guid',
        'previous_ids',
        'label_zh',
        'label_en',
      ])
      .where('version_id', '=', versionId)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      type: row.type as CompetencyType,
      dimension: null,
      isGroup: row.is_group,
      labelZh: row.label_zh,
      labelEn: row.label_en,
      aliasesZh: [],
      aliasesEn: [],
      descriptionZh: null,
      descriptionEn: null,
      escoUri: row.esco_uri,
      onetElementId: row.onet_element_id,
      caseGuid: row.case_guid,
      xStandardCode: null,
      previousIds: row.previous_ids,
    }));
  }

  async competency(versionId: string, id: string): Promise<Competency | null> {
    const row = await this.db
      .selectFrom('competencies')
      .selectAll()
      .where('version_id', '=', versionId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? competencyFromRow(row) : null;
  }

  /** Broader, narrower and related competencies of one competency, with labels. */
  async neighbours(
    versionId: string,
    id: string,
  ): Promise<{ broader: LabelRef[]; narrower: LabelRef[]; related: LabelRef[] }> {
    const rows = await sql<{ direction: string; id: string; label_zh: string | null; label_en: string | null }>`
      select 'broader' as direction, c.id, c.label_zh, c.label_en from competency_relations r
        join competencies c on c.version_id = r.version_id and c.id = r.to_id
        where r.version_id = ${versionId} and r.from_id = ${id} and r.kind = 'broader'
      union all
      select 'narrower', c.id, c.label_zh, c.label_en from competency_relations r
        join competencies c on c.version_id = r.version_id and c.id = r.from_id
        where r.version_id = ${versionId} and r.to_id = ${id} and r.kind = 'broader'
      union all
      select 'related', c.id, c.label_zh, c.label_en from competency_relations r
        join competencies c on c.version_id = r.version_id and c.id = (case when r.from_id = ${id} then r.to_id else r.from_id end)
        where r.version_id = ${versionId} and (r.from_id = ${id} or r.to_id = ${id}) and r.kind = 'related'
      order by 1, 2
      limit 600`.execute(this.db);
    const out = { broader: [] as LabelRef[], narrower: [] as LabelRef[], related: [] as LabelRef[] };
    for (const row of rows.rows) {
      const ref = { id: row.id, labelZh: row.label_zh, labelEn: row.label_en };
      if (row.direction === 'broader') out.broader.push(ref);
      else if (row.direction === 'narrower') out.narrower.push(ref);
      else out.related.push(ref);
    }
    return out;
  }

  async postsRequiring(versionId: string, competencyId: string): Promise<PostUseRow[]> {
    const rows = await this.db
      .selectFrom('post_requirements as r')
      .innerJoin('posts as p', (join) =>
        join.onRef('p.version_id', '=', 'r.version_id').onRef('p.id', '=', 'r.post_id'),
      )
      .select(['p.id', 'p.title_zh', 'p.title_en', 'p.category', 'r.essential', 'r.weight', 'r.level'])
      .where('r.version_id', '=', versionId)
      .where('r.competency_id', '=', competencyId)
      .orderBy('r.weight', 'desc')
      .orderBy('p.id')
      .execute();
    return rows.map((row) => ({
      postId: row.id,
      titleZh: row.title_zh,
      titleEn: row.title_en,
      category: row.category as PostCategory,
      essential: row.essential,
      weight: row.weight,
      level: row.level,
    }));
  }

  async occupationsLinking(
    versionId: string,
    competencyId: string,
    limit: number,
  ): Promise<{
    total: number;
    items: { id: string; titleZh: string | null; titleEn: string | null; relation: string }[];
  }> {
    const total = await sql<{ n: number }>`select count(*)::int as n from occupation_competencies
      where version_id = ${versionId} and competency_id = ${competencyId}`.execute(this.db);
    const rows = await this.db
      .selectFrom('occupation_competencies as l')
      .innerJoin('reference_occupations as o', (join) =>
        join.onRef('o.version_id', '=', 'l.version_id').onRef('o.id', '=', 'l.occupation_id'),
      )
      .select(['o.id', 'o.title_zh', 'o.title_en', 'l.relation'])
      .where('l.version_id', '=', versionId)
      .where('l.competency_id', '=', competencyId)
      .orderBy('l.relation')
      .orderBy('o.title_en')
      .limit(limit)
      .execute();
    return {
      total: total.rows[0]?.n ?? 0,
      items: rows.map((row) => ({ id: row.id, titleZh: row.title_zh, titleEn: row.title_en, relation: row.relation })),
    };
  }

  async posts(versionId: string): Promise<(Post & { requirementCount: number; essentialCount: number })[]> {
    const rows = await this.db
      .selectFrom('posts as p')
      .selectAll('p')
      .select([
        sql<number>`(select count(*)::int from post_requirements r where r.version_id = p.version_id and r.post_id = p.id)`.as(
          'requirement_count',
        ),
        sql<number>`(select count(*)::int from post_requirements r where r.version_id = p.version_id and r.post_id = p.id and r.essential)`.as(
          'essential_count',
        ),
      ])
      .where('p.version_id', '=', versionId)
      .orderBy('p.category')
      .orderBy('p.id')
      .execute();
    return rows.map(({ requirement_count, essential_count, ...row }) => ({
      ...postFromRow(row),
      requirementCount: requirement_count,
      essentialCount: essential_count,
    }));
  }

  async requirements(versionId: string, postId: string): Promise<RequirementRow[]> {
    const rows = await this.db
      .selectFrom('post_requirements as r')
      .innerJoin('competencies as c', (join) =>
        join.onRef('c.version_id', '=', 'r.version_id').onRef('c.id', '=', 'r.competency_id'),
      )
      .select(['r.post_id', 'r.competency_id', 'r.essential', 'r.weight', 'r.level'])
      .select(['c.label_zh', 'c.label_en', 'c.type', 'c.dimension', 'c.esco_uri'])
      .where('r.version_id', '=', versionId)
      .where('r.post_id', '=', postId)
      .orderBy('r.essential', 'desc')
      .orderBy('r.weight', 'desc')
      .orderBy('r.competency_id')
      .execute();
    return rows.map((row) => ({
      postId: row.post_id,
      competencyId: row.competency_id,
      essential: row.essential,
      weight: row.weight,
      level: row.level,
      labelZh: row.label_zh,
      labelEn: row.label_en,
      type: row.type as CompetencyType,
      dimension: row.dimension as CompetencyDimension | null,
      escoUri: row.esco_uri,
    }));
  }

  /** Reference occupations with these codes or URIs in any version (newest version first). */
  async occupationsByReference(scheme: string, refs: readonly string[]): Promise<OccupationRow[]> {
    if (refs.length === 0) return [];
    const rows = await this.occupationQuery()
      .where('o.scheme', '=', scheme)
      .where((eb) => eb.or([eb('o.code', 'in', refs), eb('o.uri', 'in', refs)]))
      .orderBy('v.created_at', 'desc')
      .execute();
    return rows.map(toOccupationRow);
  }

  async occupations(
    versionId: string,
    filter: { q?: string | undefined; scheme?: string | undefined; limit: number; offset: number },
  ): Promise<{ total: number; items: OccupationRow[] }> {
    let query = this.occupationQuery().where('o.version_id', '=', versionId);
    if (filter.scheme) query = query.where('o.scheme', '=', filter.scheme);
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query = query.where((eb) =>
        eb.or([
          eb('o.title_zh', 'ilike', pattern),
          eb('o.title_en', 'ilike', pattern),
          eb('o.code', 'ilike', pattern),
          eb(sql<string>`array_to_string(o.aliases_zh || o.aliases_en, ' | ')`, 'ilike', pattern),
        ]),
      );
    }
    const total = await query
      .clearSelect()
      .select(sql<number>`count(*)::int`.as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query.orderBy('o.code').orderBy('o.id').limit(filter.limit).offset(filter.offset).execute();
    return { total: total.n, items: rows.map(toOccupationRow) };
  }

  async occupationDetail(versionId: string, id: string) {
    return this.db
      .selectFrom('reference_occupations')
      .selectAll()
      .where('version_id', '=', versionId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Names of national-catalogue specialties (大类, 类, 专业) by code, from the newest version holding each. */
  async specialtyNames(codes: readonly string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('specialties as s')
      .innerJoin('framework_versions as v', 'v.id', 's.version_id')
      .select(['s.code', 's.name_zh'])
      .where('s.code', 'in', codes)
      .orderBy('v.created_at', 'asc')
      .execute();
    return new Map(rows.map((row) => [row.code, row.name_zh]));
  }

  async specialties(
    versionId: string,
    filter: {
      q?: string | undefined;
      educationLevel?: string | undefined;
      level?: string | undefined;
      limit: number;
      offset: number;
    },
  ): Promise<{ total: number; items: SpecialtyRow[] }> {
    let query = this.db.selectFrom('specialties').where('version_id', '=', versionId);
    if (filter.educationLevel) query = query.where('education_level', '=', filter.educationLevel);
    if (filter.level) query = query.where('level', '=', filter.level);
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query = query.where((eb) =>
        eb.or([eb('name_zh', 'ilike', pattern), eb('code', 'like', `${escapeLike(filter.q!)}%`)]),
      );
    }
    const total = await query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    const rows = await query
      .selectAll()
      .orderBy('education_level')
      .orderBy('code')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return {
      total: total.n,
      items: rows.map((row) => ({
        educationLevel: row.education_level,
        code: row.code,
        nameZh: row.name_zh,
        nameEn: row.name_en,
        level: row.level,
        parentCode: row.parent_code,
        controlled: row.controlled,
      })),
    };
  }

  /** Every requirement of a version, by post then competency. */
  async allRequirements(versionId: string): Promise<PostRequirement[]> {
    const rows = await this.db
      .selectFrom('post_requirements')
      .select(['post_id', 'competency_id', 'essential', 'weight', 'level'])
      .where('version_id', '=', versionId)
      .orderBy('post_id')
      .orderBy('competency_id')
      .execute();
    return rows.map((row) => ({
      postId: row.post_id,
      competencyId: row.competency_id,
      essential: row.essential,
      weight: Number(row.weight),
      level: row.level,
    }));
  }

  /** A major (专业) of a specialty catalogue version, with the name of its class (专业类). */
  async catalogueMajor(
    versionId: string,
    code: string,
  ): Promise<{ code: string; nameZh: string; nameEn: string | null; className: string | null } | null> {
    const row = await this.db
      .selectFrom('specialties as s')
      .leftJoin('specialties as c', (join) =>
        join
          .onRef('c.version_id', '=', 's.version_id')
          .onRef('c.education_level', '=', 's.education_level')
          .onRef('c.code', '=', 's.parent_code'),
      )
      .select(['s.code', 's.name_zh', 's.name_en', 'c.name_zh as class_name'])
      .where('s.version_id', '=', versionId)
      .where('s.code', '=', code)
      .where('s.level', '=', 'major')
      // One code per level in practice; prefer 高职专科, the level the groups are built for.
      .orderBy(sql`s.education_level = 'higher'`, 'desc')
      .orderBy('s.education_level')
      .executeTakeFirst();
    return row ? { code: row.code, nameZh: row.name_zh, nameEn: row.name_en, className: row.class_name } : null;
  }

  async updateCompetency(versionId: string, competency: Competency): Promise<void> {
    await this.db
      .updateTable('competencies')
      .set({
        type: competency.type,
        dimension: competency.dimension,
        label_zh: competency.labelZh,
        label_en: competency.labelEn,
        aliases_zh: competency.aliasesZh,
        aliases_en: competency.aliasesEn,
        description_zh: competency.descriptionZh,
        description_en: competency.descriptionEn,
        esco_uri: competency.escoUri,
        x_standard_code: competency.xStandardCode,
      })
      .where('version_id', '=', versionId)
      .where('id', '=', competency.id)
      .execute();
  }

  async insertCompetency(versionId: string, competency: Competency, broader: string | null): Promise<void> {
    await this.db
      .insertInto('competencies')
      .values({
        version_id: versionId,
        id: competency.id,
        type: competency.type,
        dimension: competency.dimension,
        is_group: competency.isGroup,
        label_zh: competency.labelZh,
        label_en: competency.labelEn,
        aliases_zh: competency.aliasesZh,
        aliases_en: competency.aliasesEn,
        description_zh: competency.descriptionZh,
        description_en: competency.descriptionEn,
        esco_uri: competency.escoUri,
        onet_element_id: competency.onetElementId,
        case_guid: competency.caseGuid,
        x_standard_code: competency.xStandardCode,
        previous_ids: competency.previousIds,
      })
      .execute();
    if (broader !== null) {
      await this.db
        .insertInto('competency_relations')
        .values({ version_id: versionId, from_id: competency.id, to_id: broader, kind: 'broader' })
        .execute();
    }
  }

  async replaceRequirements(
    versionId: string,
    postId: string,
    requirements: readonly PostRequirement[],
  ): Promise<void> {
    await this.db
      .deleteFrom('post_requirements')
      .where('version_id', '=', versionId)
      .where('post_id', '=', postId)
      .execute();
    if (requirements.length === 0) return;
    await this.db
      .insertInto('post_requirements')
      .values(
        requirements.map((requirement) => ({
          version_id: versionId,
          post_id: postId,
          competency_id: requirement.competencyId,
          essential: requirement.essential,
          weight: requirement.weight,
          level: requirement.level,
        })),
      )
      .execute();
  }

  /** Everyone who wrote a version: who created it and who edited it (releasing is not writing). */
  async authorsOf(versionId: string): Promise<string[]> {
    const rows = await sql<{ person_id: string }>`
      select created_by as person_id from framework_versions where id = ${versionId} and created_by is not null
      union
      select person_id from taxonomy_edits
        where version_id = ${versionId} and person_id is not null and action <> 'release'`.execute(this.db);
    return rows.rows.map((row) => row.person_id);
  }

  async recordEdit(edit: {
    versionId: string;
    entity: 'competency' | 'post' | 'version';
    entityId: string;
    action: 'create' | 'update' | 'delete' | 'release' | 'derive';
    before: unknown;
    after: unknown;
    reason: string;
    personId: string | null;
    now: Date;
  }): Promise<void> {
    await this.db
      .insertInto('taxonomy_edits')
      .values({
        version_id: edit.versionId,
        entity: edit.entity,
        entity_id: edit.entityId,
        action: edit.action,
        before: edit.before === null ? null : JSON.stringify(edit.before),
        after: edit.after === null ? null : JSON.stringify(edit.after),
        reason: edit.reason,
        person_id: edit.personId,
        occurred_at: edit.now,
      })
      .execute();
  }

  /** Edits of one entity across its framework's versions (the history follows the item through derived drafts). */
  async edits(frameworkKey: string, entity: string, entityId: string): Promise<EditRecord[]> {
    const rows = await this.db
      .selectFrom('taxonomy_edits as e')
      .innerJoin('framework_versions as v', 'v.id', 'e.version_id')
      .leftJoin('people as p', 'p.id', 'e.person_id')
      .select([
        'e.id',
        'e.entity',
        'e.entity_id',
        'e.action',
        'e.before',
        'e.after',
        'e.reason',
        'e.person_id',
        'e.occurred_at',
      ])
      .select(['p.display_name', 'e.version_id', 'v.label'])
      .where('v.framework_key', '=', frameworkKey)
      .where('e.entity', '=', entity)
      .where('e.entity_id', '=', entityId)
      .orderBy('e.occurred_at', 'desc')
      .limit(200)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      versionId: row.version_id,
      versionLabel: row.label,
      entity: row.entity as EditRecord['entity'],
      entityId: row.entity_id,
      action: row.action as EditRecord['action'],
      before: row.before,
      after: row.after,
      reason: row.reason,
      personId: row.person_id,
      personName: row.display_name,
      occurredAt: new Date(row.occurred_at).toISOString(),
    }));
  }

  private occupationQuery() {
    return this.db
      .selectFrom('reference_occupations as o')
      .innerJoin('framework_versions as v', 'v.id', 'o.version_id')
      .select([
        'o.version_id',
        'o.id',
        'o.scheme',
        'o.code',
        'o.uri',
        'o.title_zh',
        'o.title_en',
        'o.description',
        'o.isco_code',
        'o.broader_id',
        sql<number>`cardinality(o.aliases_zh) + cardinality(o.aliases_en)`.as('alias_count'),
        sql<number>`cardinality(o.tasks)`.as('task_count'),
      ]);
  }
}

function toOccupationRow(row: {
  version_id: string;
  id: string;
  scheme: string;
  code: string | null;
  uri: string | null;
  title_zh: string | null;
  title_en: string | null;
  description: string | null;
  isco_code: string | null;
  broader_id: string | null;
  alias_count: number;
  task_count: number;
}): OccupationRow {
  return {
    versionId: row.version_id,
    id: row.id,
    scheme: row.scheme,
    code: row.code,
    uri: row.uri,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    description: row.description,
    iscoCode: row.isco_code,
    broaderId: row.broader_id,
    aliasCount: row.alias_count,
    taskCount: row.task_count,
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
