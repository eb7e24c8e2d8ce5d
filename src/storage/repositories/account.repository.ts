import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';
import type { SessionCache } from '../session-cache.js';
import { toPersonRecord, type PersonRecord } from './person.repository.js';

/** A person's account as an organisation admin sees it in their organisation. */
export interface AccountRecord {
  personId: string;
  displayName: string;
  email: string | null;
  loginId: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  hasPassword: boolean;
  /** The roster entry of this organisation says the person left. */
  left: boolean;
  /** Whether the person has a roster entry in this organisation at all. */
  onRoster: boolean;
  /** Other organisations the person belongs to (a membership or a roster entry there). */
  otherOrganisations: number;
  activeSessions: number;
  lastSignInAt: string | null;
}

/** A student of a class, as the activation-code sheet lists them. */
export interface ClassStudent {
  personId: string;
  externalId: string;
  name: string;
  hasPassword: boolean;
  otherOrganisations: number;
}

/**
 * Accounts over their life (issue 17): reads across people, memberships, roster entries and sessions, and the
 * writes that change an account's state. Every write that changes what a resolved session holds (disabled, the
 * password, alumni state) forgets the person's cached sessions at once.
 */
export class AccountRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cache: SessionCache | null = null,
  ) {}

  /**
   * The account of a person who belongs to the organisation (a membership or a roster entry there); undefined
   * otherwise, so an admin of another organisation learns nothing about them.
   */
  async findInOrganisation(organisationId: string, personId: string, now: Date): Promise<AccountRecord | undefined> {
    const row = await this.db
      .selectFrom('people as p')
      .leftJoin('roster_entries as r', (join) =>
        join.onRef('r.person_id', '=', 'p.id').on('r.organisation_id', '=', organisationId),
      )
      .select([
        'p.id',
        'p.display_name',
        'p.email',
        'p.login_id',
        'p.disabled_at',
        'p.must_change_password',
        sql<boolean>`p.password_hash is not null`.as('has_password'),
        'r.status',
        sql<boolean>`exists (select 1 from memberships m where m.person_id = p.id and m.organisation_id = ${organisationId})`.as(
          'is_member',
        ),
        sql<number>`(select count(*)::int from (
          select m.organisation_id from memberships m where m.person_id = p.id and m.organisation_id <> ${organisationId}
          union
          select e.organisation_id from roster_entries e where e.person_id = p.id and e.organisation_id <> ${organisationId}
        ) others)`.as('other_organisations'),
        sql<number>`(select count(*)::int from sessions s where s.person_id = p.id and s.expires_at > ${now})`.as(
          'active_sessions',
        ),
        sql<Date | null>`(select max(a.occurred_at) from audit_events a
          where a.actor_person_id = p.id and a.action = 'login.succeeded')`.as('last_sign_in_at'),
      ])
      .where('p.id', '=', personId)
      .executeTakeFirst();
    if (!row || (!row.is_member && row.status === null)) return undefined;
    return {
      personId: row.id,
      displayName: row.display_name,
      email: row.email,
      loginId: row.login_id,
      disabled: row.disabled_at !== null,
      mustChangePassword: row.must_change_password,
      hasPassword: row.has_password,
      left: row.status === 'left',
      onRoster: row.status !== null,
      otherOrganisations: row.other_organisations,
      activeSessions: row.active_sessions,
      lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
    };
  }

  /** The person who signs in with this name: an e-mail (it has an @) or a 学号/工号, case-insensitive. */
  async findPersonByLogin(login: string): Promise<PersonRecord | undefined> {
    const name = login.trim().toLowerCase();
    if (!name) return undefined;
    const column = name.includes('@') ? sql<string>`lower(email)` : sql<string>`lower(login_id)`;
    const row = await this.db.selectFrom('people').selectAll().where(column, '=', name).executeTakeFirst();
    return row ? toPersonRecord(row) : undefined;
  }

  /** Disables (a date) or re-enables (null) a person's account on the whole platform. */
  async setDisabled(personId: string, disabledAt: Date | null): Promise<void> {
    await this.db.updateTable('people').set({ disabled_at: disabledAt }).where('id', '=', personId).execute();
    this.cache?.forgetPerson(personId);
  }

  /** Marks the roster entry left (a date) or active again (null); false when there is no entry to mark. */
  async setLeft(organisationId: string, personId: string, leftAt: Date | null, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('roster_entries')
      .set({ status: leftAt ? 'left' : 'active', left_at: leftAt, updated_at: now })
      .where('organisation_id', '=', organisationId)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    this.cache?.forgetPerson(personId);
    return Number(result.numUpdatedRows) > 0;
  }

  /** Sets the password hash and whether it must be changed at the next sign-in. */
  async setPassword(personId: string, passwordHash: string, mustChange: boolean, now: Date): Promise<void> {
    await this.db
      .updateTable('people')
      .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: mustChange })
      .where('id', '=', personId)
      .execute();
    this.cache?.forgetPerson(personId);
  }

  /** A class of the organisation (undefined for another organisation's class). */
  async findClass(organisationId: string, classId: string): Promise<{ id: string; name: string } | undefined> {
    return this.db
      .selectFrom('classes')
      .select(['id', 'name'])
      .where('id', '=', classId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
  }

  /** The students of a class still on the roster (not left), by 学号. */
  async listClassStudents(organisationId: string, classId: string): Promise<ClassStudent[]> {
    const rows = await this.db
      .selectFrom('roster_entries as r')
      .innerJoin('people as p', 'p.id', 'r.person_id')
      .select([
        'r.person_id',
        'r.external_id',
        'r.name',
        sql<boolean>`p.password_hash is not null`.as('has_password'),
        sql<number>`(select count(*)::int from (
          select m.organisation_id from memberships m where m.person_id = p.id and m.organisation_id <> ${organisationId}
          union
          select e.organisation_id from roster_entries e where e.person_id = p.id and e.organisation_id <> ${organisationId}
        ) others)`.as('other_organisations'),
      ])
      .where('r.organisation_id', '=', organisationId)
      .where('r.class_id', '=', classId)
      .where('r.kind', '=', 'student')
      .where('r.status', '=', 'active')
      .where('p.disabled_at', 'is', null)
      .orderBy('r.external_id')
      .execute();
    return rows.map((row) => ({
      personId: row.person_id,
      externalId: row.external_id,
      name: row.name,
      hasPassword: row.has_password,
      otherOrganisations: row.other_organisations,
    }));
  }

  /** What a person's password and timestamps look like (for their own data view). */
  async personDetails(personId: string): Promise<{ passwordChangedAt: string | null } | undefined> {
    const row = await this.db
      .selectFrom('people')
      .select('password_changed_at')
      .where('id', '=', personId)
      .executeTakeFirst();
    return row ? { passwordChangedAt: row.password_changed_at?.toISOString() ?? null } : undefined;
  }

  /** Every roster entry of a person, in every organisation, with what it records. */
  async rosterEntriesOf(personId: string) {
    const rows = await this.db
      .selectFrom('roster_entries as r')
      .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
      .leftJoin('classes as c', 'c.id', 'r.class_id')
      .leftJoin('departments as d', 'd.id', 'r.department_id')
      .select([
        'r.organisation_id',
        'o.name_zh',
        'o.name_en',
        'r.kind',
        'r.external_id',
        'r.name',
        'r.gender',
        'c.name as class_name',
        'd.name_zh as department_name',
        'r.title',
        'r.double_qualified',
        'r.phone',
        'r.email',
        'r.status',
        'r.left_at',
      ])
      .where('r.person_id', '=', personId)
      .orderBy('o.name_zh')
      .execute();
    return rows.map((row) => ({
      organisationId: row.organisation_id,
      organisationNameZh: row.name_zh,
      organisationNameEn: row.name_en,
      kind: row.kind,
      externalId: row.external_id,
      status: row.status,
      fields: {
        name: row.name,
        gender: row.gender,
        class: row.class_name,
        department: row.department_name,
        title: row.title,
        doubleQualified: row.double_qualified === null ? null : String(row.double_qualified),
        phone: row.phone,
        email: row.email,
        leftAt: row.left_at?.toISOString() ?? null,
      },
    }));
  }

  /** The newest audit events the person caused or that name them (`details.personId`). */
  async auditEventsOf(personId: string, limit: number) {
    const rows = await this.db
      .selectFrom('audit_events')
      .select(['occurred_at', 'action', 'organisation_id'])
      .where((where) =>
        where.or([where('actor_person_id', '=', personId), where(sql<string>`details->>'personId'`, '=', personId)]),
      )
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((row) => ({
      occurredAt: row.occurred_at.toISOString(),
      action: row.action,
      organisationId: row.organisation_id,
    }));
  }
}
