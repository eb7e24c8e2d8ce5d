import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';
import { groupMemberships, type MembershipRow, type PersonMembership } from './membership.repository.js';
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
  /** How the session was opened: password, cas, oidc… (null when unknown). */
  method?: string | null;
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
        method: session.method ?? null,
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
          select json_agg(json_build_object('id', o.id, 'name_zh', o.name_zh, 'name_en', o.name_en, 'kind', o.kind, 'role', m.role)
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
