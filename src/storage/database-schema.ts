import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables, as Kysely sees them. Keep in step with `migrations/`. */
export interface OrganisationsTable {
  id: Generated<string>;
  kind: string;
  name_zh: string;
  name_en: string;
  province: string;
  city: string;
  enterprise_type: string | null;
  is_demo: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface PeopleTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string | null;
  locale: Generated<string>;
  is_demo: Generated<boolean>;
  password_changed_at: Date | null;
  disabled_at: Date | null;
  created_at: Generated<Date>;
}

export interface MembershipsTable {
  person_id: string;
  organisation_id: string;
  role: string;
  created_at: Generated<Date>;
}

export interface SessionsTable {
  token_hash: string;
  person_id: string;
  csrf_token: string;
  active_organisation_id: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventsTable {
  id: Generated<string>;
  occurred_at: Date;
  action: string;
  actor_person_id: string | null;
  actor_email: string | null;
  organisation_id: string | null;
  ip: string | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

export interface Database {
  organisations: OrganisationsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_events: AuditEventsTable;
}
