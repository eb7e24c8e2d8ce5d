import type { DashboardResponse } from '../contracts/dashboard.js';
import { hasRoleIn, isPlatformAdmin, rolesIn, type Actor } from '../core/access/actor.js';
import { PEOPLE_READER_ROLES, type Role } from '../core/access/roles.js';
import { revisionCalendar } from '../core/revision/revision-calendar.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { ServiceContext } from './service-context.js';

type Figure = DashboardResponse['figures'][number];

/** College roles that work on specialties, groups, course systems and plans (students only plan pathways). */
const COLLEGE_STAFF: readonly Role[] = ['college_admin', 'group_director', 'teacher'];

/**
 * The figures on the home page of the active organisation, chosen by the caller's roles there: for each role, the
 * real counts of what that role works on now, with the page where it does so.
 */
export async function getDashboard(context: ServiceContext, actor: Actor): Promise<DashboardResponse> {
  const { repositories } = context.store;
  const organisationId = actor.activeOrganisationId;
  const organisation = organisationId ? await repositories.organisations.findById(organisationId) : undefined;
  const organisationsByKind = await repositories.organisations.countByKind();
  const kindCount = (kind: string) => organisationsByKind.find((entry) => entry.kind === kind)?.count ?? 0;
  const roles = organisation ? [...rolesIn(actor, organisation.id)] : [];
  const has = (...wanted: Role[]) => wanted.some((role) => roles.includes(role));
  const canSeePeople =
    organisation !== undefined && (isPlatformAdmin(actor) || hasRoleIn(actor, organisation.id, PEOPLE_READER_ROLES));
  const membersByRole = canSeePeople && organisation ? await repositories.memberships.countByRole(organisation.id) : [];
  const roleCount = (role: string) => membersByRole.find((entry) => entry.role === role)?.count ?? 0;

  const figures: Figure[] = [];
  const add = (scope: Figure['scope'], key: string, value: number, link: string | null = null) =>
    figures.push({ key, value, scope, link });

  // The active organisation's own work.
  if (organisation?.kind === 'college' && has(...COLLEGE_STAFF)) {
    const [specialties, proposals, courseSystems, plans, courses] = await Promise.all([
      repositories.collegeSpecialties.list(organisation.id),
      repositories.groupProposals.list({ organisationId: organisation.id }),
      repositories.courseSystems.list(organisation.id),
      repositories.trainingPlans.list(organisation.id),
      repositories.collegeCourses.count(organisation.id),
    ]);
    add('organisation', 'specialties', specialties.length, '/specialties');
    add('organisation', 'proposals', proposals.length, '/specialty-groups');
    add(
      'organisation',
      'proposalsApproved',
      proposals.filter((proposal) => proposal.status === 'approved').length,
      '/specialty-groups',
    );
    add('organisation', 'courseSystems', courseSystems.length, '/course-systems');
    add('organisation', 'existingCourses', courses, '/course-systems');
    add('organisation', 'trainingPlans', plans.length, '/training-plans');
    add(
      'organisation',
      'trainingPlansApproved',
      plans.filter((plan) => plan.versions.some((version) => version.status === 'approved')).length,
      '/training-plans',
    );
  } else if (organisation?.kind === 'college' && has('student')) {
    const courseSystems = await repositories.courseSystems.list(organisation.id);
    add('organisation', 'courseSystems', courseSystems.length, '/course-systems');
  }
  if (organisation?.kind === 'enterprise' && has('enterprise_admin', 'enterprise_engineer')) {
    const declarations = await repositories.declarations.list(organisation.id);
    add('organisation', 'declarations', declarations.length, '/declarations');
  }
  if (organisation && canSeePeople) {
    add('organisation', 'members', organisation.memberCount, '/members');
    if (organisation.kind === 'college') {
      add('organisation', 'students', roleCount('student'), '/members');
      add('organisation', 'teachers', roleCount('teacher'), '/members');
    }
    if (organisation.kind === 'enterprise')
      add('organisation', 'engineers', roleCount('enterprise_engineer'), '/members');
  }

  const calendar =
    organisation?.kind === 'college' && has('group_director', 'college_admin')
      ? await calendarOf(repositories, organisation.id, context.clock().getUTCFullYear())
      : null;

  // Platform-wide work this caller takes part in.
  if (has('committee_member')) {
    const proposals = await repositories.groupProposals.list({ submittedOnly: true });
    add(
      'platform',
      'proposalsAwaitingReview',
      proposals.filter((proposal) => proposal.status === 'submitted').length,
      '/committee',
    );
  }
  if (has('platform_admin', 'platform_curator', 'committee_member')) {
    const versions = await repositories.frameworkVersions.list();
    add('platform', 'frameworkDrafts', versions.filter((version) => !version.released).length, '/taxonomy');
    add('platform', 'frameworkReleased', versions.filter((version) => version.released).length, '/taxonomy');
  }
  if (
    has(
      'platform_admin',
      'platform_curator',
      'city_officer',
      'committee_member',
      'enterprise_admin',
      'enterprise_engineer',
      'group_director',
    )
  ) {
    add('platform', 'postings', await postingsStored(repositories), '/demand');
  }
  if (has('platform_admin')) {
    const college = await collegeTotals(repositories);
    add('platform', 'organisations', await repositories.organisations.count(), '/organisations');
    add('platform', 'people', await repositories.people.count());
    add('platform', 'collegeSpecialties', college.specialties);
    add('platform', 'collegeProposals', college.proposals);
    add('platform', 'collegeCourseSystems', college.courseSystems);
    add('platform', 'collegeTrainingPlans', college.trainingPlans);
    add('platform', 'activeSessions', await repositories.sessions.count());
    add('platform', 'auditEvents', await repositories.auditEvents.count(), '/audit');
  }
  if (has('city_officer', 'committee_member', 'student', 'platform_curator')) {
    add('platform', 'colleges', kindCount('college'), '/organisations');
    add('platform', 'enterprises', kindCount('enterprise'), '/organisations');
  }
  add('personal', 'myOrganisations', actor.memberships.length);

  return {
    organisation: organisation
      ? { id: organisation.id, kind: organisation.kind, nameZh: organisation.nameZh, nameEn: organisation.nameEn }
      : null,
    roles,
    figures,
    membersByRole,
    organisationsByKind,
    revisionCalendar: calendar,
  };
}

