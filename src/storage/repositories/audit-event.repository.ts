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

/** What an id found in audit details names, in both languages. */
export interface AuditName {
  zh: string;
  en: string;
}

export class AuditEventRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * The names of the ids an audit page's details mention: people, organisations, course systems, training plans,
   * revisions and specialty-group proposals. Inside one organisation (`organisationId`), only what belongs to it —
   * its members and its own records; null (platform admins) resolves everything.
   */
  async namesOf(ids: readonly string[], organisationId: string | null): Promise<Map<string, AuditName>> {
    const names = new Map<string, AuditName>();
    if (ids.length === 0) return names;
    const people = this.db
      .selectFrom('people as p')
      .select(['p.id', 'p.display_name'])
      .where('p.id', 'in', ids)
      .$if(organisationId !== null, (query) =>
        query.where((eb) =>
          eb.or([
            eb.exists(
              eb
                .selectFrom('memberships as m')
                .select('m.person_id')
                .whereRef('m.person_id', '=', 'p.id')
                .where('m.organisation_id', '=', organisationId!),
            ),
            eb.exists(
              eb
                .selectFrom('roster_entries as r')
                .select('r.person_id')
                .whereRef('r.person_id', '=', 'p.id')
                .where('r.organisation_id', '=', organisationId!),
            ),
          ]),
        ),
      );
    for (const row of await people.execute()) names.set(row.id, { zh: row.display_name, en: row.display_name });
    const organisations = await this.db
      .selectFrom('organisations')
      .select(['id', 'name_zh', 'name_en'])
      .where('id', 'in', ids)
      .execute();
    for (const row of organisations) names.set(row.id, { zh: row.name_zh, en: row.name_en || row.name_zh });
    const owned = <T extends { organisation_id: string }>(rows: T[]) =>
      rows.filter((row) => organisationId === null || row.organisation_id === organisationId);
    // Course systems and group proposals both carry a bilingual title.
    for (const table of ['course_systems', 'group_proposals'] as const) {
      const rows = await this.db
        .selectFrom(table)
        .select(['id', 'organisation_id', 'title_zh', 'title_en'])
        .where('id', 'in', ids)
        .execute();
      for (const row of owned(rows)) names.set(row.id, { zh: row.title_zh, en: row.title_en || row.title_zh });
    }
    for (const row of owned(
      await this.db
        .selectFrom('training_plans')
        .select(['id', 'organisation_id', 'title_zh'])
        .where('id', 'in', ids)
        .execute(),
    )) {
      names.set(row.id, { zh: row.title_zh, en: row.title_zh });
    }
    for (const row of owned(
      await this.db
        .selectFrom('revisions')
        .select(['id', 'organisation_id', 'group_name_zh', 'group_name_en', 'after_year'])
        .where('id', 'in', ids)
        .execute(),
    )) {
      const year = row.after_year + 1;
      names.set(row.id, {
        zh: `${row.group_name_zh}：${year} 年度动态调整`,
        en: `${row.group_name_en || row.group_name_zh}: ${year} yearly revision`,
      });
    }
    return names;
  }

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
