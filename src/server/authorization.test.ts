import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_KEYS } from '../contracts/route-keys.js';
import { testBackend } from '../storage/test-database.js';
import { deriveDraft } from '../services/taxonomy-service.js';
import { ApiClient, DEMO_PASSWORD, startTestServer, type TestServer } from './test-server.js';

/**
 * The authorization matrix: every registered /api route × every role (as the demo personas hold them) ×
 * the caller's own organisation and another one. A route that is registered but missing here fails the test,
 * and so does an entry here for a route that no longer exists.
 */
type Persona =
  | 'anonymous'
  | 'admin'
  | 'curator'
  | 'college-admin'
  | 'director'
  | 'teacher'
  | 'student'
  | 'college-b-admin'
  | 'enterprise-admin'
  | 'committee'
  | 'engineer'
  | 'officer';
const PERSONAS: Persona[] = [
  'anonymous',
  'admin',
  'curator',
  'college-admin',
  'director',
  'teacher',
  'student',
  'college-b-admin',
  'enterprise-admin',
  'committee',
  'engineer',
  'officer',
];
type Tenant = 'own' | 'other';
type Rule = (persona: Persona, tenant: Tenant) => boolean;

const publicRoute: Rule = () => true;
const signedIn: Rule = (persona) => persona !== 'anonymous';
const only =
  (...personas: Persona[]): Rule =>
  (persona) =>
    personas.includes(persona);
/** Allowed in the caller's own organisation for these personas; in another organisation only for the platform admin. */
const tenantScoped =
  (...personas: Persona[]): Rule =>
  (persona, tenant) =>
    persona === 'admin' || (tenant === 'own' && personas.includes(persona));

// A college's own staff read its specialties, proposals, course systems and plans; the steering committee works from
// its own routes, and committee seats sit in the committee organisation only.
const specialtyReaders = tenantScoped('college-admin', 'director', 'teacher', 'college-b-admin');
const specialtyDirectors = tenantScoped('college-admin', 'director', 'college-b-admin');
// Committee seats (role-anywhere): the demo director, the manufacturer's manager and the city officer sit on it.
const steeringCommittee = only('admin', 'director', 'committee', 'officer');
// Votes are cast by seated members only (which committee, and conflicts, are the service's to check).
const committeeVoters = only('director', 'committee', 'officer');
// The committees' seats and rules are read by members and platform admins; platform admins set the rules.
const committeeReaders = only('admin', 'director', 'committee', 'officer');
// Course systems: the specialty readers and the college's students; teachers confirm links and edit plan drafts.
const courseSystemReaders = tenantScoped('college-admin', 'director', 'teacher', 'student', 'college-b-admin');
const ownStudents: Rule = (persona, tenant) => persona === 'student' && tenant === 'own';
const courseTeachers = tenantScoped('college-admin', 'director', 'teacher', 'college-b-admin');
// Organisation admins manage their own people (which roles they may grant is decided by the service).
const organisationAdmins = tenantScoped('college-admin', 'college-b-admin', 'enterprise-admin');
// The shared framework and postings are the platform's: its admins and curators edit and import; releasing is a
// decision of platform admins and the steering committee.
const platformEditors = only('admin', 'curator');
const releasers = only('admin', 'director', 'committee', 'officer');
// Rosters and accounts: the organisation's admins import, manage departments and act on accounts; its staff and engineers read (the committee
// persona is an engineer of its enterprise). Personal data
// is exported by the organisation's own admins only (not by a platform admin, whom the service refuses).
const rosterAdmins = organisationAdmins;
const rosterReaders = tenantScoped(
  'college-admin',
  'director',
  'teacher',
  'college-b-admin',
  'enterprise-admin',
  'committee',
  'engineer',
);
const personalDataExporters: Rule = (persona, tenant) =>
  tenant === 'own' && ['college-admin', 'college-b-admin', 'enterprise-admin'].includes(persona);

