import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { FrameworkHeader, FrameworkSource, TaxonomyBundle } from '../../core/taxonomy/taxonomy-bundle.js';
import type { Database } from '../database-schema.js';
import { competencyFromRow, postFromRow } from './taxonomy-rows.js';
import { iso } from './column-values.js';

export interface FrameworkVersionRecord {
  id: string;
  key: string;
  label: string;
  titleZh: string;
  titleEn: string;
  source: FrameworkSource;
  releaseNotes: string;
  released: boolean;
  releasedAt: string | null;
  derivedFrom: string | null;
  checksum: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface VersionCounts {
  competencies: number;
  competencyGroups: number;
  relations: number;
  occupations: number;
  occupationCompetencyLinks: number;
  posts: number;
  postRequirements: number;
  specialties: number;
}

/** Rows per bulk statement: one JSON parameter each, unpacked by `jsonb_to_recordset` (same SQL on both backends). */
const CHUNK = 5000;

export type BulkProgress = (table: string, done: number, total: number) => void;

/** Framework versions as whole snapshots: create, fill in bulk, load back, delete. */
export class FrameworkVersionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(
    header: FrameworkHeader,
    options: { checksum: string; createdBy: string | null; derivedFrom: string | null; released: boolean; now: Date },
  ): Promise<string> {
    const row = await this.db
      .insertInto('framework_versions')
      .values({
        framework_key: header.key,
        label: header.label,
        title_zh: header.titleZh,
        title_en: header.titleEn,
        source: header.source,
        release_notes: header.releaseNotes,
        released: options.released,
        released_at: options.released ? options.now : null,
        derived_from: options.derivedFrom,
        checksum: options.checksum,
        created_by: options.createdBy,
        created_at: options.now,
        updated_at: options.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async find(key: string, label: string): Promise<FrameworkVersionRecord | null> {
    const row = await this.select().where('framework_key', '=', key).where('label', '=', label).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * The version row, locked until the transaction ends (call inside one): the writers of one version — edits,
   * a re-import, the release — take turns, and each checks the lifecycle on what it locked, not on a stale read.
   * `no key update` so that rows referring to the version (content inserts) are not blocked.
   */
  async lock(id: string): Promise<FrameworkVersionRecord | null> {
    const row = await this.select().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async get(id: string): Promise<FrameworkVersionRecord | null> {
    const row = await this.select().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async list(): Promise<FrameworkVersionRecord[]> {
    const rows = await this.select().orderBy('framework_key').orderBy('created_at', 'desc').execute();
    return rows.map(toRecord);
  }

  /** The newest version of each framework key (the one browsing and stats use by default). */
  async latestPerKey(): Promise<FrameworkVersionRecord[]> {
    const rows = await this.select()
      .distinctOn('framework_key')
      .orderBy('framework_key')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** The newest released version of a framework key, or null when none is released. */
  async newestReleased(key: string): Promise<FrameworkVersionRecord | null> {
    const row = await this.select()
      .where('framework_key', '=', key)
      .where('released', '=', true)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** The newest version from a kind of source (released ones first), e.g. the imported specialty catalogue. */
  async newestBySource(source: FrameworkSource): Promise<FrameworkVersionRecord | null> {
    const row = await this.select()
      .where('source', '=', source)
      .orderBy('released', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async markReleased(id: string, now: Date): Promise<void> {
    await this.db
      .updateTable('framework_versions')
      .set({ released: true, released_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
  }

  async touch(id: string, now: Date, checksum?: string): Promise<void> {
    await this.db
      .updateTable('framework_versions')
      .set(checksum === undefined ? { updated_at: now } : { updated_at: now, checksum })
      .where('id', '=', id)
      .execute();
  }

  async updateHeader(id: string, header: FrameworkHeader, checksum: string, now: Date): Promise<void> {
    await this.db
      .updateTable('framework_versions')
      .set({
        title_zh: header.titleZh,
        title_en: header.titleEn,
        release_notes: header.releaseNotes,
        source: header.source,
        checksum,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db.deleteFrom('framework_versions').where('id', '=', id).execute();
  }

  /** Removes everything a version holds, keeping the version row (a re-import replaces content in place). */
  async clearContent(id: string): Promise<void> {
    for (const table of [
      'post_requirements',
      'posts',
      'occupation_competencies',
      'reference_occupations',
      'competency_relations',
      'specialties',
      'proficiency_levels',
    ] as const) {
      await this.db.deleteFrom(table).where('version_id', '=', id).execute();
    }
    await this.db.deleteFrom('competencies').where('version_id', '=', id).execute();
  }

  async counts(id: string): Promise<VersionCounts> {
    const count = (table: keyof Database, extra = sql``) =>
      sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where version_id = ${id} ${extra}`;
    const one = async (query: RawBuilder<{ n: number }>) => (await query.execute(this.db)).rows[0]?.n ?? 0;
    return {
      competencies: await one(count('competencies', sql`and not is_group`)),
      competencyGroups: await one(count('competencies', sql`and is_group`)),
      relations: await one(count('competency_relations')),
      occupations: await one(count('reference_occupations')),
      occupationCompetencyLinks: await one(count('occupation_competencies')),
      posts: await one(count('posts')),
      postRequirements: await one(count('post_requirements')),
      specialties: await one(count('specialties')),
    };
  }

  /** Writes a bundle's content into an (empty) version, in chunks, reporting rows written per table. */
  async insertContent(id: string, bundle: TaxonomyBundle, progress: BulkProgress = () => {}): Promise<void> {
    const insert = async <T>(table: string, rows: readonly T[], statement: (json: string) => RawBuilder<unknown>) => {
      for (let start = 0; start < rows.length; start += CHUNK) {
        await statement(JSON.stringify(rows.slice(start, start + CHUNK))).execute(this.db);
        progress(table, Math.min(start + CHUNK, rows.length), rows.length);
      }
    };
    await insert(
      'proficiency_levels',
      bundle.levels,
      (json) => sql`insert into proficiency_levels (version_id, level, name_zh, name_en, descriptor_zh, descriptor_en)
        select ${id}::uuid, r.level, r."nameZh", r."nameEn", r."descriptorZh", r."descriptorEn"
        from jsonb_to_recordset(${json}::jsonb) as r(level int, "nameZh" text, "nameEn" text, "descriptorZh" text, "descriptorEn" text)`,
    );
    await insert(
      'competencies',
      bundle.competencies,
      (json) => sql`insert into competencies (version_id, id, type, dimension, is_group, label_zh, label_en, aliases_zh,
          aliases_en, description_zh, description_en, esco_uri, onet_element_id, case_guid, x_standard_code, previous_ids)
        select ${id}::uuid, r.id, r.type, r.dimension, r."isGroup", r."labelZh", r."labelEn", r."aliasesZh", r."aliasesEn",
          r."descriptionZh", r."descriptionEn", r."escoUri", r."onetElementId", r."caseGuid", r."xStandardCode", r."previousIds"
        from jsonb_to_recordset(${json}::jsonb) as r(id text, type text, dimension text, "isGroup" boolean, "labelZh" text,
          "labelEn" text, "aliasesZh" text[], "aliasesEn" text[], "descriptionZh" text, "descriptionEn" text, "escoUri" text,
          "onetElementId" text, "caseGuid" text, "xStandardCode" text, "previousIds" text[])`,
    );
    await insert(
      'competency_relations',
      bundle.relations,
      (json) => sql`insert into competency_relations (version_id, from_id, to_id, kind)
        select ${id}::uuid, r."fromId", r."toId", r.kind from jsonb_to_recordset(${json}::jsonb) as r("fromId" text, "toId" text, kind text)`,
    );
    await insert(
      'reference_occupations',
      bundle.occupations,
      (
        json,
      ) => sql`insert into reference_occupations (version_id, id, scheme, code, uri, title_zh, title_en, aliases_zh,
          aliases_en, description, broader_id, isco_code, tasks)
        select ${id}::uuid, r.id, r.scheme, r.code, r.uri, r."titleZh", r."titleEn", r."aliasesZh", r."aliasesEn", r.description,
          r."broaderId", r."iscoCode", r.tasks
        from jsonb_to_recordset(${json}::jsonb) as r(id text, scheme text, code text, uri text, "titleZh" text, "titleEn" text,
          "aliasesZh" text[], "aliasesEn" text[], description text, "broaderId" text, "iscoCode" text, tasks text[])`,
    );
    await insert(
      'occupation_competencies',
      bundle.occupationLinks,
      (
        json,
      ) => sql`insert into occupation_competencies (version_id, occupation_id, competency_id, relation, importance, level, hot)
        select ${id}::uuid, r."occupationId", r."competencyId", r.relation, r.importance, r.level, r.hot
        from jsonb_to_recordset(${json}::jsonb) as r("occupationId" text, "competencyId" text, relation text,
          importance double precision, level double precision, hot boolean)`,
    );
    await insert(
      'posts',
      bundle.posts,
      (
        json,
      ) => sql`insert into posts (version_id, id, title_zh, title_en, aliases_zh, aliases_en, category, sub_sector_zh,
          sub_sector_en, description_zh, description_en, scenes, refs)
        select ${id}::uuid, r.id, r."titleZh", r."titleEn", r."aliasesZh", r."aliasesEn", r.category, r."subSectorZh",
          r."subSectorEn", r."descriptionZh", r."descriptionEn", r.scenes, r."references"
        from jsonb_to_recordset(${json}::jsonb) as r(id text, "titleZh" text, "titleEn" text, "aliasesZh" text[],
          "aliasesEn" text[], category text, "subSectorZh" text, "subSectorEn" text, "descriptionZh" text,
          "descriptionEn" text, scenes jsonb, "references" jsonb)`,
    );
    await insert(
      'post_requirements',
      bundle.requirements,
      (json) => sql`insert into post_requirements (version_id, post_id, competency_id, essential, weight, level)
        select ${id}::uuid, r."postId", r."competencyId", r.essential, r.weight, r.level
        from jsonb_to_recordset(${json}::jsonb) as r("postId" text, "competencyId" text, essential boolean,
          weight double precision, level int)`,
    );
    await insert(
      'specialties',
      bundle.specialties,
      (
        json,
      ) => sql`insert into specialties (version_id, education_level, code, name_zh, name_en, level, parent_code, controlled)
        select ${id}::uuid, r."educationLevel", r.code, r."nameZh", r."nameEn", r.level, r."parentCode", r.controlled
        from jsonb_to_recordset(${json}::jsonb) as r("educationLevel" text, code text, "nameZh" text, "nameEn" text,
          level text, "parentCode" text, controlled boolean)`,
    );
  }

  async loadLevels(id: string) {
    const rows = await this.db
      .selectFrom('proficiency_levels')
      .selectAll()
      .where('version_id', '=', id)
      .orderBy('level')
      .execute();
    return rows.map((row) => ({
      level: row.level,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      descriptorZh: row.descriptor_zh,
      descriptorEn: row.descriptor_en,
    }));
  }

  /** Reads a whole version back as a bundle, in a stable order. */
  async loadBundle(id: string): Promise<TaxonomyBundle> {
    const version = await this.get(id);
    if (!version) throw new Error(`framework version ${id} not found`);
    const db = this.db;
    const levels = await db
      .selectFrom('proficiency_levels')
      .selectAll()
      .where('version_id', '=', id)
      .orderBy('level')
      .execute();
    const competencies = await db
      .selectFrom('competencies')
      .selectAll()
      .where('version_id', '=', id)
      .orderBy('id')
      .execute();
    const relations = await db
      .selectFrom('competency_relations')
      .selectAll()
      .where('version_id', '=', id)
      .orderBy('from_id')
      .orderBy('to_id')
      .orderBy('kind')
      .execute();
    const occupations = await db
      .selectFrom('reference_occupations')
      .selectAll()
      .where('version_id', '=', id)
      .orderBy('id')
      .execute();
    const links = await db
      .selectFrom('occupation_competencies')
      .selectAll()
      .where('version_id', '=', id)
      .orderBy('occupation_id')
      .orderBy('competency_id')
      .execute();
    const posts = await db.selectFrom('posts').selectAll().where('version_id', '=', id).orderBy('id').execute();
    const requirements = await db
      .selectFrom('post_requirements')
      .selectAll()
      .where('version_id', '=', id)
      .orderBy('post_id')
      .orderBy('competency_id')
      .execute();
    const specialties = await db
      .selectFrom('specialties')
      .selectAll()
      .where('version_id', '=', id)
      .orderBy('education_level')
      .orderBy('code')
      .execute();
    return {
      framework: {
        key: version.key,
        label: version.label,
        titleZh: version.titleZh,
        titleEn: version.titleEn,
        source: version.source,
        releaseNotes: version.releaseNotes,
      },
      levels: levels.map((row) => ({
        level: row.level,
        nameZh: row.name_zh,
        nameEn: row.name_en,
        descriptorZh: row.descriptor_zh,
        descriptorEn: row.descriptor_en,
      })),
      competencies: competencies.map(competencyFromRow),
      relations: relations.map((row) => ({
        fromId: row.from_id,
        toId: row.to_id,
        kind: row.kind as 'broader' | 'related',
      })),
      occupations: occupations.map((row) => ({
        id: row.id,
        scheme: row.scheme as 'esco' | 'isco' | 'onet' | 'cn2022',
        code: row.code,
        uri: row.uri,
        titleZh: row.title_zh,
        titleEn: row.title_en,
        aliasesZh: row.aliases_zh,
        aliasesEn: row.aliases_en,
        description: row.description,
        broaderId: row.broader_id,
        iscoCode: row.isco_code,
        tasks: row.tasks,
      })),
      occupationLinks: links.map((row) => ({
        occupationId: row.occupation_id,
        competencyId: row.competency_id,
        relation: row.relation as 'essential' | 'optional',
        importance: row.importance,
        level: row.level,
        hot: row.hot,
      })),
      posts: posts.map(postFromRow),
      requirements: requirements.map((row) => ({
        postId: row.post_id,
        competencyId: row.competency_id,
        essential: row.essential,
        weight: row.weight,
        level: row.level,
      })),
      specialties: specialties.map((row) => ({
        code: row.code,
        nameZh: row.name_zh,
        nameEn: row.name_en,
        level: row.level as 'category' | 'class' | 'major',
        educationLevel: row.education_level as 'secondary' | 'higher' | 'bachelor',
        parentCode: row.parent_code,
        controlled: row.controlled,
      })),
    };
  }

  private select() {
    return this.db.selectFrom('framework_versions').selectAll();
  }
}

function toRecord(row: {
  id: string;
  framework_key: string;
  label: string;
  title_zh: string;
  title_en: string;
  source: string;
  release_notes: string;
  released: boolean;
  released_at: Date | null;
  derived_from: string | null;
  checksum: string;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}): FrameworkVersionRecord {
  return {
    id: row.id,
    key: row.framework_key,
    label: row.label,
    titleZh: row.title_zh,
    titleEn: row.title_en,
    source: row.source as FrameworkSource,
    releaseNotes: row.release_notes,
    released: row.released,
    releasedAt: iso(row.released_at),
    derivedFrom: row.derived_from,
    checksum: row.checksum,
    createdBy: row.created_by,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
  };
}
