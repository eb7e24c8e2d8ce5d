import { AggregateCountRepository } from './aggregate-count.repository.js';
import type { Kysely } from 'kysely';
import type { Database } from '../database-schema.js';
import { runTransaction } from '../run-transaction.js';
import { createExpensiveQueryGate, type ExpensiveQueryGate } from '../expensive-query-gate.js';
import { SessionCache } from '../session-cache.js';
import { AccountRepository } from './account.repository.js';
import { AuditEventRepository } from './audit-event.repository.js';
import { CommitteeRepository } from './committee.repository.js';
import { CollegeCourseRepository } from './college-course.repository.js';
import { CollegeSpecialtyRepository } from './college-specialty.repository.js';
import { CourseSystemRepository } from './course-system.repository.js';
import { DemandDeclarationRepository } from './demand-declaration.repository.js';
import { DemandRepository } from './demand.repository.js';
import { FrameworkVersionRepository } from './framework-version.repository.js';
import { GroupProposalRepository } from './group-proposal.repository.js';
import { IdentityProviderRepository } from './identity-provider.repository.js';
import { InvitationRepository } from './invitation.repository.js';
import { MembershipRepository } from './membership.repository.js';
import { OrganisationRepository } from './organisation.repository.js';
import { PasswordResetRepository } from './password-reset.repository.js';
import { PersonRepository } from './person.repository.js';
import { RevisionRepository } from './revision.repository.js';
import { StudentPathwayRepository } from './student-pathway.repository.js';
import { RosterRepository } from './roster.repository.js';
import { SessionRepository } from './session.repository.js';
import { TaxonomyQueryRepository } from './taxonomy-query.repository.js';
import { TrainingPlanRepository } from './training-plan.repository.js';

export interface Repositories {
  readonly organisations: OrganisationRepository;
  readonly people: PersonRepository;
  readonly memberships: MembershipRepository;
  readonly invitations: InvitationRepository;
  readonly sessions: SessionRepository;
  readonly auditEvents: AuditEventRepository;
  readonly frameworkVersions: FrameworkVersionRepository;
  readonly taxonomy: TaxonomyQueryRepository;
  readonly demand: DemandRepository;
  readonly declarations: DemandDeclarationRepository;
  readonly collegeSpecialties: CollegeSpecialtyRepository;
  readonly groupProposals: GroupProposalRepository;
  readonly courseSystems: CourseSystemRepository;
  readonly collegeCourses: CollegeCourseRepository;
  readonly trainingPlans: TrainingPlanRepository;
  readonly aggregateCounts: AggregateCountRepository;
  readonly committees: CommitteeRepository;
  readonly revisions: RevisionRepository;
  readonly studentPathways: StudentPathwayRepository;
  readonly accounts: AccountRepository;
  readonly passwordResets: PasswordResetRepository;
  readonly identityProviders: IdentityProviderRepository;
  readonly rosters: RosterRepository;
}

/** The unit of work services use: repositories, and a way to run several writes all-or-nothing. */
export interface Store {
  readonly repositories: Repositories;
  /** All-or-nothing; `work` may run more than once (retried after a deadlock), so it must only touch the database. */
  transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T>;
}

export function createRepositories(
  db: Kysely<Database>,
  cache: SessionCache | null = null,
  expensiveQueries: ExpensiveQueryGate = createExpensiveQueryGate(1),
): Repositories {
  return {
    organisations: new OrganisationRepository(db),
    people: new PersonRepository(db, cache),
    memberships: new MembershipRepository(db, cache),
    invitations: new InvitationRepository(db),
    sessions: new SessionRepository(db, cache),
    auditEvents: new AuditEventRepository(db),
    frameworkVersions: new FrameworkVersionRepository(db),
    taxonomy: new TaxonomyQueryRepository(db),
    demand: new DemandRepository(db, expensiveQueries),
    declarations: new DemandDeclarationRepository(db),
    collegeSpecialties: new CollegeSpecialtyRepository(db),
    groupProposals: new GroupProposalRepository(db),
    courseSystems: new CourseSystemRepository(db),
    collegeCourses: new CollegeCourseRepository(db),
    trainingPlans: new TrainingPlanRepository(db),
    aggregateCounts: new AggregateCountRepository(db),
    committees: new CommitteeRepository(db),
    revisions: new RevisionRepository(db),
    studentPathways: new StudentPathwayRepository(db),
    accounts: new AccountRepository(db, cache),
    passwordResets: new PasswordResetRepository(db),
    identityProviders: new IdentityProviderRepository(db),
    rosters: new RosterRepository(db),
  };
}

/** Seconds a resolved session is remembered (see SessionCache); 0 turns the cache off. */
export const DEFAULT_SESSION_CACHE_SECONDS = 5;

export function createStore(
  db: Kysely<Database>,
  options: { sessionCacheSeconds?: number; expensiveQueryConcurrency?: number } = {},
): Store {
  const cache = new SessionCache((options.sessionCacheSeconds ?? DEFAULT_SESSION_CACHE_SECONDS) * 1000);
  // One gate per database, shared by the store's repositories and those of its transactions.
  const expensiveQueries = createExpensiveQueryGate(options.expensiveQueryConcurrency ?? 1);
  return {
    repositories: createRepositories(db, cache, expensiveQueries),
    // Writes inside a transaction invalidate the same cache; a read racing the commit can re-cache the old
    // state, which then lives at most one TTL. A transaction that loses a deadlock is run again (run-transaction.ts).
    transaction: (work) => runTransaction(db, (trx) => work(createRepositories(trx, cache, expensiveQueries))),
  };
}