const EXPECTED: Record<string, Rule> = {
  'GET /api/health': publicRoute,
  'GET /api/openapi.json': publicRoute,
  'GET /api/auth/demo-accounts': publicRoute,
  'POST /api/auth/login': publicRoute,
  'GET /api/auth/session': signedIn,
  'POST /api/auth/logout': signedIn,
  'POST /api/auth/password': signedIn,
  'PUT /api/auth/active-organisation': signedIn,
  'PUT /api/auth/locale': signedIn,
  // Accounts (issue 17): codes are redeemed by people who cannot sign in yet; the rest is one's own account.
  'POST /api/auth/redeem-code': publicRoute,
  'POST /api/auth/forced-password': signedIn,
  'GET /api/auth/sessions': signedIn,
  'DELETE /api/auth/sessions/:sessionId': signedIn,
  'POST /api/auth/sessions/end-others': signedIn,
  'GET /api/auth/my-data': signedIn,
  // An organisation's admins act on its people's accounts (which accounts is the service's decision).
  'GET /api/organisations/:organisationId/accounts/:personId': rosterAdmins,
  'POST /api/organisations/:organisationId/accounts/:personId/disable': rosterAdmins,
  'POST /api/organisations/:organisationId/accounts/:personId/enable': rosterAdmins,
  'POST /api/organisations/:organisationId/accounts/:personId/leave': rosterAdmins,
  'POST /api/organisations/:organisationId/accounts/:personId/return': rosterAdmins,
  'POST /api/organisations/:organisationId/accounts/:personId/reset-code': rosterAdmins,
  'POST /api/organisations/:organisationId/accounts/:personId/end-sessions': rosterAdmins,
  'POST /api/organisations/:organisationId/classes/:classId/activation-codes': rosterAdmins,
  'GET /api/dashboard': signedIn,
  'GET /api/organisations': signedIn,
  'POST /api/organisations': only('admin'),
  'GET /api/organisations/:organisationId': signedIn,
  'GET /api/organisations/:organisationId/members': tenantScoped(
    'college-admin',
    'director',
    'teacher',
    'college-b-admin',
    'enterprise-admin',
    'committee',
    'engineer',
    'officer',
  ),
  'GET /api/organisations/:organisationId/grantable-roles': organisationAdmins,
  'POST /api/organisations/:organisationId/invitations': organisationAdmins,
  'GET /api/organisations/:organisationId/invitations': organisationAdmins,
  'DELETE /api/organisations/:organisationId/invitations/:invitationId': organisationAdmins,
  'PUT /api/organisations/:organisationId/members/:personId/roles': organisationAdmins,
  'DELETE /api/organisations/:organisationId/members/:personId': organisationAdmins,
  'POST /api/invitations/preview': publicRoute,
  'POST /api/invitations/accept': publicRoute,
  'GET /api/auth/invitations': signedIn,
  // Unified sign-in: the sign-in page's list and the browser navigations are public (the callback checks the state it
  // issued); each organisation's identity provider is its own administrators' (and platform admins').
  'GET /api/auth/sso/providers': publicRoute,
  'GET /api/auth/sso/:organisationId/start': publicRoute,
  'GET /api/auth/sso/:organisationId/callback': publicRoute,
  'GET /api/organisations/:organisationId/identity-provider': organisationAdmins,
  'PUT /api/organisations/:organisationId/identity-provider': organisationAdmins,
  'DELETE /api/organisations/:organisationId/identity-provider': organisationAdmins,
  'POST /api/organisations/:organisationId/identity-provider/test': organisationAdmins,
  'POST /api/auth/invitations/:invitationId/accept': signedIn,
  'POST /api/auth/invitations/:invitationId/decline': signedIn,
  'GET /api/audit-events': tenantScoped('college-admin', 'college-b-admin', 'enterprise-admin'),
  'GET /api/stats': only('admin'),
  'GET /api/frameworks': signedIn,
  'GET /api/frameworks/diff': signedIn,
  'POST /api/frameworks/import': platformEditors,
  'GET /api/frameworks/:versionId': signedIn,
  'POST /api/frameworks/:versionId/drafts': platformEditors,
  'POST /api/frameworks/:versionId/release': releasers,
  'GET /api/frameworks/:versionId/export': signedIn,
  'GET /api/frameworks/:versionId/competencies': signedIn,
  'POST /api/frameworks/:versionId/competencies': platformEditors,
  'GET /api/frameworks/:versionId/competencies/:competencyId': signedIn,
  'PATCH /api/frameworks/:versionId/competencies/:competencyId': platformEditors,
  'GET /api/frameworks/:versionId/competencies/:competencyId/history': signedIn,
  'GET /api/frameworks/:versionId/posts': signedIn,
  'GET /api/frameworks/:versionId/posts/:postId': signedIn,
  'PUT /api/frameworks/:versionId/posts/:postId/requirements': platformEditors,
  'GET /api/frameworks/:versionId/posts/:postId/history': signedIn,
  'GET /api/frameworks/:versionId/occupations': signedIn,
  'GET /api/frameworks/:versionId/specialties': signedIn,
  // Demand: reading is for everyone signed in; posting files are imported by the platform and city officers (an
  // import is deleted by whoever made it, which the service checks); declarations belong to their enterprise.
  'POST /api/demand/link': signedIn,
  'GET /api/demand/imports': signedIn,
  'POST /api/demand/imports': only('admin', 'curator', 'officer'),
  'DELETE /api/demand/imports/:importId': only('admin', 'curator', 'officer'),
  'GET /api/demand/postings': signedIn,
  'GET /api/demand/postings/:postingId': signedIn,
  'GET /api/demand/overview': signedIn,
  'GET /api/demand/trends': signedIn,
  'GET /api/demand/posts/:postId': signedIn,
  'GET /api/demand/declarations/summary': signedIn,
  'GET /api/organisations/:organisationId/demand-declarations': tenantScoped(
    'enterprise-admin',
    'committee',
    'engineer',
  ),
  'POST /api/organisations/:organisationId/demand-declarations': tenantScoped('enterprise-admin'),
  'DELETE /api/organisations/:organisationId/demand-declarations/:declarationId': tenantScoped('enterprise-admin'),
  'POST /api/organisations/:organisationId/demand-declarations/import': tenantScoped('enterprise-admin'),
  // Specialty groups: a college's staff read its specialties and proposals, its directors and admins write them; the
  // steering committee (a seat in the committee organisation) reviews submitted proposals of every college.
  'GET /api/organisations/:organisationId/specialties': specialtyReaders,
  'PUT /api/organisations/:organisationId/specialties/:code': specialtyDirectors,
  'DELETE /api/organisations/:organisationId/specialties/:code': specialtyDirectors,
  'GET /api/organisations/:organisationId/specialties/:code/suggestions': specialtyReaders,
  'GET /api/organisations/:organisationId/specialty-groups': specialtyReaders,
  'POST /api/organisations/:organisationId/specialty-groups': specialtyDirectors,
  'GET /api/organisations/:organisationId/specialty-groups/:proposalId': specialtyReaders,
  'GET /api/organisations/:organisationId/specialty-groups/:proposalId/pair': specialtyReaders,
  'POST /api/organisations/:organisationId/specialty-groups/:proposalId/moves/preview': specialtyDirectors,
  'POST /api/organisations/:organisationId/specialty-groups/:proposalId/moves': specialtyDirectors,
  'POST /api/organisations/:organisationId/specialty-groups/:proposalId/rename': specialtyDirectors,
  'POST /api/organisations/:organisationId/specialty-groups/:proposalId/submit': specialtyDirectors,
  'GET /api/committee/specialty-groups': steeringCommittee,
  'GET /api/committee/specialty-groups/:proposalId': steeringCommittee,
  'GET /api/committee/specialty-groups/:proposalId/pair': steeringCommittee,
  'POST /api/committee/specialty-groups/:proposalId/moves/preview': steeringCommittee,
  'POST /api/committee/specialty-groups/:proposalId/moves': steeringCommittee,
  'POST /api/committee/specialty-groups/:proposalId/comments': steeringCommittee,
  'POST /api/committee/specialty-groups/:proposalId/votes': committeeVoters,
  'GET /api/committees': committeeReaders,
  'PUT /api/committees/:committeeId/rules': only('admin'),
  'GET /api/committee/training-plans': steeringCommittee,
  'GET /api/committee/training-plans/:planId': steeringCommittee,
  'POST /api/committee/training-plans/:planId/votes': committeeVoters,
  'GET /api/organisations/:organisationId/course-systems': courseSystemReaders,
  'POST /api/organisations/:organisationId/course-systems': specialtyDirectors,
  'GET /api/organisations/:organisationId/course-systems/:courseSystemId': courseSystemReaders,
  'POST /api/organisations/:organisationId/course-systems/:courseSystemId/plan': specialtyDirectors,
  'POST /api/organisations/:organisationId/course-systems/:courseSystemId/pathway': courseSystemReaders,
  // A saved pathway is a student's own: staff plan pathways without saving them (the platform admin passes the
  // route's policy, and the service refuses: only students keep one).
  'GET /api/organisations/:organisationId/course-systems/:courseSystemId/my-pathway': ownStudents,
  'PUT /api/organisations/:organisationId/course-systems/:courseSystemId/my-pathway': ownStudents,
  'GET /api/organisations/:organisationId/my-pathway-notices': ownStudents,
  'GET /api/organisations/:organisationId/course-systems/:courseSystemId/coverage': specialtyReaders,
  'PUT /api/organisations/:organisationId/course-systems/:courseSystemId/courses/:courseId/title': courseTeachers,
  'DELETE /api/organisations/:organisationId/course-systems/:courseSystemId/courses/:courseId/title': courseTeachers,
  'GET /api/organisations/:organisationId/courses': specialtyReaders,
  'POST /api/organisations/:organisationId/courses/import': specialtyDirectors,
  'PUT /api/organisations/:organisationId/courses/:code/links/:competencyId': courseTeachers,
  'GET /api/organisations/:organisationId/training-plans': specialtyReaders,
  'POST /api/organisations/:organisationId/training-plans': specialtyDirectors,
  'GET /api/organisations/:organisationId/training-plans/:planId': specialtyReaders,
  'PUT /api/organisations/:organisationId/training-plans/:planId/draft': courseTeachers,
  'POST /api/organisations/:organisationId/training-plans/:planId/submit': specialtyDirectors,
  'POST /api/organisations/:organisationId/training-plans/:planId/withdraw': specialtyDirectors,
  'GET /api/organisations/:organisationId/committee-choices': specialtyDirectors,
  'POST /api/organisations/:organisationId/training-plans/:planId/versions': specialtyDirectors,
  'GET /api/organisations/:organisationId/training-plans/:planId/versions/:number/export': specialtyReaders,
  'GET /api/organisations/:organisationId/specialty-groups/:groupId/revisions': specialtyReaders,
  'POST /api/organisations/:organisationId/specialty-groups/:groupId/revisions': specialtyDirectors,
  'GET /api/organisations/:organisationId/revisions/:revisionId': specialtyReaders,
  'POST /api/organisations/:organisationId/revisions/:revisionId/proposals/:rank/decision': specialtyDirectors,
  'POST /api/organisations/:organisationId/revisions/:revisionId/submit': specialtyDirectors,
  'POST /api/organisations/:organisationId/revisions/:revisionId/apply': specialtyDirectors,
  'POST /api/organisations/:organisationId/revisions/:revisionId/withdraw': specialtyDirectors,
  'GET /api/committee/revisions': steeringCommittee,
  'GET /api/committee/revisions/:revisionId': steeringCommittee,
  'POST /api/committee/revisions/:revisionId/votes': committeeVoters,
  'POST /api/organisations/:organisationId/rosters/:kind/preview': rosterAdmins,
  'GET /api/organisations/:organisationId/rosters/:kind/template': rosterAdmins,
  'GET /api/organisations/:organisationId/roster-imports': rosterAdmins,
  'GET /api/organisations/:organisationId/roster-imports/:importId': rosterAdmins,
  'POST /api/organisations/:organisationId/roster-imports/:importId/apply': rosterAdmins,
  'DELETE /api/organisations/:organisationId/roster-imports/:importId': rosterAdmins,
  'GET /api/organisations/:organisationId/roster': rosterReaders,
  'GET /api/organisations/:organisationId/roster/export': personalDataExporters,
  'GET /api/organisations/:organisationId/classes': rosterReaders,
  'GET /api/organisations/:organisationId/classes/:classId': rosterReaders,
  'GET /api/organisations/:organisationId/cohorts': rosterReaders,
  'GET /api/organisations/:organisationId/departments': rosterReaders,
  'POST /api/organisations/:organisationId/departments': rosterAdmins,
  'PATCH /api/organisations/:organisationId/departments/:departmentId': rosterAdmins,
  'DELETE /api/organisations/:organisationId/departments/:departmentId': rosterAdmins,
};

