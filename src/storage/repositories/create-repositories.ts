import type { Kysely } from 'kysely';
import type { Database } from '../database-schema.js';
import { AuditEventRepository } from './audit-event.repository.js';
import { MembershipRepository } from './membership.repository.js';
import { OrganisationRepository } from './organisation.repository.js';
import { PersonRepository } from './person.repository.js';
import { SessionRepository } from './session.repository.js';

export interface Repositories {
  readonly organisations: OrganisationRepository;
  readonly people: PersonRepository;
  readonly memberships: MembershipRepository;
  readonly sessions: SessionRepository;
  readonly auditEvents: AuditEventRepository;
}

/** The unit of work services use: repositories, and a way to run several writes all-or-nothing. */
export interface Store {
  readonly repositories: Repositories;
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}

export function createRepositories(db: Kysely<Database>): Repositories {
  return {
    organisations: new OrganisationRepository(db),
    people: new PersonRepository(db),
    memberships: new MembershipRepository(db),
    sessions: new SessionRepository(db),
    auditEvents: new AuditEventRepository(db),
  };
}

export function createStore(db: Kysely<Database>): Store {
  return {
    repositories: createRepositories(db),
    transaction: (work) => db.transaction().execute((trx) => work(createRepositories(trx))),
  };
}
