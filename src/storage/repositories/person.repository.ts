import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';
import type { SessionCache } from '../session-cache.js';

export type Locale = 'zh-CN' | 'en';

export interface PersonRecord {
  id: string;
  /** Null for accounts that sign in with their 学号/工号 only (`loginId`). */
  email: string | null;
  /** 学号 / 工号: unique on the platform, case-insensitive; null for people added by e-mail. */
  loginId: string | null;
  displayName: string;
  passwordHash: string | null;
  locale: Locale;
  isDemo: boolean;
  disabled: boolean;
  /** A password someone else set (an import, a reset): changed before anything else at the next sign-in. */
  mustChangePassword: boolean;
  createdAt: string;
}

export interface NewPerson {
  email: string | null;
  loginId?: string | null;
  displayName: string;
  passwordHash: string | null;
  locale?: Locale;
  isDemo?: boolean;
  mustChangePassword?: boolean;
}

export class PersonRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cache: SessionCache | null = null,
  ) {}

  async create(person: NewPerson, now: Date): Promise<PersonRecord> {
    const row = await this.db
      .insertInto('people')
      .values({
        email: person.email?.trim() ?? null,
        login_id: person.loginId?.trim() ?? null,
        must_change_password: person.mustChangePassword ?? false,
        display_name: person.displayName,
        password_hash: person.passwordHash,
        locale: person.locale ?? 'zh-CN',
        is_demo: person.isDemo ?? false,
        password_changed_at: person.passwordHash ? now : null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPersonRecord(row);
  }

  async findById(id: string): Promise<PersonRecord | undefined> {
    const row = await this.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPersonRecord(row) : undefined;
  }

  async findByEmail(email: string): Promise<PersonRecord | undefined> {
    const row = await this.db
      .selectFrom('people')
      .selectAll()
      .where(sql<string>`lower(email)`, '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row ? toPersonRecord(row) : undefined;
  }

  async updatePasswordHash(id: string, passwordHash: string, now: Date): Promise<void> {
    await this.db
      .updateTable('people')
      .set({ password_hash: passwordHash, password_changed_at: now })
      .where('id', '=', id)
      .execute();
    this.cache?.forgetPerson(id);
  }

  async updateLocale(id: string, locale: Locale): Promise<void> {
    await this.db.updateTable('people').set({ locale }).where('id', '=', id).execute();
    this.cache?.forgetPerson(id);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('people')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    return row.count;
  }

  async countPlatformAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select(sql<number>`count(distinct person_id)::int`.as('count'))
      .where('role', '=', 'platform_admin')
      .executeTakeFirstOrThrow();
    return row.count;
  }
}

export function toPersonRecord(row: {
  id: string;
  email: string | null;
  login_id: string | null;
  must_change_password: boolean;
  display_name: string;
  password_hash: string | null;
  locale: string;
  is_demo: boolean;
  disabled_at: Date | null;
  created_at: Date;
}): PersonRecord {
  return {
    id: row.id,
    email: row.email,
    loginId: row.login_id,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    locale: row.locale === 'en' ? 'en' : 'zh-CN',
    isDemo: row.is_demo,
    disabled: row.disabled_at !== null,
    mustChangePassword: row.must_change_password,
    createdAt: row.created_at.toISOString(),
  };
}
