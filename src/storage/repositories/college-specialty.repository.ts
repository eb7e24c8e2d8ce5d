import type { Kysely, Selectable } from 'kysely';
import type { CollegeSpecialtiesTable, Database } from '../database-schema.js';

/** A specialty a college runs: its catalogue code, the curated posts it serves and its strength figures. */
export interface CollegeSpecialtyRecord {
  organisationId: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  posts: string[];
  enrolment: number | null;
  employmentRate: number | null;
  employerRating: number | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface CollegeSpecialtyValues {
  nameZh: string;
  nameEn: string | null;
  posts: string[];
  enrolment: number | null;
  employmentRate: number | null;
  employerRating: number | null;
}

/** A college's specialties, always read and written per organisation. */
export class CollegeSpecialtyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(organisationId: string): Promise<CollegeSpecialtyRecord[]> {
    const rows = await this.db
      .selectFrom('college_specialties')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('code')
      .execute();
    return rows.map(toRecord);
  }

  async find(organisationId: string, code: string): Promise<CollegeSpecialtyRecord | null> {
    const row = await this.db
      .selectFrom('college_specialties')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .where('code', '=', code)
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Creates the specialty or replaces everything about it. */
  async upsert(
    organisationId: string,
    code: string,
    values: CollegeSpecialtyValues,
    updatedBy: string | null,
    now: Date,
  ): Promise<CollegeSpecialtyRecord> {
    const columns = {
      name_zh: values.nameZh,
      name_en: values.nameEn,
      posts: values.posts,
      enrolment: values.enrolment,
      employment_rate: values.employmentRate,
      employer_rating: values.employerRating,
      updated_at: now,
      updated_by: updatedBy,
    };
    const row = await this.db
      .insertInto('college_specialties')
      .values({ organisation_id: organisationId, code, ...columns })
      .onConflict((conflict) => conflict.columns(['organisation_id', 'code']).doUpdateSet(columns))
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  /** False when the college has no specialty with this code. */
  async delete(organisationId: string, code: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('college_specialties')
      .where('organisation_id', '=', organisationId)
      .where('code', '=', code)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}

function toRecord(row: Selectable<CollegeSpecialtiesTable>): CollegeSpecialtyRecord {
  return {
    organisationId: row.organisation_id,
    code: row.code,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    posts: row.posts,
    enrolment: row.enrolment,
    employmentRate: row.employment_rate === null ? null : Number(row.employment_rate),
    employerRating: row.employer_rating === null ? null : Number(row.employer_rating),
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by,
  };
}
