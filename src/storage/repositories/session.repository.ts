import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';

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
}

export class SessionRepository {
  constructor(private readonly db: Kysely<Database>) {}

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

  async touch(tokenHash: string, lastSeenAt: Date, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async setActiveOrganisation(tokenHash: string, organisationId: string | null): Promise<void> {
    await this.db
      .updateTable('sessions')
      .set({ active_organisation_id: organisationId })
      .where('token_hash', '=', tokenHash)
      .execute();
  }

  async delete(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
  }

  /** Ends every session of a person except the one given (after a password change). */
  async deleteForPerson(personId: string, exceptTokenHash?: string): Promise<number> {
    let query = this.db.deleteFrom('sessions').where('person_id', '=', personId);
    if (exceptTokenHash) query = query.where('token_hash', '<>', exceptTokenHash);
    const result = await query.executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async deleteExpired(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('sessions').select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow();
    return row.count;
  }
}
