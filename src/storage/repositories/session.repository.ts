import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';
import { groupMemberships, leftSql, type MembershipRow, type PersonMembership } from './membership.repository.js';
import { toPersonRecord, type PersonRecord } from './person.repository.js';
import type { SessionCache } from '../session-cache.js';

export interface SessionRecord {
  tokenHash: string;
  personId: string;
  csrfToken: string;
  activeOrganisationId: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface NewSession extends SessionRecord {
  ip: string | null;
  userAgent: string | null;
  /** How the person proved who they are: password, reset_code (later cas, oidc). */
  method: SignInMethod;
}

export type SignInMethod = 'password' | 'reset_code' | 'cas' | 'oidc';

/** A session as its owner sees it in their list: never the token hash. */
export interface SessionListEntry {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
  method: string | null;
}

export class SessionRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cache: SessionCache | null = null,
  ) {}

  async create(session: NewSession): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        token_hash: session.tokenHash,
        person_id: session.personId,
        csrf_token: session.csrfToken,
        active_organisation_id: session.activeOrganisationId,
        created_at: session.createdAt,
        last_seen_at: session.lastSeenAt,
        expires_at: session.expiresAt,
        ip: session.ip,
        user_agent: session.userAgent?.slice(0, 512) ?? null,
        method: session.method,
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    if (!row) return undefined;
    return {
      tokenHash: row.token_hash,
      personId: row.person_id,
      csrfToken: row.csrf_token,
      activeOrganisationId: row.active_organisation_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
    };
  }

  /**
   * The session with its person and the person's memberships, in one round trip: this runs on every
   * authenticated request.
   */
  async findWithPerson(
    tokenHash: string,
  ): Promise<{ session: SessionRecord; person: PersonRecord; memberships: PersonMembership[] } | undefined> {
    const cached = this.cache?.get(tokenHash);
    // A copy, so that callers adjusting the session (touch, active organisation) never edit the cache.
    if (cached) return { ...cached, session: { ...cached.session } };
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select([
        's.token_hash',
        's.person_id',
        's.csrf_token',
        's.active_organisation_id',
        's.created_at as session_created_at',
        's.last_seen_at',
        's.expires_at',
        'p.id',
        'p.email',
        'p.login_id',
        'p.must_change_password',
        'p.display_name',
        'p.password_hash',
        'p.locale',
        'p.is_demo',
        'p.disabled_at',
        'p.created_at',
        sql<MembershipRow[] | null>`(
          select json_agg(json_build_object('id', o.id, 'name_zh', o.name_zh, 'name_en', o.name_en, 'kind', o.kind, 'role', m.role,
                                            'left', ${leftSql})
                          order by o.kind = 'committee', o.kind, o.name_zh, m.role)
          from memberships m join organisations o on o.id = m.organisation_id
          where m.person_id = p.id)`.as('memberships'),
      ])
      .where('s.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!row) return undefined;
    const found = {
      session: {
        tokenHash: row.token_hash,
        personId: row.person_id,
        csrfToken: row.csrf_token,
        activeOrganisationId: row.active_organisation_id,
        createdAt: row.session_created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
      },
      person: toPersonRecord(row),
      memberships: groupMemberships(row.memberships ?? []),
    };
    this.cache?.set(tokenHash, { ...found, session: { ...found.session } });
    return found;
  }

  async touch(tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
    this.cache?.forgetToken(tokenHash);
  }

  async setActiveOrganisation(tokenHash: string, organisationId: string | null): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ active_organisation_id: organisationId })
      .where('token_hash', '=', tokenHash)
      .execute();
    this.cache?.forgetToken(tokenHash);
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    this.cache?.forgetToken(tokenHash);
  }

  /** Ends every session of a person except the one given (after a password change). */
  async deleteForPerson(personId: string, exceptTokenHash?: string): Promise<number> {
    let query = this.db.deleteFrom('sessions').where('person_id', '=', personId);
    if (exceptTokenHash) query = query.where('token_hash', '<>', exceptTokenHash);
    const result = await query.executeTakeFirst();
    this.cache?.forgetPerson(personId);
    return Number(result.numDeletedRows);
  }

  /** The person's live sessions, newest first, the one with `currentTokenHash` flagged. */
  async listForPerson(personId: string, currentTokenHash: string | null, now: Date): Promise<SessionListEntry[]> {
    const rows = await this.db
      .selectFrom('sessions')
      .select([
        'id',
        'created_at',
        'last_seen_at',
        'expires_at',
        'ip',
        'user_agent',
        'method',
        sql<boolean>`token_hash = ${currentTokenHash ?? ''}`.as('current'),
      ])
      .where('person_id', '=', personId)
      .where('expires_at', '>', now)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      createdAt: row.created_at.toISOString(),
      lastSeenAt: row.last_seen_at.toISOString(),
      expiresAt: row.expires_at.toISOString(),
      ip: row.ip,
      userAgent: row.user_agent,
      current: row.current,
      method: row.method,
    }));
  }

  /** Live sessions of a person. */
  async countForPerson(personId: string, now: Date): Promise<number> {
    const row = await this.db
      .selectFrom('sessions')
      .select(sql<number>`count(*)::int`.as('count'))
      .where('person_id', '=', personId)
      .where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    return row.count;
  }

  /** Ends one session by its id, only if it is the person's; false when there is none such (another's is none). */
  async deleteByIdForPerson(id: string, personId: string): Promise<boolean> {
    const row = await this.db
      .deleteFrom('sessions')
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .returning('token_hash')
      .executeTakeFirst();
    if (row) this.cache?.forgetToken(row.token_hash);
    return row !== undefined;
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    this.cache?.clear();
    return Number(result.numDeletedRows);
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('sessions')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    return row.count;
  }
}