const DOCUMENTATION_PREFIX = '/api/docs';

let server: TestServer;
const organisationIds = new Map<string, string>();
const clients = new Map<Persona, ApiClient>();
let counter = 0;
let releasedVersionId = '';
let draftVersionId = '';

function emailOf(persona: Persona): string {
  return `${persona === 'anonymous' ? 'admin' : persona}@demo.zerodock.local`;
}

function homeOrganisationKey(persona: Persona): string {
  const person = server.dataset.people.find((candidate) => candidate.email === emailOf(persona));
  return person?.memberships[0]?.organisation ?? 'college-a';
}

function organisationFor(persona: Persona, tenant: Tenant): { id: string; kind: string } {
  const own = homeOrganisationKey(persona);
  const key = tenant === 'own' ? own : own === 'college-b' ? 'college-a' : 'college-b';
  const organisation = server.dataset.organisations.find((candidate) => candidate.key === key);
  return { id: organisationIds.get(key) ?? '', kind: organisation?.kind ?? 'college' };
}

const ROLE_FOR_KIND: Record<string, string> = {
  college: 'student',
  enterprise: 'enterprise_engineer',
  city_office: 'city_officer',
  platform: 'platform_curator',
  committee: 'committee_member',
};

/** A valid request for the route, so that only access — never validation — can refuse it. */
function sampleRequest(
  key: string,
  persona: Persona,
  tenant: Tenant,
): { method: string; path: string; body?: unknown } {
  const [method = 'GET', template = ''] = key.split(' ');
  const organisation = organisationFor(persona, tenant);
  // Taxonomy routes act on a draft version so that allowed edits succeed (released versions answer 409).
  const path = template
    .replace(':organisationId', organisation.id)
    .replace(':personId', randomUUID())
    .replace(':importId', randomUUID())
    .replace(':postingId', randomUUID())
    .replace(':declarationId', randomUUID())
    .replace(':invitationId', randomUUID())
    .replace(':versionId', draftVersionId)
    .replace(':competencyId', 'teamwork')
    .replace(':postId', 'ito-industrial-software-testing')
    .replace(':proposalId', randomUUID())
    .replace(':code', '510213')
    .replace(':courseSystemId', randomUUID())
    .replace(':courseId', 'P01')
    .replace(':planId', randomUUID())
    .replace(':committeeId', randomUUID())
    .replace(':number', '1')
    .replace(':groupId', randomUUID())
    .replace(':revisionId', randomUUID())
    .replace(':rank', '1')
    .replace(':sessionId', randomUUID())
    .replace(':kind', organisation.kind === 'enterprise' ? 'engineer' : 'student')
    .replace(':classId', randomUUID())
    .replace(':departmentId', randomUUID());
  counter += 1;
  switch (key) {
    case 'POST /api/auth/login':
      return { method, path, body: { email: emailOf(persona), password: DEMO_PASSWORD } };
    case 'POST /api/auth/password':
      return { method, path, body: { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD } };
    case 'PUT /api/auth/active-organisation':
      return { method, path, body: { organisationId: organisationFor(persona, 'own').id } };
    case 'PUT /api/auth/locale':
      return { method, path, body: { locale: 'en' } };
    case 'POST /api/auth/redeem-code':
      return {
        method,
        path,
        body: { login: emailOf(persona), code: 'AAAAA-AAAAA', newPassword: 'a long enough password' },
      };
    case 'POST /api/auth/forced-password':
      // Nobody here must change their password: allowed callers get 409, anonymous 401.
      return { method, path, body: { newPassword: 'a long enough password' } };
    case 'POST /api/organisations/:organisationId/classes/:classId/activation-codes':
      return { method, path, body: {} };
    case 'POST /api/organisations':
      return {
        method,
        path,
        body: {
          kind: 'college',
          nameZh: `授权测试学院${counter}`,
          nameEn: `Authz College ${counter}`,
          province: '江苏省',
          city: '苏州市',
        },
      };
    case 'POST /api/organisations/:organisationId/invitations':
      return {
        method,
        path,
        body: {
          email: `authz${counter}@test.zerodock.local`,
          displayName: `授权测试${counter}`,
          roles: [ROLE_FOR_KIND[organisation.kind] ?? 'student'],
        },
      };
    case 'PUT /api/organisations/:organisationId/members/:personId/roles':
      return { method, path, body: { roles: [ROLE_FOR_KIND[organisation.kind] ?? 'student'] } };
    case 'POST /api/invitations/preview':
      return { method, path, body: { code: `unknown-code-${counter}-0123456789` } };
    case 'POST /api/invitations/accept':
      return { method, path, body: { code: `unknown-code-${counter}-0123456789`, password: 'a long enough password' } };
    case 'POST /api/frameworks/:versionId/drafts':
      return { method, path, body: { label: `authz-${counter}` } };
    case 'POST /api/frameworks/:versionId/release':
      // Never release the shared draft (later edits would answer 409): ask to release the released version,
      // which allowed callers get as 409 and everyone else as 401/403.
      return { method, path: path.replace(draftVersionId, releasedVersionId), body: {} };
    case 'POST /api/frameworks/:versionId/competencies':
      return {
        method,
        path,
        body: {
          id: `authz-${counter}`,
          type: 'skill',
          dimension: 'it',
          labelZh: '授权测试',
          labelEn: 'Authz',
          reason: '授权测试',
        },
      };
    case 'PATCH /api/frameworks/:versionId/competencies/:competencyId':
      return { method, path, body: { labelZh: `团队合作${counter}`, reason: '授权测试' } };
    case 'PUT /api/frameworks/:versionId/posts/:postId/requirements':
      return {
        method,
        path,
        body: {
          requirements: [{ competencyId: 'teamwork', essential: true, weight: 0.8, level: 3 }],
          reason: '授权测试',
        },
      };
    case 'POST /api/frameworks/import':
      // A JSON body is not a file: allowed callers get 400, everyone else 401/403 before the handler runs.
      return { method, path: `${path}?format=case`, body: { not: 'a file' } };
    case 'POST /api/demand/link':
      return { method, path, body: { text: 'Selenium 自动化测试', mode: 'exact' } };
    case 'POST /api/demand/imports':
    case 'POST /api/organisations/:organisationId/demand-declarations/import':
      // A JSON body is not a file: allowed callers get 400, everyone else 401/403 before the handler runs.
      return { method, path: `${path}?fileName=postings.csv`, body: { not: 'a file' } };
    case 'POST /api/organisations/:organisationId/demand-declarations':
      return { method, path, body: { postId: 'ito-industrial-software-testing', headcount: 3, year: 2026 } };
    case 'PUT /api/organisations/:organisationId/specialties/:code':
      return { method, path, body: { nameZh: '移动应用开发', posts: ['ito-mobile-app-development'] } };
    case 'GET /api/organisations/:organisationId/specialties/:code/suggestions':
      return { method, path: `${path}?name=${encodeURIComponent('移动应用开发')}` };
    case 'POST /api/organisations/:organisationId/specialty-groups':
      return { method, path, body: { titleZh: `授权测试方案${counter}`, scope: 'all', method: 'average' } };
    case 'GET /api/organisations/:organisationId/specialty-groups/:proposalId/pair':
    case 'GET /api/committee/specialty-groups/:proposalId/pair':
      return { method, path: `${path}?a=ito-mobile-app-development&b=ito-cloud-operations` };
    case 'POST /api/organisations/:organisationId/specialty-groups/:proposalId/moves/preview':
    case 'POST /api/committee/specialty-groups/:proposalId/moves/preview':
      return { method, path, body: { kind: 'post', item: 'ito-mobile-app-development', toGroup: 'g1' } };
    case 'POST /api/organisations/:organisationId/specialty-groups/:proposalId/moves':
    case 'POST /api/committee/specialty-groups/:proposalId/moves':
      return {
        method,
        path,
        body: { kind: 'post', item: 'ito-mobile-app-development', toGroup: 'g1', reason: '授权测试' },
      };
    case 'POST /api/organisations/:organisationId/specialty-groups/:proposalId/rename':
      return { method, path, body: { group: 'g1', name: { zh: '授权测试组', en: 'Authz group' } } };
    case 'POST /api/committee/specialty-groups/:proposalId/comments':
      return { method, path, body: { reason: '授权测试' } };
    case 'POST /api/committee/specialty-groups/:proposalId/votes':
    case 'POST /api/committee/training-plans/:planId/votes':
    case 'POST /api/committee/revisions/:revisionId/votes':
      return { method, path, body: { choice: 'approve', comment: '授权测试' } };
    case 'PUT /api/committees/:committeeId/rules':
      return { method, path, body: { quorum: null, majority: 'simple' } };
    case 'POST /api/organisations/:organisationId/course-systems':
      return { method, path, body: { proposalId: randomUUID(), groupId: 'g1' } };
    case 'POST /api/organisations/:organisationId/course-systems/:courseSystemId/plan':
      return { method, path, body: {} };
    case 'POST /api/organisations/:organisationId/course-systems/:courseSystemId/pathway':
      return { method, path, body: { post: 'ito-industrial-software-testing' } };
    case 'PUT /api/organisations/:organisationId/course-systems/:courseSystemId/my-pathway':
      return { method, path, body: { post: 'ito-industrial-software-testing' } };
    case 'POST /api/organisations/:organisationId/courses/import':
      // A JSON body is not a file: allowed callers get 400, everyone else 401/403 before the handler runs.
      return { method, path: `${path}?fileName=courses.csv`, body: { not: 'a file' } };
    case 'PUT /api/organisations/:organisationId/courses/:code/links/:competencyId':
      return { method, path, body: { status: 'confirmed' } };
    case 'PUT /api/organisations/:organisationId/course-systems/:courseSystemId/courses/:courseId/title':
      return { method, path, body: { titleZh: '授权测试课程' } };
    case 'POST /api/organisations/:organisationId/training-plans':
      return { method, path, body: { courseSystemId: randomUUID(), specialtyCode: '510213' } };
    case 'PUT /api/organisations/:organisationId/training-plans/:planId/draft':
      return { method, path, body: { sections: [{ key: 'admission', text: '授权测试' }] } };
    case 'POST /api/organisations/:organisationId/training-plans/:planId/versions':
      return { method, path, body: { refresh: false } };
    case 'GET /api/organisations/:organisationId/training-plans/:planId/versions/:number/export':
      return { method, path: `${path}?format=docx` };
    case 'GET /api/frameworks/diff':
      return { method, path: `${path}?from=${releasedVersionId}&to=${draftVersionId}` };
    case 'GET /api/frameworks/:versionId/export':
      return { method, path: `${path}?format=case` };
    case 'PUT /api/organisations/:organisationId/identity-provider':
      // Switched off: a start then answers with a redirect to the sign-in page instead of leaving for the provider.
      return {
        method,
        path,
        body: {
          displayName: '统一身份认证',
          matchBy: 'login_id',
          enabled: false,
          config: { protocol: 'cas', serverUrl: 'https://cas.example.edu.cn/cas', version: '3.0', attribute: null },
        },
      };
    case 'GET /api/auth/sso/:organisationId/callback':
      return { method, path: `${path}?state=authz-${counter}&ticket=ST-authz` };
    case 'POST /api/organisations/:organisationId/rosters/:kind/preview':
      // A JSON body is not a file: allowed callers get 400, everyone else 401/403 before the handler runs.
      return { method, path: `${path}?fileName=roster.csv`, body: { not: 'a file' } };
    case 'POST /api/organisations/:organisationId/roster-imports/:importId/apply':
      return { method, path, body: { markLeft: false } };
    case 'GET /api/organisations/:organisationId/roster/export':
      return { method, path: `${path}?kind=${organisation.kind === 'enterprise' ? 'engineer' : 'student'}&format=csv` };
    case 'POST /api/organisations/:organisationId/departments':
      return { method, path, body: { nameZh: `授权测试部门${counter}` } };
    case 'PATCH /api/organisations/:organisationId/departments/:departmentId':
      return { method, path, body: { nameZh: `授权测试部门${counter}` } };
    case 'GET /api/audit-events':
      return { method, path: `${path}?organisationId=${organisation.id}` };
    default:
      return { method, path };
  }
}

