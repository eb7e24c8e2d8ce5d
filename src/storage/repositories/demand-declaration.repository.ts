import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';

export interface DeclarationRow {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationNameEn: string;
  postId: string;
  headcount: number;
  year: number;
  province: string | null;
  city: string | null;
  note: string | null;
  createdAt: string;
}

export interface DeclarationValues {
  postId: string;
  headcount: number;
  year: number;
  province: string | null;
  city: string | null;
  note: string | null;
}

/** Enterprises' declared demand (post × headcount × year), always read and written per organisation. */
export class DemandDeclarationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(organisationId: string): Promise<DeclarationRow[]> {
    const rows = await this.db
      .selectFrom('demand_declarations as d')
      .innerJoin('organisations as o', 'o.id', 'd.organisation_id')
      .select([
        'd.id',
        'd.organisation_id',
        'o.name_zh',
        'o.name_en',
        'd.post_id',
        'd.headcount',
        'd.year',
        'd.province',
        'd.city',
        'd.note',
        'd.created_at',
      ])
      .where('d.organisation_id', '=', organisationId)
      .orderBy('d.year', 'desc')
      .orderBy('d.created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      organisationId: row.organisation_id,
      organisationName: row.name_zh,
      organisationNameEn: row.name_en,
      postId: row.post_id,
      headcount: row.headcount,
      year: row.year,
      province: row.province,
      city: row.city,
      note: row.note,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }

  async insertMany(
    organisationId: string,
    createdBy: string | null,
    values: readonly DeclarationValues[],
  ): Promise<string[]> {
    if (values.length === 0) return [];
    const rows = await this.db
      .insertInto('demand_declarations')
      .values(
        values.map((value) => ({
          organisation_id: organisationId,
          post_id: value.postId,
          headcount: value.headcount,
          year: value.year,
          province: value.province,
          city: value.city,
          note: value.note,
          created_by: createdBy,
        })),
      )
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** Deletes a declaration of this organisation; false when there is none (or it belongs to another one). */
  async delete(organisationId: string, id: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('demand_declarations')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** Declared headcount per post and year, over every organisation (aggregated: no organisation is named). */
  async summary(
    filter: { post?: string | undefined; province?: string | undefined } = {},
  ): Promise<{ postId: string; year: number; headcount: number; enterprises: number }[]> {
    const rows = await sql<{
      post_id: string;
      year: number;
      headcount: number;
      enterprises: number;
    }>`select post_id, year,
        sum(headcount)::int as headcount, count(distinct organisation_id)::int as enterprises
      from demand_declarations where true
        ${filter.post ? sql`and post_id = ${filter.post}` : sql``}
        ${filter.province ? sql`and province = ${filter.province}` : sql``}
      group by post_id, year order by year, post_id`.execute(this.db);
    return rows.rows.map((row) => ({
      postId: row.post_id,
      year: row.year,
      headcount: row.headcount,
      enterprises: row.enterprises,
    }));
  }
}
