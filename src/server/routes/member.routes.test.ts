import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';

type ErrorResponse = { error: { code: string; details: Record<string, unknown> } };
type MemberPage = { items: { personId: string; email: string; roles: string[] }[]; total: number };
type Created = {
  invitation: { id: string; email: string; displayName: string; roles: string[]; status: string };
  code: string;
  acceptPath: string;
};

let server: TestServer;
let collegeAdmin: ApiClient;
let collegeA: string;
let collegeB: string;
let manufacturer: string;

async function personId(email: string): Promise<string> {
  return (await server.services.store.repositories.people.findByEmail(email))?.id ?? '';
}

async function invite(client: ApiClient, organisationId: string, body: Record<string, unknown>) {
  return client.request<Created & ErrorResponse>('POST', `/api/organisations/${organisationId}/invitations`, body);
}

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

  it('an enterprise admin invites only into its own enterprise', async () => {
    const enterpriseAdmin = new ApiClient(server.baseUrl);
    await enterpriseAdmin.login('enterprise-admin@demo.zerodock.local');
    const intrusion = await invite(enterpriseAdmin, collegeA, {
      email: 'intruder@test.zerodock.local',
      displayName: '越权',
      roles: ['teacher'],
    });
    expect(intrusion.status).toBe(403);
    const own = await invite(enterpriseAdmin, manufacturer, {
      email: 'new.engineer@test.zerodock.local',
      displayName: '新工程师',
      roles: ['enterprise_engineer'],
    });
    expect(own.status).toBe(200);
  });

  it('answers an invitation the same way whether or not the e-mail has an account, and changes nobody', async () => {
    const platformAdminId = await personId('admin@demo.zerodock.local');
    const victim = new ApiClient(server.baseUrl);
    expect((await victim.login('admin@demo.zerodock.local')).status).toBe(200);
    const existing = await invite(collegeAdmin, collegeA, {
      email: 'ADMIN@demo.zerodock.local',
      displayName: '随便写的名字',
      roles: ['student'],
    });
    const unknown = await invite(collegeAdmin, collegeA, {
      email: 'nobody.here@test.zerodock.local',
      displayName: '随便写的名字',
      roles: ['student'],
    });
    expect(existing.status).toBe(200);
    expect(unknown.status).toBe(200);
    // Everything but the id, the e-mail as typed and the timestamps is the same.
    const shape = (created: Created) => ({
      ...created.invitation,
      id: 'x',
      email: created.invitation.email.toLowerCase(),
      createdAt: '',
      expiresAt: '',
    });
    expect(Object.keys(existing.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect(shape(existing.body)).toMatchObject({ displayName: '随便写的名字', status: 'pending', roles: ['student'] });
    expect(JSON.stringify(existing.body)).not.toContain('王磊'); // the platform admin's real name
    expect({ ...shape(existing.body), email: '' }).toEqual({ ...shape(unknown.body), email: '' });
    // Nothing happened to the account: no membership, and its session still works.
    const memberships = await server.services.store.repositories.memberships.listForPerson(platformAdminId);
    expect(memberships.map((membership) => membership.organisationId)).not.toContain(collegeA);
    expect((await victim.request('GET', '/api/auth/session')).status).toBe(200);
  });

  it('lets a new person accept with the code, setting their password and joining', async () => {
    const created = await invite(collegeAdmin, collegeA, {
      email: 'new.teacher@a.edu.cn',
      displayName: '新教师 马丽',
      roles: ['teacher', 'teacher'],
    });
    expect(created.status).toBe(200);
    expect(created.body.invitation.roles).toEqual(['teacher']);
    expect(created.body.acceptPath).toBe(`/invitation#code=${created.body.code}`);
    const invitee = new ApiClient(server.baseUrl);
    const preview = await invitee.request<{ roles: string[]; email: string }>('POST', '/api/invitations/preview', {
      code: created.body.code,
    });
    expect(preview.body).toMatchObject({ roles: ['teacher'], email: 'new.teacher@a.edu.cn' });
    const weak = await invitee.request<ErrorResponse>('POST', '/api/invitations/accept', {
      code: created.body.code,
      password: 'short',
    });
    expect(weak.body.error).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { field: 'password' } });
    expect(await server.services.store.repositories.people.findByEmail('new.teacher@a.edu.cn')).toBeUndefined();
    const accepted = await invitee.request<{ memberships: { organisationId: string; roles: string[] }[] }>(
      'POST',
      '/api/invitations/accept',
      { code: created.body.code, password: 'a long enough password' },
    );
    expect(accepted.status).toBe(200);
    expect(accepted.body.memberships).toEqual([
      expect.objectContaining({ organisationId: collegeA, roles: ['teacher'] }),
    ]);
    expect((await invitee.request('GET', '/api/auth/session')).status).toBe(200);
    const reused = await new ApiClient(server.baseUrl).request<ErrorResponse>('POST', '/api/invitations/accept', {
      code: created.body.code,
      password: 'a long enough password',
    });
    expect(reused.body.error.code).toBe('INVITATION_NOT_FOUND');
    expect((await new ApiClient(server.baseUrl).login('new.teacher@a.edu.cn', 'a long enough password')).status).toBe(
      200,
    );
  });

  it('joins an existing account only with that account’s own password', async () => {
    const collegeBAdmin = new ApiClient(server.baseUrl);
    await collegeBAdmin.login('college-b-admin@demo.zerodock.local');
    const created = await invite(collegeBAdmin, collegeB, {
      email: 'teacher@demo.zerodock.local',
      displayName: '兼职教师',
      roles: ['teacher'],
    });
    const teacherId = await personId('teacher@demo.zerodock.local');
    const stranger = new ApiClient(server.baseUrl);
    const wrong = await stranger.request<ErrorResponse>('POST', '/api/invitations/accept', {
      code: created.body.code,
      password: 'not the password at all',
    });
    expect(wrong.status).toBe(401);
    expect(await server.services.store.repositories.memberships.rolesOf(teacherId, collegeB)).toEqual([]);
    const right = await stranger.request('POST', '/api/invitations/accept', {
      code: created.body.code,
      password: 'zerodock-demo',
    });
    expect(right.status).toBe(200);
    expect(await server.services.store.repositories.memberships.rolesOf(teacherId, collegeB)).toEqual(['teacher']);
  });

  it('shows a signed-in person their invitations to accept or decline, and nobody else’s', async () => {
    await invite(collegeAdmin, collegeA, {
      email: 'student@demo.zerodock.local',
      displayName: 'x',
      roles: ['teacher'],
    });
    const enterpriseAdmin = new ApiClient(server.baseUrl);
    await enterpriseAdmin.login('enterprise-admin@demo.zerodock.local');
    await invite(enterpriseAdmin, manufacturer, {
      email: 'student@demo.zerodock.local',
      displayName: 'x',
      roles: ['enterprise_engineer'],
    });
    const student = new ApiClient(server.baseUrl);
    const session = await student.login('student@demo.zerodock.local');
    expect((session.body as unknown as { pendingInvitations: number }).pendingInvitations).toBe(2);
    const mine = await student.request<{ items: { id: string; organisationId: string }[] }>(
      'GET',
      '/api/auth/invitations',
    );
    expect(mine.body.items).toHaveLength(2);
    const toCollege = mine.body.items.find((item) => item.organisationId === collegeA)!;
    const toEnterprise = mine.body.items.find((item) => item.organisationId === manufacturer)!;

    const other = new ApiClient(server.baseUrl);
    await other.login('teacher@demo.zerodock.local');
    const hijack = await other.request<ErrorResponse>('POST', `/api/auth/invitations/${toCollege.id}/accept`);
    expect(hijack.body.error.code).toBe('INVITATION_NOT_FOUND');

    expect((await student.request('POST', `/api/auth/invitations/${toCollege.id}/accept`)).status).toBe(200);
    expect((await student.request('POST', `/api/auth/invitations/${toEnterprise.id}/decline`)).status).toBe(200);
    const studentId = await personId('student@demo.zerodock.local');
    expect((await server.services.store.repositories.memberships.rolesOf(studentId, collegeA)).sort()).toEqual([
      'student',
      'teacher',
    ]);
    expect(await server.services.store.repositories.memberships.rolesOf(studentId, manufacturer)).toEqual([]);
    const after = await student.request<{ pendingInvitations: number }>('GET', '/api/auth/session');
    expect(after.body.pendingInvitations).toBe(0);
  });

  it('withdraws an invitation, after which its code is worthless', async () => {
    const created = await invite(collegeAdmin, collegeA, {
      email: 'late@a.edu.cn',
      displayName: 'x',
      roles: ['student'],
    });
    const list = await collegeAdmin.request<{ items: { id: string; status: string }[] }>(
      'GET',
      `/api/organisations/${collegeA}/invitations`,
    );
    expect(list.body.items.find((item) => item.id === created.body.invitation.id)?.status).toBe('pending');
    const revoked = await collegeAdmin.request(
      'DELETE',
      `/api/organisations/${collegeA}/invitations/${created.body.invitation.id}`,
    );
    expect(revoked.status).toBe(200);
    const preview = await new ApiClient(server.baseUrl).request<ErrorResponse>('POST', '/api/invitations/preview', {
      code: created.body.code,
    });
    expect(preview.body.error.code).toBe('INVITATION_NOT_FOUND');
  });

  it('refuses roles the organisation cannot hold and every change of one’s own roles, and records it', async () => {
    const wrongRole = await invite(collegeAdmin, collegeA, {
      email: 'x1@a.edu.cn',
      displayName: 'x',
      roles: ['committee_member'],
    });
    expect(wrongRole.status).toBe(400);
    expect(wrongRole.body.error.code).toBe('ROLE_NOT_ALLOWED_FOR_ORGANISATION');
    const selfInvite = await invite(collegeAdmin, collegeA, {
      email: 'college-admin@demo.zerodock.local',
      displayName: 'me',
      roles: ['group_director'],
    });
    expect(selfInvite.body.error.code).toBe('CANNOT_CHANGE_OWN_ROLES');
    const selfId = await personId('college-admin@demo.zerodock.local');
    const selfRoles = await collegeAdmin.request<ErrorResponse>(
      'PUT',
      `/api/organisations/${collegeA}/members/${selfId}/roles`,
      { roles: ['college_admin', 'group_director'] },
    );
    expect(selfRoles.status).toBe(403);
    expect(selfRoles.body.error.code).toBe('CANNOT_CHANGE_OWN_ROLES');
    const log = await server.services.store.repositories.auditEvents.list({
      organisationId: collegeA,
      action: 'access.denied',
      limit: 20,
      offset: 0,
    });
    expect(log.items.map((event) => event.details.refused)).toEqual(
      expect.arrayContaining(['ROLE_NOT_ALLOWED_FOR_ORGANISATION', 'CANNOT_CHANGE_OWN_ROLES']),
    );
  });

  it('changes a member’s roles within what the admin may grant', async () => {
    const teacherId = await personId('teacher01.college-a@demo.zerodock.local');
    const promoted = await collegeAdmin.request<{ roles: string[] }>(
      'PUT',
      `/api/organisations/${collegeA}/members/${teacherId}/roles`,
      { roles: ['teacher', 'group_director'] },
    );
    expect(promoted.status).toBe(200);
    expect(promoted.body.roles).toEqual(['group_director', 'teacher']);
    const seat = await collegeAdmin.request<ErrorResponse>(
      'PUT',
      `/api/organisations/${collegeA}/members/${teacherId}/roles`,
      { roles: ['teacher', 'committee_member'] },
    );
    expect(seat.body.error.code).toBe('ROLE_NOT_ALLOWED_FOR_ORGANISATION');
    const grantable = await collegeAdmin.request<{ roles: string[] }>(
      'GET',
      `/api/organisations/${collegeA}/grantable-roles`,
    );
    expect(grantable.body.roles.sort()).toEqual(['college_admin', 'group_director', 'student', 'teacher']);
  });

  it('removes a member from this organisation only: their session goes on elsewhere, without this one', async () => {
    const engineer = new ApiClient(server.baseUrl);
    expect((await engineer.login('engineer@demo.zerodock.local')).status).toBe(200);
    const engineerId = await personId('engineer@demo.zerodock.local');
    const removed = await collegeAdmin.request('DELETE', `/api/organisations/${collegeA}/members/${engineerId}`);
    expect(removed.status).toBe(200);
    const session = await engineer.request<{ memberships: { organisationId: string }[] }>('GET', '/api/auth/session');
    expect(session.status).toBe(200);
    expect(session.body.memberships.map((membership) => membership.organisationId)).not.toContain(collegeA);
    expect(session.body.memberships).toHaveLength(1);
    const again = await collegeAdmin.request<ErrorResponse>(
      'DELETE',
      `/api/organisations/${collegeA}/members/${engineerId}`,
    );
    expect(again.body.error.code).toBe('PERSON_NOT_FOUND');

    const selfId = await personId('college-admin@demo.zerodock.local');
    const self = await collegeAdmin.request<ErrorResponse>(
      'DELETE',
      `/api/organisations/${collegeA}/members/${selfId}`,
    );
    expect(self.body.error.code).toBe('CANNOT_REMOVE_SELF');
  });

  it('audits member changes and shows an organisation admin only their organisation’s log', async () => {
    const log = await collegeAdmin.request<{ items: { action: string; organisationId: string | null }[] }>(
      'GET',
      '/api/audit-events?limit=100',
    );
    expect(log.status).toBe(200);
    expect(log.body.items.map((event) => event.action)).toEqual(
      expect.arrayContaining(['member.invited', 'invitation.accepted', 'member.roles_changed', 'member.removed']),
    );
    expect(log.body.items.every((event) => event.organisationId === collegeA)).toBe(true);
    // Ids in the details come with names (a member of this college), not as bare UUIDs.
    const named = await collegeAdmin.request<{
      items: { action: string; details: Record<string, unknown> }[];
      names: Record<string, { zh: string; en: string }>;
    }>('GET', '/api/audit-events?limit=100&action=member.roles_changed');
    const personId = named.body.items[0]!.details.personId as string;
    expect(named.body.names[personId]?.zh).toBeTruthy();
    const foreign = await collegeAdmin.request('GET', `/api/audit-events?organisationId=${collegeB}`);
    expect(foreign.status).toBe(403);
  });
});