beforeAll(async () => {
  server = await startTestServer({ catalogue: true });
  const curated = (await server.services.store.repositories.frameworkVersions.latestPerKey()).find(
    (version) => version.key === 'zerodock',
  );
  releasedVersionId = curated!.id;
  draftVersionId = (
    await deriveDraft(server.services, null, releasedVersionId, { label: 'authz-draft', releaseNotes: '' })
  ).id;
  const page = await server.services.store.repositories.organisations.list({ limit: 100, offset: 0 });
  for (const organisation of server.dataset.organisations) {
    const found = page.items.find((item) => item.nameZh === organisation.nameZh);
    if (found) organisationIds.set(organisation.key, found.id);
  }
  for (const persona of PERSONAS) {
    const client = new ApiClient(server.baseUrl);
    if (persona !== 'anonymous') expect((await client.login(emailOf(persona))).status).toBe(200);
    clients.set(persona, client);
  }
});
afterAll(async () => {
  await server?.close();
});

describe(`authorization matrix on ${testBackend()}`, () => {
  it('covers exactly the registered routes', () => {
    const registered = new Set(
      server.app.routeCatalogue
        .filter((route) => route.method !== 'HEAD' && !route.url.startsWith(DOCUMENTATION_PREFIX))
        .map((route) => `${route.method} ${route.url}`),
    );
    expect([...registered].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...registered].sort()).toEqual([...ROUTE_KEYS].sort());
  });

  it('refuses a caller without the role before reading the body (an upload never reaches the disk)', async () => {
    const student = clients.get('student')!;
    const huge = 'x'.repeat(80 * 1024 * 1024);
    for (const path of ['/api/demand/imports?fileName=jobs.csv', '/api/frameworks/import?format=case']) {
      const response = await student.request('POST', path, undefined, {
        rawBody: huge,
        headers: { 'content-type': 'application/octet-stream' },
      });
      expect(response.status, path).toBe(403);
    }
  });

  it('serves the API documentation routes publicly', async () => {
    const documentation = server.app.routeCatalogue.filter((route) => route.url.startsWith(DOCUMENTATION_PREFIX));
    expect(documentation.length).toBeGreaterThan(0);
    for (const route of documentation) expect(route.access.kind).toBe('public');
    const anonymous = new ApiClient(server.baseUrl);
    expect((await anonymous.request('GET', '/api/docs')).status).toBe(200);
  });

  for (const key of Object.keys(EXPECTED)) {
    it(`enforces ${key}`, async () => {
      const rule = EXPECTED[key];
      if (!rule) throw new Error(`no rule for ${key}`);
      const failures: string[] = [];
      for (const persona of PERSONAS) {
        for (const tenant of ['own', 'other'] as const) {
          // Logging out and re-logging in would disturb the shared sessions: use a fresh one.
          let client = clients.get(persona) as ApiClient;
          if (key === 'POST /api/auth/logout' || key === 'POST /api/auth/login') {
            client = new ApiClient(server.baseUrl);
            if (persona !== 'anonymous' && key === 'POST /api/auth/logout') await client.login(emailOf(persona));
          }
          const sample = sampleRequest(key, persona, tenant);
          const response = await client.request(sample.method, sample.path, sample.body);
          const allowed = rule(persona, tenant);
          const refusedWith = persona === 'anonymous' ? 401 : 403;
          const ok = allowed
            ? response.status !== 401 && response.status !== 403 && response.status < 500
            : response.status === refusedWith;
          if (!ok)
            failures.push(
              `${persona}/${tenant}: expected ${allowed ? 'allowed' : refusedWith}, got ${response.status} ${JSON.stringify(response.body).slice(0, 160)}`,
            );
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
