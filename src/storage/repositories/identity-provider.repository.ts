import { sql, type Kysely } from 'kysely';
import type { Database } from '../database-schema.js';

/** The stored configuration of an organisation's identity provider, the OIDC client secret included. */
export type StoredIdentityProviderConfig =
  | { protocol: 'cas'; serverUrl: string; version: '2.0' | '3.0'; attribute: string | null }
  | { protocol: 'oidc'; issuer: string; clientId: string; clientSecret: string | null; scopes: string; claim: string };

export interface IdentityProviderRecord {
  organisationId: string;
  displayName: string;
  matchBy: 'login_id' | 'email';
  enabled: boolean;
  config: StoredIdentityProviderConfig;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface EnabledIdentityProvider {
  organisationId: string;
  organisationNameZh: string;
  organisationNameEn: string;
  displayName: string;
  protocol: 'cas' | 'oidc';
}

export interface SsoAttemptRecord {
  state: string;
  organisationId: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  testOnly: boolean;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/** The person an identity provider's identifier names, and whether they belong to the provider's organisation. */
export interface SsoPersonMatch {
  personId: string;
  displayName: string;
  disabled: boolean;
  isMember: boolean;
}

/** Identity providers (one per organisation), sign-in attempts (single use) and the CAS tickets already used. */
export class IdentityProviderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(organisationId: string): Promise<IdentityProviderRecord | undefined> {
    const row = await this.db
      .selectFrom('identity_providers')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      organisationId: row.organisation_id,
      displayName: row.display_name,
      matchBy: row.match_by,
      enabled: row.enabled,
      config: row.config as StoredIdentityProviderConfig,
      updatedBy: row.updated_by,
      updatedAt: row.updated_at,
    };
  }

  /** Creates or replaces the organisation's identity provider. */
  async save(provider: IdentityProviderRecord): Promise<void> {
    const values = {
      organisation_id: provider.organisationId,
      protocol: provider.config.protocol,
      display_name: provider.displayName,
      config: JSON.stringify(provider.config),
      match_by: provider.matchBy,
      enabled: provider.enabled,
      updated_by: provider.updatedBy,
      updated_at: provider.updatedAt,
    };
    await this.db
      .insertInto('identity_providers')
      .values(values)
      .onConflict((conflict) =>
        conflict.column('organisation_id').doUpdateSet({
          protocol: values.protocol,
          display_name: values.display_name,
          config: values.config,
          match_by: values.match_by,
          enabled: values.enabled,
          updated_by: values.updated_by,
          updated_at: values.updated_at,
        }),
      )
      .execute();
  }

  /** Removes the organisation's identity provider and its open sign-in attempts; false when there was none. */
  async delete(organisationId: string): Promise<boolean> {
    await this.db.deleteFrom('sso_attempts').where('organisation_id', '=', organisationId).execute();
    const result = await this.db
      .deleteFrom('identity_providers')
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  /** The switched-on identity providers with their organisations' names, for the sign-in page. */
  async listEnabled(): Promise<EnabledIdentityProvider[]> {
    const rows = await this.db
      .selectFrom('identity_providers as i')
      .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
      .select(['i.organisation_id', 'i.display_name', 'i.protocol', 'o.name_zh', 'o.name_en'])
      .where('i.enabled', '=', true)
      .orderBy('o.name_zh')
      .orderBy('i.organisation_id')
      .execute();
    return rows.map((row) => ({
      organisationId: row.organisation_id,
      organisationNameZh: row.name_zh,
      organisationNameEn: row.name_en,
      displayName: row.display_name,
      protocol: row.protocol,
    }));
  }

  async createAttempt(attempt: Omit<SsoAttemptRecord, 'usedAt'>): Promise<void> {
    await this.db
      .insertInto('sso_attempts')
      .values({
        state: attempt.state,
        organisation_id: attempt.organisationId,
        nonce: attempt.nonce,
        code_verifier: attempt.codeVerifier,
        return_to: attempt.returnTo,
        test_only: attempt.testOnly,
        created_at: attempt.createdAt,
        expires_at: attempt.expiresAt,
      })
      .execute();
  }

  /**
   * Marks the attempt used and returns it — once: a second call (a replayed answer, two tabs racing) finds it used.
   * `found` tells an unknown state from one used before.
   */
  async consumeAttempt(
    state: string,
    organisationId: string,
    now: Date,
  ): Promise<{ outcome: 'consumed'; attempt: SsoAttemptRecord } | { outcome: 'unknown' | 'used' }> {
    const row = await this.db
      .updateTable('sso_attempts')
      .set({ used_at: now })
      .where('state', '=', state)
      .where('organisation_id', '=', organisationId)
      .where('used_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (row) {
      return {
        outcome: 'consumed',
        attempt: {
          state: row.state,
          organisationId: row.organisation_id,
          nonce: row.nonce,
          codeVerifier: row.code_verifier,
          returnTo: row.return_to,
          testOnly: row.test_only,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          usedAt: row.used_at,
        },
      };
    }
    const existing = await this.db
      .selectFrom('sso_attempts')
      .select('state')
      .where('state', '=', state)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    return { outcome: existing ? 'used' : 'unknown' };
  }

  /** Forgets attempts and used tickets older than `before` (the attempts' lifetime is far shorter). */
  async deleteOlderThan(before: Date): Promise<number> {
    const attempts = await this.db.deleteFrom('sso_attempts').where('created_at', '<', before).executeTakeFirst();
    await this.db.deleteFrom('sso_used_tickets').where('used_at', '<', before).execute();
    return Number(attempts.numDeletedRows);
  }

  /** Remembers a CAS ticket as used; false when it was used before (a replay). */
  async recordTicket(ticketHash: string, organisationId: string, now: Date): Promise<boolean> {
    const row = await this.db
      .insertInto('sso_used_tickets')
      .values({ ticket_hash: ticketHash, organisation_id: organisationId, used_at: now })
      .onConflict((conflict) => conflict.column('ticket_hash').doNothing())
      .returning('ticket_hash')
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The person whose 学号/工号 (`login_id`, case-insensitive) or e-mail is `identifier`, whether they hold a role in
   * the organisation, and whether the account is disabled.
   */
  async findPerson(
    organisationId: string,
    matchBy: 'login_id' | 'email',
    identifier: string,
  ): Promise<SsoPersonMatch | undefined> {
    const column = matchBy === 'login_id' ? sql<string>`lower(p.login_id)` : sql<string>`lower(p.email)`;
    const row = await this.db
      .selectFrom('people as p')
      .select([
        'p.id',
        'p.display_name',
        'p.disabled_at',
        sql<boolean>`exists (select 1 from memberships m where m.person_id = p.id and m.organisation_id = ${organisationId})`.as(
          'is_member',
        ),
      ])
      .where(column, '=', identifier.trim().toLowerCase())
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      personId: row.id,
      displayName: row.display_name,
      disabled: row.disabled_at !== null,
      isMember: row.is_member,
    };
  }
}
