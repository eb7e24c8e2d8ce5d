import { sql, type Kysely } from 'kysely';
import type { AuditAction } from '../../contracts/audit.js';
import type { Database } from '../database-schema.js';

export interface NewAuditEvent {
  occurredAt: Date;
  action: AuditAction;
  actorPersonId?: string | null;
  actorEmail?: string | null;
  organisationId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditEventRecord {
  id: string;
  occurredAt: string;
  action: AuditAction;
  actorPersonId: string | null;
  actorEmail: string | null;
  organisationId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
}

export class AuditEventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(event: NewAuditEvent): Promise<void> {
    await this.db
      .insertInto('audit_events')
      .values({
        occurred_at: event.occurredAt,
        action: event.action,
        actor_person_id: event.actorPersonId ?? null,
        actor_email: event.actorEmail ?? null,
        organisation_id: event.organisationId ?? null,
        ip: event.ip ?? null,
        details: JSON.stringify(event.details ?? {}),
      })
      .execute();
  }

  async list(filter: {
    organisationId?: string | undefined;
    action?: AuditAction | undefined;
    limit: number;
    offset: number;
  }): Promise<{ items: AuditEventRecord[]; total: number }> {
    let base = this.db.selectFrom('audit_events');
    if (filter.organisationId) base = base.where('organisation_id', '=', filter.organisationId);
    if (filter.action) base = base.where('action', '=', filter.action);
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute(),
      base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((row) => ({
        id: String(row.id),
        occurredAt: row.occurred_at.toISOString(),
        action: row.action as AuditAction,
        actorPersonId: row.actor_person_id,
        actorEmail: row.actor_email,
        organisationId: row.organisation_id,
        ip: row.ip,
        details: row.details,
      })),
      total: count.total,
    };
  }

  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('audit_events')
      .select(sql<number>`count(*)::int`.as('count'))
      .executeTakeFirstOrThrow();
    return row.count;
  }
}
