import { sql, type Kysely } from 'kysely';
import type { Role } from '../../core/access/roles.js';
import type { RosterDiff } from '../../core/rosters/diff-roster.js';
import type { LinedRosterRow, RosterField, RosterKind } from '../../core/rosters/roster-row.js';
import type { Database } from '../database-schema.js';
import { lockAggregate } from './aggregate-lock.js';
import { iso, json } from './column-values.js';

/** Rows per statement in bulk writes (15 parameters a row stays far below PostgreSQL's 65,535). */
const CHUNK = 1000;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < items.length; at += size) out.push(items.slice(at, at + size));
  return out;
}

export interface DepartmentRecord {
  id: string;
  parentId: string | null;
  nameZh: string;
  nameEn: string;
  classes: number;
  people: number;
}

export interface ClassRecord {
  id: string;
  name: string;
  specialtyCode: string;
  specialtyName: string;
  cohortYear: number;
  durationYears: number;
  departmentId: string | null;
  departmentName: string | null;
  students: number;
  studentsLeft: number;
}

export interface NewClass {
  name: string;
  specialtyCode: string;
  specialtyName: string;
  cohortYear: number;
  durationYears: number;
  departmentId: string | null;
}

/** A roster entry with its class and department as names (what a file says), and its person. */
export interface RosterEntryRecord {
  personId: string;
  externalId: string;
  kind: RosterKind;
  name: string;
  gender: 'male' | 'female' | null;
  classId: string | null;
  className: string | null;
  specialtyCode: string | null;
  specialtyName: string | null;
  cohortYear: number | null;
  durationYears: number | null;
  departmentId: string | null;
  department: string | null;
  title: string | null;
  doubleQualified: boolean | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'left';
  leftAt: string | null;
  accountDisabled: boolean;
  hasPassword: boolean;
}

/** One entry to write (insert or update by 学号/工号). */
export interface RosterEntryWrite {
  externalId: string;
  kind: RosterKind;
  personId: string;
  name: string;
  gender: 'male' | 'female' | null;
  classId: string | null;
  departmentId: string | null;
  title: string | null;
  doubleQualified: boolean | null;
  phone: string | null;
  email: string | null;
}

export interface RosterEntryFilter {
  kind?: RosterKind | undefined;
  classId?: string | undefined;
  departmentId?: string | undefined;
  cohortYear?: number | undefined;
  status?: 'active' | 'left' | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export interface ClassFilter {
  cohortYear?: number | undefined;
  departmentId?: string | undefined;
  specialtyCode?: string | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export interface RosterImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  left: number;
  returning: number;
  newClasses: number;
  newDepartments: number;
}

export interface RosterImportRecord {
  id: string;
  organisationId: string;
  kind: RosterKind;
  fileName: string;
  status: 'previewed' | 'applied' | 'discarded';
  createdAt: string;
  createdByName: string | null;
  appliedAt: string | null;
  rows: number;
  counts: RosterImportCounts;
  /** The roster's state when previewed: applying refuses when it changed since. */
  fingerprint: string;
}

/** What a preview stores: the diff, its counts and the fingerprint of the roster it was computed against. */
export interface StoredDiff extends RosterDiff {
  counts: RosterImportCounts;
  fingerprint: string;
}

export interface NewRosterImport {
  organisationId: string;
  kind: RosterKind;
  fileName: string;
  createdBy: string | null;
  createdAt: Date;
  diff: StoredDiff;
  fields: readonly RosterField[];
  rows: readonly LinedRosterRow[];
}

/** The holder of a 学号/工号 on the platform, with the organisations they belong to. */
export interface LoginIdHolder {
  personId: string;
  loginId: string;
  organisationIds: string[];
}

/**
 * Rosters (issue 17): departments (二级学院), classes (班级), roster entries by 学号/工号, and the previewed imports.
 * Bulk writes go by chunks of a thousand rows, so a 20,000-student roster is a few dozen statements.
 */
export class RosterRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Serialises the roster writers of one organisation until the transaction ends (call first, inside one). */
  async lock(organisationId: string): Promise<void> {
    await lockAggregate(this.db, 'roster', organisationId);
  }