/** This year's revision of each of the college's current course systems. */
async function calendarOf(repositories: Repositories, organisationId: string, year: number) {
  const systems = await repositories.courseSystems.list(organisationId);
  const revisions = (
    await Promise.all(systems.map((system) => repositories.revisions.listForGroup(organisationId, system.id)))
  ).flat();
  return { year, items: revisionCalendar(year, systems, revisions) };
}

/** Postings stored by finished imports (duplicates dropped). */
async function postingsStored(repositories: Repositories): Promise<number> {
  const imports = await repositories.demand.listImports();
  return imports.filter((entry) => entry.status === 'complete').reduce((sum, entry) => sum + entry.stored, 0);
}

/** Specialties, proposals, course systems and plans summed over every college (the platform admin's view). */
async function collegeTotals(repositories: Repositories) {
  const totals = { specialties: 0, proposals: 0, courseSystems: 0, trainingPlans: 0 };
  const colleges = await repositories.organisations.list({ kind: 'college', limit: 10_000, offset: 0 });
  for (const college of colleges.items) {
    const [specialties, proposals, courseSystems, plans] = await Promise.all([
      repositories.collegeSpecialties.list(college.id),
      repositories.groupProposals.list({ organisationId: college.id }),
      repositories.courseSystems.list(college.id),
      repositories.trainingPlans.list(college.id),
    ]);
    totals.specialties += specialties.length;
    totals.proposals += proposals.length;
    totals.courseSystems += courseSystems.length;
    totals.trainingPlans += plans.length;
  }
  return totals;
}
