import { sql, type Kysely } from 'kysely';
import type { EnterpriseType, OrganisationKind } from '../../core/access/roles.js';
import type { Database } from '../database-schema.js';

export interface OrganisationRecord {
  id: string;
  kind: OrganisationKind;
  nameZh: string;
  nameEn: string;
  province: string;
  city: string;
  enterpriseType: EnterpriseType | null;
  isDemo: boolean;
  memberCount: number;
  createdAt: string;
}

export interface NewOrganisation {
  kind: OrganisationKind;
  nameZh: string;
  nameEn: string;
  province: string;
  city: string;
  enterpriseType: EnterpriseType | null;
  isDemo?: boolean;
}

export class OrganisationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async create(organisation: NewOrganisation): Promise<OrganisationRecord> {
    const row = await this.db
      .insertInto('organisations')
      .values({
        kind: organisation.kind,
        name_zh: organisation.nameZh,
        name_en: organisation.nameEn,
        province: organisation.province,
        city: organisation.city,
        enterprise_type: organisation.enterpriseType,
        is_demo: organisation.isDemo ?? false,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = await this.findById(row.id);
    if (!created) throw new Error('organisation vanished after insert');
    return created;
  }

  async findById(id: string): Promise<OrganisationRecord | undefined> {
    const row = await this.selectWithCounts().where('o.id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async findByNameZh(nameZh: string): Promise<OrganisationRecord | undefined> {
    const row = await this.selectWithCounts().where('o.name_zh', '=', nameZh).executeTakeFirst();
    return row ? toRecord(row) : undefined;
  }

  async list(filter: { kind?: OrganisationKind | undefined; limit: number; offset: number }) {
    let query = this.selectWithCounts().select(sql<number>`(count(*) over ())::int`.as('total'));
    if (filter.kind) query = query.where('o.kind', '=', filter.kind);
    const rows = await query.orderBy('o.kind').orderBy('o.name_zh').limit(filter.limit).offset(filter.offset).execute();
    // The window count comes with the rows; a page past the end has none, so count separately then.
    let total = rows[0]?.total;
    if (total === undefined) {
      let countQuery = this.db.selectFrom('organisations as o').select(sql<number>`count(*)::int`.as('total'));
      if (filter.kind) countQuery = countQuery.where('o.kind', '=', filter.kind);
      total = (await countQuery.executeTakeFirstOrThrow()).total;
    }
    return { items: rows.map(toRecord), total };
  }

  async countByKind(): Promise<{ kind: OrganisationKind; count: number }[]> {
    const rows = await this.db
      .selectFrom('organisations')
      .select(['kind', sql<number>`count(*)::int`.as('count')])
      .groupBy('kind')
      .orderBy('kind')
      .execute();
    return rows.map((row) => ({ kind: row.kind as OrganisationKind, count: row.count }));
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('organisations')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    return row.count;
  }

  private selectWithCounts() {
    return this.db.selectFrom('organisations as o').select([
      'o.id',
      'o.kind',
      'o.name_zh',
      'o.name_en',
      'o.province',
      'o.city',
      'o.enterprise_type',
      'o.is_demo',
      'o.created_at',
      // Correlated per row (index on memberships.organisation_id): cheap for a page, never a full scan.
      sql<number>`(select count(distinct m.person_id)::int from memberships m where m.organisation_id = o.id)`.as(
        'member_count',
      ),
    ]);
  }
}

function toRecord(row: {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string;
  province: string;
  city: string;
  enterprise_type: string | null;
  is_demo: boolean;
  created_at: Date;
  member_count: number;
}): OrganisationRecord {
  return {
    id: row.id,
    kind: row.kind as OrganisationKind,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    province: row.province,
    city: row.city,
    enterpriseType: row.enterprise_type as EnterpriseType | null,
    isDemo: row.is_demo,
    memberCount: row.member_count,
    createdAt: row.created_at.toISOString(),
  };
}
