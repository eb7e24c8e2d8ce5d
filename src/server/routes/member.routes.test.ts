import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

type ErrorResponse = { error: { code: string; details: Record<string, unknown> } };
type MemberPage = { items: { personId: string; email: string; roles: string[] }[]; total: number };

let server: TestServer;
let collegeAdmin: ApiClient;
let collegeA: string;
let collegeB: string;
let manufacturer: string;

beforeAll(async () => {
  server = await startTestServer();
  collegeAdmin = new ApiClient(server.baseUrl);
  const login = await collegeAdmin.login('college-admin@demo.zerodock.local');
  collegeA = login.body.activeOrganisationId ?? '';
  const page = await server.services.store.repositories.organisations.list({ limit: 100, offset: 0 });
  const byKey = (key: string) => {
    const nameZh = server.dataset.organisations.find((organisation) => organisation.key === key)?.nameZh;
    return page.items.find((item) => item.nameZh === nameZh)?.id ?? '';
  };
  collegeB = byKey('college-b');
  manufacturer = byKey('manufacturer');
});
afterAll(async () => {
  await server?.close();
});

describe(`members over HTTP on ${testBackend()}`, () => {
  it('a college sees only its own people, paged', async () => {
    const first = await collegeAdmin.request<MemberPage>(
      'GET',
      `/api/organisations/${collegeA}/members?limit=20&offset=0`,
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(20);
    const all = await collegeAdmin.request<MemberPage>('GET', `/api/organisations/${collegeA}/members?limit=200`);
    expect(all.body.total).toBe(all.body.items.length);
    expect(all.body.items.every((member) => !member.email.includes('college-b'))).toBe(true);
    const students = await collegeAdmin.request<MemberPage>(
      'GET',
      `/api/organisations/${collegeA}/members?role=student&limit=200`,
    );
    expect(students.body.items.every((member) => member.roles.includes('student'))).toBe(true);

    const other = await collegeAdmin.request<ErrorResponse>('GET', `/api/organisations/${collegeB}/members`);
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('FORBIDDEN');
  });

  it('a student cannot list the people of the college', async () => {
    const student = new ApiClient(server.baseUrl);
    await student.login('student@demo.zerodock.local');
    expect((await student.request('GET', `/api/organisations/${collegeA}/members`)).status).toBe(403);
  });

  it('an enterprise admin manages only its own enterprise', async () => {
    const enterpriseAdmin = new ApiClient(server.baseUrl);
    await enterpriseAdmin.login('enterprise-admin@demo.zerodock.local');
    const add = await enterpriseAdmin.request('POST', `/api/organisations/${collegeA}/members`, {
      email: 'intruder@test.zerodock.local',
      displayName: '越权',
      roles: ['teacher'],
      initialPassword: 'a long enough password',
    });
    expect(add.status).toBe(403);
    const own = await enterpriseAdmin.request<MemberPage>('GET', `/api/organisations/${manufacturer}/members`);
    expect(own.status).toBe(200);
  });

  it('adds a new person, then gives an existing person a second organisation', async () => {
    const created = await collegeAdmin.request<{ personId: string; roles: string[] }>(
      'POST',
      `/api/organisations/${collegeA}/members`,
      {
        email: 'new.teacher@a.edu.cn',
        displayName: '新教师 马丽',
        roles: ['teacher', 'teacher'],
        initialPassword: 'a long enough password',
      },
    );
    expect(created.status).toBe(200);
    expect(created.body.roles).toEqual(['teacher']);
    const login = await new ApiClient(server.baseUrl).login('new.teacher@a.edu.cn', 'a long enough password');
    expect(login.status).toBe(200);

    const collegeBAdmin = new ApiClient(server.baseUrl);
    await collegeBAdmin.login('college-b-admin@demo.zerodock.local');
    const second = await collegeBAdmin.request<{ personId: string }>('POST', `/api/organisations/${collegeB}/members`, {
      email: 'NEW.TEACHER@a.edu.cn',
      displayName: 'ignored for existing people',
      roles: ['teacher'],
    });
    expect(second.status).toBe(200);
    expect(second.body.personId).toBe(created.body.personId);
    const memberships = await server.services.store.repositories.memberships.listForPerson(created.body.personId);
    expect(memberships).toHaveLength(2);
  });

  it('refuses roles the organisation kind cannot grant, and new people without a password', async () => {
    const wrongRole = await collegeAdmin.request<ErrorResponse>('POST', `/api/organisations/${collegeA}/members`, {
      email: 'x1@a.edu.cn',
      displayName: 'x',
      roles: ['platform_admin'],
      initialPassword: 'a long enough password',
    });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.error.code).toBe('ROLE_NOT_ALLOWED_FOR_ORGANISATION');
    const noPassword = await collegeAdmin.request<ErrorResponse>('POST', `/api/organisations/${collegeA}/members`, {
      email: 'x2@a.edu.cn',
      displayName: 'x',
      roles: ['student'],
    });
    expect(noPassword.body.error.details.field).toBe('initialPassword');
    expect(await server.services.store.repositories.people.findByEmail('x2@a.edu.cn')).toBeUndefined();
  });

  it('removes a member (ending their sessions), but not oneself', async () => {
    const teacher = new ApiClient(server.baseUrl);
    const login = await teacher.login('teacher@demo.zerodock.local');
    const personId =
      (await server.services.store.repositories.people.findByEmail('teacher@demo.zerodock.local'))?.id ?? '';
    expect(login.status).toBe(200);
    const removed = await collegeAdmin.request('DELETE', `/api/organisations/${collegeA}/members/${personId}`);
    expect(removed.status).toBe(200);
    expect((await teacher.request('GET', '/api/auth/session')).status).toBe(401);
    const again = await collegeAdmin.request<ErrorResponse>(
      'DELETE',
      `/api/organisations/${collegeA}/members/${personId}`,
    );
    expect(again.body.error.code).toBe('PERSON_NOT_FOUND');

    const selfId =
      (await server.services.store.repositories.people.findByEmail('college-admin@demo.zerodock.local'))?.id ?? '';
    const self = await collegeAdmin.request<ErrorResponse>(
      'DELETE',
      `/api/organisations/${collegeA}/members/${selfId}`,
    );
    expect(self.body.error.code).toBe('CANNOT_REMOVE_SELF');
  });

  it('audits member changes and shows an organisation admin only their organisation’s log', async () => {
    const log = await collegeAdmin.request<{ items: { action: string; organisationId: string | null }[] }>(
      'GET',
      '/api/audit-events?limit=50',
    );
    expect(log.status).toBe(200);
    expect(log.body.items.map((event) => event.action)).toEqual(
      expect.arrayContaining(['member.added', 'member.removed']),
    );
    expect(log.body.items.every((event) => event.organisationId === collegeA)).toBe(true);
    const foreign = await collegeAdmin.request('GET', `/api/audit-events?organisationId=${collegeB}`);
    expect(foreign.status).toBe(403);
  });
});
