import { sql, type Kysely } from 'kysely';
import type { OrganisationKind, Role } from '../../core/access/roles.js';
import type { Database } from '../database-schema.js';
import { iso, json } from './column-values.js';

export type InvitationStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

/** An invitation to join an organisation with roles; the code itself is never stored, only its SHA-256. */
export interface InvitationRecord {
  id: string;
  organisationId: string;
  organisationNameZh: string;
  organisationNameEn: string;
  organisationKind: OrganisationKind;
  email: string;
  displayName: string;
  roles: Role[];
  status: InvitationStatus;
  invitedBy: string | null;
  invitedByName: string | null;
  createdAt: string;
  expiresAt: string;
  decidedAt: string | null;
}

export class InvitationRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a pending invitation; a pending one for the same e-mail and organisation is revoked first. */
  async create(values: {
    organisationId: string;
    email: string;
    displayName: string;
    roles: readonly Role[];
    codeHash: string;
    invitedBy: string;
    now: Date;
    expiresAt: Date;
  }): Promise<string> {
    await this.db
      .updateTable('invitations')
      .set({ status: 'revoked', decided_at: values.now })
      .where('organisation_id', '=', values.organisationId)
      .where(sql`lower(email)`, '=', values.email.toLowerCase())
      .where('status', '=', 'pending')
      .execute();
    const row = await this.db
      .insertInto('invitations')
      .values({
        organisation_id: values.organisationId,
        email: values.email,
        display_name: values.displayName,
        roles: JSON.stringify(values.roles),
        code_hash: values.codeHash,
        status: 'pending',
        invited_by: values.invitedBy,
        created_at: values.now,
        expires_at: values.expiresAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async findById(id: string): Promise<InvitationRecord | null> {
    const row = await this.base().where('i.id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  async findByCodeHash(codeHash: string): Promise<InvitationRecord | null> {
    const row = await this.base().where('i.code_hash', '=', codeHash).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Locks the invitation's row for the rest of the transaction (accepting twice at once keeps one). */
  async lock(id: string): Promise<void> {
    await this.db.selectFrom('invitations').select('id').where('id', '=', id).forUpdate().execute();
  }

  /** The organisation's invitations, pending first, then the newest. */
  async listForOrganisation(
    organisationId: string,
    page: { limit: number; offset: number },
  ): Promise<{ items: InvitationRecord[]; total: number }> {
    const [rows, count] = await Promise.all([
      this.base()
        .where('i.organisation_id', '=', organisationId)
        .orderBy(sql`i.status = 'pending'`, 'desc')
        .orderBy('i.created_at', 'desc')
        .orderBy('i.id')
        .limit(page.limit)
        .offset(page.offset)
        .execute(),
      this.db
        .selectFrom('invitations')
        .select(sql<number>`count(*)::int`.as('total'))
        .where('organisation_id', '=', organisationId)
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toRecord), total: count.total };
  }

  /** Pending, unexpired invitations addressed to an e-mail (what a signed-in person may accept). */
  async listPendingForEmail(email: string, now: Date): Promise<InvitationRecord[]> {
    const rows = await this.base()
      .where(sql`lower(i.email)`, '=', email.toLowerCase())
      .where('i.status', '=', 'pending')
      .where('i.expires_at', '>', now)
      .orderBy('i.created_at', 'desc')
      .execute();
    return rows.map(toRecord);
  }

  async decide(id: string, status: Exclude<InvitationStatus, 'pending'>, acceptedBy: string | null, now: Date) {
    await this.db
      .updateTable('invitations')
      .set({ status, accepted_by: acceptedBy, decided_at: now })
      .where('id', '=', id)
      .execute();
  }

  private base() {
    return this.db
      .selectFrom('invitations as i')
      .innerJoin('organisations as o', 'o.id', 'i.organisation_id')
      .leftJoin('people as p', 'p.id', 'i.invited_by')
      .select([
        'i.id',
        'i.organisation_id',
        'o.name_zh',
        'o.name_en',
        'o.kind',
        'i.email',
        'i.display_name',
        'i.roles',
        'i.status',
        'i.invited_by',
        'p.display_name as invited_by_name',
        'i.created_at',
        'i.expires_at',
        'i.decided_at',
      ]);
  }
}

function toRecord(row: {
  id: string;
  organisation_id: string;
  name_zh: string;
  name_en: string;
  kind: string;
  email: string;
  display_name: string;
  roles: unknown;
  status: string;
  invited_by: string | null;
  invited_by_name: string | null;
  created_at: Date | string;
  expires_at: Date | string;
  decided_at: Date | string | null;
}): InvitationRecord {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationNameZh: row.name_zh,
    organisationNameEn: row.name_en,
    organisationKind: row.kind as OrganisationKind,
    email: row.email,
    displayName: row.display_name,
    roles: json<Role[]>(row.roles),
    status: row.status as InvitationStatus,
    invitedBy: row.invited_by,
    invitedByName: row.invited_by_name,
    createdAt: iso(row.created_at)!,
    expiresAt: iso(row.expires_at)!,
    decidedAt: iso(row.decided_at),
  };
}
