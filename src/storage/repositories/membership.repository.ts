import { sql, type Kysely } from 'kysely';
import type { OrganisationKind, Role } from '../../core/access/roles.js';
import type { Database } from '../database-schema.js';
import type { SessionCache } from '../session-cache.js';

/** One person's roles in one organisation, with the organisation's names. */
export interface PersonMembership {
  organisationId: string;
  organisationNameZh: string;
  organisationNameEn: string;
  organisationKind: OrganisationKind;
  roles: Role[];
  /** Left this organisation (its roster says so): alumni read there and do not write. */
  left: boolean;
}

export interface MemberRecord {
  personId: string;
  email: string | null;
  loginId: string | null;
  displayName: string;
  roles: Role[];
  isDemo: boolean;
  joinedAt: string;
}

export interface MemberFilter {
  role?: Role | undefined;
  search?: string | undefined;
  limit: number;
  offset: number;
}

export class MembershipRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cache: SessionCache | null = null,
  ) {}

  /** Grants roles; a role already held is left as it is. */
  async grant(personId: string, organisationId: string, roles: readonly Role[]): Promise<void> {
    if (roles.length === 0) return;
    await this.db
      .insertInto('memberships')
      .values(roles.map((role) => ({ person_id: personId, organisation_id: organisationId, role })))
      .onConflict((conflict) => conflict.columns(['person_id', 'organisation_id', 'role']).doNothing())
      .execute();
    this.cache?.forgetPerson(personId);
  }

  /** The roles a person holds in one organisation (empty when not a member). */
  async rolesOf(personId: string, organisationId: string): Promise<Role[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('person_id', '=', personId)
      .where('organisation_id', '=', organisationId)
      .orderBy('role')
      .execute();
    return rows.map((row) => row.role as Role);
  }

  /** Takes away some roles of a person in one organisation. */
  async revoke(personId: string, organisationId: string, roles: readonly Role[]): Promise<void> {
    if (roles.length === 0) return;
    await this.db
      .deleteFrom('memberships')
      .where('person_id', '=', personId)
      .where('organisation_id', '=', organisationId)
      .where('role', 'in', [...roles])
      .execute();
    this.cache?.forgetPerson(personId);
  }

  /** Removes every role the person holds in the organisation; returns how many were removed. */
  async revokeAll(personId: string, organisationId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('memberships')
      .where('person_id', '=', personId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
    this.cache?.forgetPerson(personId);
    return Number(result.numDeletedRows);
  }

  async listForPerson(personId: string): Promise<PersonMembership[]> {
    const rows = await this.db
      .selectFrom('memberships as m')
      .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
      .select(['o.id', 'o.name_zh', 'o.name_en', 'o.kind', 'm.role', leftSql.as('left')])
      .where('m.person_id', '=', personId)
      // A committee seat comes after the person's own organisation, where they work by default.
      .orderBy(sql`o.kind = 'committee'`)
      .orderBy('o.kind')
      .orderBy('o.name_zh')
      .orderBy('m.role')
      .execute();
    return groupMemberships(rows);
  }

  async listMembers(organisationId: string, filter: MemberFilter): Promise<{ items: MemberRecord[]; total: number }> {
    let base = this.db
      .selectFrom('memberships as m')
      .innerJoin('people as p', 'p.id', 'm.person_id')
      .where('m.organisation_id', '=', organisationId);
    if (filter.role) {
      const role = filter.role;
      base = base.where((eb) =>
        eb.exists(
          eb
            .selectFrom('memberships as r')
            .select(sql`1`.as('one'))
            .whereRef('r.person_id', '=', 'm.person_id')
            .where('r.organisation_id', '=', organisationId)
            .where('r.role', '=', role),
        ),
      );
    }
    if (filter.search) {
      const pattern = `%${filter.search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
      base = base.where((eb) => eb.or([eb('p.email', 'ilike', pattern), eb('p.display_name', 'ilike', pattern)]));
    }
    const [rows, count] = await Promise.all([
      base
        .select([
          'p.id',
          'p.email',
          'p.login_id',
          'p.display_name',
          'p.is_demo',
          sql<string[]>`array_agg(m.role order by m.role)`.as('roles'),
          sql<Date>`min(m.created_at)`.as('joined_at'),
        ])
        .groupBy(['p.id', 'p.email', 'p.login_id', 'p.display_name', 'p.is_demo'])
        .orderBy('p.display_name')
        .orderBy('p.id')
        .limit(filter.limit)
        .offset(filter.offset)
        .execute(),
      base.select(sql<number>`count(distinct p.id)::int`.as('total')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => ({
        personId: row.id,
        email: row.email,
        loginId: row.login_id,
        displayName: row.display_name,
        roles: row.roles as Role[],
        isDemo: row.is_demo,
        joinedAt: new Date(row.joined_at).toISOString(),
      })),
      total: count.total,
    };
  }

  async countByRole(organisationId: string): Promise<{ role: Role; count: number }[]> {
    const rows = await this.db
      .selectFrom('memberships')
      .select(['role', sql<number>`count(*)::int`.as('count')])
      .where('organisation_id', '=', organisationId)
      .groupBy('role')
      .orderBy('role')
      .execute();
    return rows.map((row) => ({ role: row.role as Role, count: row.count }));
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    return row.count;
  }
}

/** One role row of a person's membership, as selected with its organisation. */
export interface MembershipRow {
  id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  role: string;
  left?: boolean | null;
}

/**
 * Whether the person of membership `m` left organisation `o` (a roster entry with status 'left'). One expression
 * for both places that read a person's memberships (here and the session query), so they never disagree.
 */
export const leftSql = sql<boolean>`exists (select 1 from roster_entries r
  where r.organisation_id = o.id and r.person_id = m.person_id and r.status = 'left')`;

/** Folds role rows (ordered by organisation) into one membership per organisation. */
export function groupMemberships(rows: readonly MembershipRow[]): PersonMembership[] {
  const byOrganisation = new Map<string, PersonMembership>();
  for (const row of rows) {
    let membership = byOrganisation.get(row.id);
    if (!membership) {
      membership = {
        organisationId: row.id,
        organisationNameZh: row.name_zh,
        organisationNameEn: row.name_en,
        organisationKind: row.kind as OrganisationKind,
        roles: [],
        left: row.left === true,
      };
      byOrganisation.set(row.id, membership);
    }
    membership.roles.push(row.role as Role);
  }
  return [...byOrganisation.values()];
}