  // ---- departments ----

  async listDepartments(organisationId: string): Promise<DepartmentRecord[]> {
    const rows = await this.db
      .selectFrom('departments as d')
      .select([
        'd.id',
        'd.parent_id',
        'd.name_zh',
        'd.name_en',
        sql<number>`(select count(*)::int from classes c where c.department_id = d.id)`.as('classes'),
        sql<number>`(select count(*)::int from roster_entries r where r.department_id = d.id and r.status = 'active')`.as(
          'people',
        ),
      ])
      .where('d.organisation_id', '=', organisationId)
      .orderBy('d.name_zh')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      parentId: row.parent_id,
      nameZh: row.name_zh,
      nameEn: row.name_en,
      classes: row.classes,
      people: row.people,
    }));
  }

  async createDepartment(
    organisationId: string,
    department: { nameZh: string; nameEn: string; parentId: string | null },
  ): Promise<string> {
    const row = await this.db
      .insertInto('departments')
      .values({
        organisation_id: organisationId,
        name_zh: department.nameZh,
        name_en: department.nameEn,
        parent_id: department.parentId,
      })
      .onConflict((conflict) => conflict.columns(['organisation_id', 'name_zh']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return row?.id ?? '';
  }

  async updateDepartment(
    organisationId: string,
    departmentId: string,
    patch: { nameZh?: string | undefined; nameEn?: string | undefined; parentId?: string | null | undefined },
  ): Promise<boolean> {
    const values: { name_zh?: string; name_en?: string; parent_id?: string | null } = {};
    if (patch.nameZh !== undefined) values.name_zh = patch.nameZh;
    if (patch.nameEn !== undefined) values.name_en = patch.nameEn;
    if (patch.parentId !== undefined) values.parent_id = patch.parentId;
    if (Object.keys(values).length === 0) return true;
    try {
      const result = await this.db
        .updateTable('departments')
        .set(values)
        .where('organisation_id', '=', organisationId)
        .where('id', '=', departmentId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    } catch (error) {
      if ((error as { code?: string }).code === '23505') return false;
      throw error;
    }
  }

  async deleteDepartment(organisationId: string, departmentId: string): Promise<void> {
    await this.db
      .deleteFrom('departments')
      .where('organisation_id', '=', organisationId)
      .where('id', '=', departmentId)
      .execute();
  }

  /** Departments by Chinese name, created when missing; returns the id of every name (and how many were new). */
  async ensureDepartments(
    organisationId: string,
    names: readonly string[],
  ): Promise<{ ids: Map<string, string>; created: number }> {
    const unique = [...new Set(names)];
    let created = 0;
    for (const part of chunks(unique)) {
      const inserted = await this.db
        .insertInto('departments')
        .values(part.map((name) => ({ organisation_id: organisationId, name_zh: name })))
        .onConflict((conflict) => conflict.columns(['organisation_id', 'name_zh']).doNothing())
        .returning('id')
        .execute();
      created += inserted.length;
    }
    const rows =
      unique.length === 0
        ? []
        : await this.db
            .selectFrom('departments')
            .select(['id', 'name_zh'])
            .where('organisation_id', '=', organisationId)
            .execute();
    return { ids: new Map(rows.map((row) => [row.name_zh, row.id])), created };
  }

  // ---- classes ----

  private selectClasses(organisationId: string) {
    return this.db
      .selectFrom('classes as c')
      .leftJoin('departments as d', 'd.id', 'c.department_id')
      .select([
        'c.id',
        'c.name',
        'c.specialty_code',
        'c.specialty_name',
        'c.cohort_year',
        'c.duration_years',
        'c.department_id',
        'd.name_zh as department_name',
        sql<number>`(select count(*)::int from roster_entries r where r.class_id = c.id and r.status = 'active')`.as(
          'students',
        ),
        sql<number>`(select count(*)::int from roster_entries r where r.class_id = c.id and r.status = 'left')`.as(
          'students_left',
        ),
      ])
      .where('c.organisation_id', '=', organisationId);
  }

  async listClasses(organisationId: string, filter: ClassFilter): Promise<{ items: ClassRecord[]; total: number }> {
    let query = this.selectClasses(organisationId);
    if (filter.cohortYear !== undefined) query = query.where('c.cohort_year', '=', filter.cohortYear);
    if (filter.departmentId !== undefined) query = query.where('c.department_id', '=', filter.departmentId);
    if (filter.specialtyCode !== undefined) query = query.where('c.specialty_code', '=', filter.specialtyCode);
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      query = query.where((eb) => eb.or([eb('c.name', 'ilike', like), eb('c.specialty_name', 'ilike', like)]));
    }
    const [rows, count] = await Promise.all([
      query.orderBy('c.cohort_year', 'desc').orderBy('c.name').limit(filter.limit).offset(filter.offset).execute(),
      query
        .clearSelect()
        .select(sql<number>`count(*)::int`.as('count'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toClassRecord), total: count.count };
  }

  async findClass(organisationId: string, classId: string): Promise<ClassRecord | undefined> {
    const row = await this.selectClasses(organisationId).where('c.id', '=', classId).executeTakeFirst();
    return row ? toClassRecord(row) : undefined;
  }

  /** Classes by name, created or updated to the given specialty, cohort, 学制 and department. */
  async upsertClasses(
    organisationId: string,
    classes: readonly NewClass[],
  ): Promise<{ ids: Map<string, string>; created: number }> {
    const before = await this.db
      .selectFrom('classes')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    const ids = new Map<string, string>();
    for (const part of chunks(classes)) {
      const rows = await this.db
        .insertInto('classes')
        .values(
          part.map((item) => ({
            organisation_id: organisationId,
            name: item.name,
            specialty_code: item.specialtyCode,
            specialty_name: item.specialtyName,
            cohort_year: item.cohortYear,
            duration_years: item.durationYears,
            department_id: item.departmentId,
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['organisation_id', 'name']).doUpdateSet((eb) => ({
            specialty_code: eb.ref('excluded.specialty_code'),
            specialty_name: eb.ref('excluded.specialty_name'),
            cohort_year: eb.ref('excluded.cohort_year'),
            duration_years: eb.ref('excluded.duration_years'),
            department_id: sql<string | null>`coalesce(excluded.department_id, classes.department_id)`,
          })),
        )
        .returning(['id', 'name'])
        .execute();
      for (const row of rows) ids.set(row.name, row.id);
    }
    const after = await this.db
      .selectFrom('classes')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('organisation_id', '=', organisationId)
      .executeTakeFirstOrThrow();
    return { ids, created: after.count - before.count };
  }

  /** The names of the organisation's classes and departments (to count what an import would create). */
  async groupingNames(organisationId: string): Promise<{ classes: Set<string>; departments: Set<string> }> {
    const [classes, departments] = await Promise.all([
      this.db.selectFrom('classes').select('name').where('organisation_id', '=', organisationId).execute(),
      this.db.selectFrom('departments').select('name_zh').where('organisation_id', '=', organisationId).execute(),
    ]);
    return {
      classes: new Set(classes.map((row) => row.name)),
      departments: new Set(departments.map((row) => row.name_zh)),
    };
  }

  /** Cohorts (年级): classes and students per entry year and specialty. */
  async cohorts(organisationId: string): Promise<
    {
      cohortYear: number;
      specialtyCode: string;
      specialtyName: string;
      classes: number;
      students: number;
      studentsLeft: number;
    }[]
  > {
    const rows = await this.db
      .selectFrom('classes as c')
      .select([
        'c.cohort_year',
        'c.specialty_code',
        sql<string>`min(c.specialty_name)`.as('specialty_name'),
        sql<number>`count(*)::int`.as('classes'),
        sql<number>`coalesce(sum((select count(*) from roster_entries r where r.class_id = c.id and r.status = 'active')), 0)::int`.as(
          'students',
        ),
        sql<number>`coalesce(sum((select count(*) from roster_entries r where r.class_id = c.id and r.status = 'left')), 0)::int`.as(
          'students_left',
        ),
      ])
      .where('c.organisation_id', '=', organisationId)
      .groupBy(['c.cohort_year', 'c.specialty_code'])
      .orderBy('c.cohort_year', 'desc')
      .orderBy('c.specialty_code')
      .execute();
    return rows.map((row) => ({
      cohortYear: row.cohort_year,
      specialtyCode: row.specialty_code,
      specialtyName: row.specialty_name,
      classes: row.classes,
      students: row.students,
      studentsLeft: row.students_left,
    }));
  }

  // ---- entries ----

  private selectEntries(organisationId: string) {
    return this.db
      .selectFrom('roster_entries as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .leftJoin('classes as c', 'c.id', 'r.class_id')
      .leftJoin('departments as d', 'd.id', 'r.department_id')
      .select([
        'r.person_id',
        'r.external_id',
        'r.kind',
        'r.name',
        'r.gender',
        'r.class_id',
        'c.name as class_name',
        'c.specialty_code',
        'c.specialty_name',
        'c.cohort_year',
        'c.duration_years',
        'r.department_id',
        'd.name_zh as department_name',
        'r.title',
        'r.double_qualified',
        'r.phone',
        'r.email',
        'r.status',
        'r.left_at',
        sql<boolean>`p.disabled_at is not null`.as('account_disabled'),
        sql<boolean>`p.password_hash is not null`.as('has_password'),
      ])
      .where('r.organisation_id', '=', organisationId);
  }

  /** Every entry of one kind (the diff's "stored" side, the export). */
  async entriesOf(organisationId: string, kind: RosterKind): Promise<RosterEntryRecord[]> {
    const rows = await this.selectEntries(organisationId).where('r.kind', '=', kind).orderBy('r.external_id').execute();
    return rows.map(toEntryRecord);
  }

  async listEntries(
    organisationId: string,
    filter: RosterEntryFilter,
  ): Promise<{ items: RosterEntryRecord[]; total: number }> {
    let query = this.selectEntries(organisationId);
    if (filter.kind) query = query.where('r.kind', '=', filter.kind);
    if (filter.classId) query = query.where('r.class_id', '=', filter.classId);
    if (filter.departmentId) query = query.where('r.department_id', '=', filter.departmentId);
    if (filter.cohortYear !== undefined) query = query.where('c.cohort_year', '=', filter.cohortYear);
    if (filter.status) query = query.where('r.status', '=', filter.status);
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      query = query.where((eb) => eb.or([eb('r.name', 'ilike', like), eb('r.external_id', 'ilike', like)]));
    }
    const [rows, count] = await Promise.all([
      query.orderBy('r.external_id').limit(filter.limit).offset(filter.offset).execute(),
      query
        .clearSelect()
        .select(sql<number>`count(*)::int`.as('count'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toEntryRecord), total: count.count };
  }

  /** The kind each 学号/工号 of the organisation is on the roster as (lower-cased ids). */
  async entryKinds(organisationId: string): Promise<Map<string, RosterKind>> {
    const rows = await this.db
      .selectFrom('roster_entries')
      .select(['external_id', 'kind'])
      .where('organisation_id', '=', organisationId)
      .execute();
    return new Map(rows.map((row) => [row.external_id.toLowerCase(), row.kind]));
  }

  /**
   * The roster's state for one kind, as a short hash of every entry's id, status and last update: a preview
   * remembers it, and an apply refuses when it changed since.
   */
  async fingerprint(organisationId: string, kind: RosterKind): Promise<string> {
    const row = await sql<{ fingerprint: string }>`
      select md5(coalesce(string_agg(
        external_id || ':' || status || ':' || (extract(epoch from updated_at) * 1000000)::bigint::text,
        ',' order by external_id), '')) as fingerprint
      from roster_entries where organisation_id = ${organisationId} and kind = ${kind}`.execute(this.db);
    return row.rows[0]?.fingerprint ?? '';
  }

  /** Inserts or updates entries by 学号/工号 (a returning person becomes active again). */
  async upsertEntries(organisationId: string, entries: readonly RosterEntryWrite[], now: Date): Promise<void> {
    for (const part of chunks(entries)) {
      await this.db
        .insertInto('roster_entries')
        .values(
          part.map((entry) => ({
            organisation_id: organisationId,
            external_id: entry.externalId,
            kind: entry.kind,
            person_id: entry.personId,
            name: entry.name,
            gender: entry.gender,
            class_id: entry.classId,
            department_id: entry.departmentId,
            title: entry.title,
            double_qualified: entry.doubleQualified,
            phone: entry.phone,
            email: entry.email,
            status: 'active' as const,
            left_at: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .onConflict((conflict) =>
          conflict.columns(['organisation_id', 'external_id']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            gender: eb.ref('excluded.gender'),
            class_id: eb.ref('excluded.class_id'),
            department_id: eb.ref('excluded.department_id'),
            title: eb.ref('excluded.title'),
            double_qualified: eb.ref('excluded.double_qualified'),
            phone: eb.ref('excluded.phone'),
            email: eb.ref('excluded.email'),
            status: 'active',
            left_at: null,
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute();
    }
  }

  /** Marks entries as left (graduated, dropped out, left the company); returns how many changed. */
  async markLeft(organisationId: string, kind: RosterKind, externalIds: readonly string[], now: Date): Promise<number> {
    let changed = 0;
    for (const part of chunks(externalIds)) {
      const result = await this.db
        .updateTable('roster_entries')
        .set({ status: 'left', left_at: now, updated_at: now })
        .where('organisation_id', '=', organisationId)
        .where('kind', '=', kind)
        .where('status', '=', 'active')
        .where('external_id', 'in', part)
        .executeTakeFirst();
      changed += Number(result.numUpdatedRows);
    }
    return changed;
  }

  // ---- people behind the entries ----

  /** Who holds each of these 学号/工号 on the platform (compared lower-cased), with their organisations. */
  async loginIdHolders(loginIds: readonly string[]): Promise<LoginIdHolder[]> {
    const holders: LoginIdHolder[] = [];
    for (const part of chunks([...new Set(loginIds.map((id) => id.toLowerCase()))])) {
      const rows = await this.db
        .selectFrom('people as p')
        .select([
          'p.id',
          'p.login_id',
          sql<
            string[]
          >`coalesce(array(select distinct m.organisation_id::text from memberships m where m.person_id = p.id), '{}')`.as(
            'organisation_ids',
          ),
        ])
        .where(sql<string>`lower(p.login_id)`, 'in', part)
        .execute();
      for (const row of rows) {
        holders.push({ personId: row.id, loginId: row.login_id ?? '', organisationIds: row.organisation_ids });
      }
    }
    return holders;
  }

  /** The e-mail addresses among these that a person already has (lower-cased). */
  async emailsTaken(emails: readonly string[]): Promise<Set<string>> {
    const taken = new Set<string>();
    for (const part of chunks([...new Set(emails.map((email) => email.toLowerCase()))])) {
      const rows = await this.db
        .selectFrom('people')
        .select(sql<string>`lower(email)`.as('email'))
        .where(sql<string>`lower(email)`, 'in', part)
        .execute();
      for (const row of rows) taken.add(row.email);
    }
    return taken;
  }

  /**
   * Creates the people of new roster entries: signing in with their 学号/工号, no password yet (activation codes or
   * single sign-on give them one). Returns the new ids by lower-cased login id.
   */
  async createPeople(
    people: readonly { loginId: string; displayName: string; email: string | null }[],
  ): Promise<Map<string, string>> {
    const ids = new Map<string, string>();
    for (const part of chunks(people)) {
      const rows = await this.db
        .insertInto('people')
        .values(
          part.map((person) => ({
            login_id: person.loginId,
            email: person.email,
            display_name: person.displayName,
            password_hash: null,
            locale: 'zh-CN',
          })),
        )
        .returning(['id', 'login_id'])
        .execute();
      for (const row of rows) ids.set((row.login_id ?? '').toLowerCase(), row.id);
    }
    return ids;
  }

  /** Renames people whose roster name changed (the roster is what the college says their name is). */
  async renamePeople(renames: readonly { personId: string; displayName: string }[]): Promise<void> {
    for (const part of chunks(renames)) {
      const values = sql.join(part.map((rename) => sql`(${rename.personId}::uuid, ${rename.displayName})`));
      await sql`update people set display_name = v.name from (values ${values}) as v(id, name) where people.id = v.id`.execute(
        this.db,
      );
    }
  }

  /** Gives a person a login id (a person added by e-mail who is on the roster now). */
  async setLoginId(personId: string, loginId: string): Promise<void> {
    await this.db.updateTable('people').set({ login_id: loginId }).where('id', '=', personId).execute();
  }

  async grantRole(organisationId: string, personIds: readonly string[], role: Role): Promise<void> {
    for (const part of chunks(personIds)) {
      await this.db
        .insertInto('memberships')
        .values(part.map((personId) => ({ person_id: personId, organisation_id: organisationId, role })))
        .onConflict((conflict) => conflict.columns(['person_id', 'organisation_id', 'role']).doNothing())
        .execute();
    }
  }

  // ---- imports ----

  async createImport(value: NewRosterImport): Promise<string> {
    const row = await this.db
      .insertInto('roster_imports')
      .values({
        organisation_id: value.organisationId,
        kind: value.kind,
        file_name: value.fileName,
        status: 'previewed',
        diff: JSON.stringify(value.diff),
        rows: JSON.stringify({ fields: value.fields, rows: value.rows }),
        created_by: value.createdBy,
        created_at: value.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  private selectImports() {
    return this.db
      .selectFrom('roster_imports as i')
      .leftJoin('people as p', 'p.id', 'i.created_by')
      .select([
        'i.id',
        'i.organisation_id',
        'i.kind',
        'i.file_name',
        'i.status',
        'i.created_at',
        'i.applied_at',
        'p.display_name as created_by_name',
        sql<unknown>`i.diff -> 'counts'`.as('counts'),
        sql<string>`i.diff ->> 'fingerprint'`.as('fingerprint'),
        sql<number>`jsonb_array_length(i.rows -> 'rows')`.as('row_count'),
      ]);
  }

  async findImport(organisationId: string, importId: string): Promise<RosterImportRecord | undefined> {
    const row = await this.selectImports()
      .where('i.organisation_id', '=', organisationId)
      .where('i.id', '=', importId)
      .executeTakeFirst();
    return row ? toImportRecord(row) : undefined;
  }

  async listImports(
    organisationId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: RosterImportRecord[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.selectImports()
        .where('i.organisation_id', '=', organisationId)
        .orderBy('i.created_at', 'desc')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      this.db
        .selectFrom('roster_imports')
        .select(sql<number>`count(*)::int`.as('count'))
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toImportRecord), total: count.count };
  }

  /** The rows a preview stored, with the columns the file had. */
  async importRows(importId: string): Promise<{ fields: RosterField[]; rows: LinedRosterRow[] }> {
    const row = await this.db
      .selectFrom('roster_imports')
      .select('rows')
      .where('id', '=', importId)
      .executeTakeFirstOrThrow();
    return json(row.rows);
  }

  /** One section of a preview's diff, paged in the database (a 20,000-line section is not read whole). */
  async importSection(
    importId: string,
    section: 'new' | 'changed' | 'left' | 'returning',
    page: { limit: number; offset: number },
  ): Promise<{ items: unknown[]; total: number }> {
    const result = await sql<{ total: number; items: unknown }>`
      select jsonb_array_length(diff -> ${section})::int as total,
        coalesce((select jsonb_agg(item order by position) from (
          select item, position from jsonb_array_elements(diff -> ${section}) with ordinality as e(item, position)
          order by position limit ${page.limit} offset ${page.offset}) as chosen), '[]'::jsonb) as items
      from roster_imports where id = ${importId}`.execute(this.db);
    const row = result.rows[0];
    return { items: row ? json<unknown[]>(row.items) : [], total: row?.total ?? 0 };
  }

  /** Closes a previewed import (applied or discarded); false when it was not open any more. */
  async closeImport(importId: string, status: 'applied' | 'discarded', now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('roster_imports')
      .set({ status, applied_at: status === 'applied' ? now : null })
      .where('id', '=', importId)
      .where('status', '=', 'previewed')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }
}

function toClassRecord(row: {
  id: string;
  name: string;
  specialty_code: string;
  specialty_name: string;
  cohort_year: number;
  duration_years: number;
  department_id: string | null;
  department_name: string | null;
  students: number;
  students_left: number;
}): ClassRecord {
  return {
    id: row.id,
    name: row.name,
    specialtyCode: row.specialty_code,
    specialtyName: row.specialty_name,
    cohortYear: row.cohort_year,
    durationYears: row.duration_years,
    departmentId: row.department_id,
    departmentName: row.department_name,
    students: row.students,
    studentsLeft: row.students_left,
  };
}

function toEntryRecord(row: {
  person_id: string;
  external_id: string;
  kind: RosterKind;
  name: string;
  gender: 'male' | 'female' | null;
  class_id: string | null;
  class_name: string | null;
  specialty_code: string | null;
  specialty_name: string | null;
  cohort_year: number | null;
  duration_years: number | null;
  department_id: string | null;
  department_name: string | null;
  title: string | null;
  double_qualified: boolean | null;
  phone: string | null;
  email: string | null;
  status: 'active' | 'left';
  left_at: Date | null;
  account_disabled: boolean;
  has_password: boolean;
}): RosterEntryRecord {
  return {
    personId: row.person_id,
    externalId: row.external_id,
    kind: row.kind,
    name: row.name,
    gender: row.gender,
    classId: row.class_id,
    className: row.class_name,
    specialtyCode: row.specialty_code,
    specialtyName: row.specialty_name,
    cohortYear: row.cohort_year,
    durationYears: row.duration_years,
    departmentId: row.department_id,
    department: row.department_name,
    title: row.title,
    doubleQualified: row.double_qualified,
    phone: row.phone,
    email: row.email,
    status: row.status,
    leftAt: iso(row.left_at),
    accountDisabled: row.account_disabled,
    hasPassword: row.has_password,
  };
}

function toImportRecord(row: {
  id: string;
  organisation_id: string;
  kind: RosterKind;
  file_name: string;
  status: 'previewed' | 'applied' | 'discarded';
  created_at: Date;
  applied_at: Date | null;
  created_by_name: string | null;
  counts: unknown;
  fingerprint: string;
  row_count: number;
}): RosterImportRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    kind: row.kind,
    fileName: row.file_name,
    status: row.status,
    createdAt: iso(row.created_at)!,
    createdByName: row.created_by_name,
    appliedAt: iso(row.applied_at),
    rows: Number(row.row_count),
    counts: json(row.counts),
    fingerprint: row.fingerprint,
  };
}
