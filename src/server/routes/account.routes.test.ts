import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailTransport } from '../../services/mail-transport.js';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, startTestServer, type ApiResponse, type TestServer } from '../test-server.js';

/**
 * Accounts over their life, through the real server: sign-in by 学号, reset and activation codes, the forced new
 * password, alumni, disabling, sessions and one's own data — and the attacks on them (another organisation's
 * people, oneself, used, expired, voided and other people's codes, guessing codes).
 */
const PASSWORD = 'a long enough password';
const NEW_PASSWORD = 'another long password';
type ErrorBody = { error: { code: string } };

let server: TestServer;
let collegeA = '';
let collegeB = '';
let admin: ApiClient;
let sequence = 0;

async function organisationId(nameZhOfKey: string): Promise<string> {
  const key = server.dataset.organisations.find((organisation) => organisation.key === nameZhOfKey)!;
  const page = await server.services.store.repositories.organisations.list({ limit: 100, offset: 0 });
  return page.items.find((item) => item.nameZh === key.nameZh)!.id;
}

async function addClass(organisation: string, name = `软件2501-${(sequence += 1)}`): Promise<string> {
  const row = await server.database.db
    .insertInto('classes')
    .values({
      organisation_id: organisation,
      name,
      specialty_code: '510203',
      specialty_name: '软件技术',
      cohort_year: 2025,
      duration_years: 3,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A student as a roster import makes them: a 学号, a member of the college, a roster entry in a class. */
async function addStudent(
  organisation: string,
  classId: string,
  options: { password?: string | null; email?: string | null; mustChange?: boolean } = {},
) {
  sequence += 1;
  const loginId = `2025${String(sequence).padStart(6, '0')}`;
  const repositories = server.services.store.repositories;
  const password = options.password === undefined ? PASSWORD : options.password;
  const person = await repositories.people.create(
    {
      email: options.email ?? null,
      loginId,
      displayName: `学生${sequence}`,
      passwordHash: password ? await server.services.passwords.hash(password) : null,
      mustChangePassword: options.mustChange ?? false,
    },
    new Date(),
  );
  await repositories.memberships.grant(person.id, organisation, ['student']);
  await server.database.db
    .insertInto('roster_entries')
    .values({
      organisation_id: organisation,
      external_id: loginId,
      kind: 'student',
      person_id: person.id,
      name: `学生${sequence}`,
      class_id: classId,
      phone: '13800138000',
    })
    .execute();
  return { id: person.id, loginId };
}

async function signIn(login: string, password = PASSWORD): Promise<ApiClient> {
  const client = new ApiClient(server.baseUrl);
  const response = await client.request<{ csrfToken: string }>('POST', '/api/auth/login', { login, password });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  client.csrfToken = response.body.csrfToken;
  return client;
}

async function redeem(client: ApiClient, login: string, code: string, newPassword = NEW_PASSWORD) {
  const response = await client.request<ErrorBody & { csrfToken: string }>('POST', '/api/auth/redeem-code', {
    login,
    code,
    newPassword,
  });
  if (response.status === 200) client.csrfToken = response.body.csrfToken;
  return response;
}

function codeOf(response: ApiResponse): string {
  return (response.body as { code: string }).code;
}

async function auditActions(personId: string): Promise<string[]> {
  const rows = await server.database.db
    .selectFrom('audit_events')
    .select('action')
    .where((where) =>
      where.or([
        where('actor_person_id', '=', personId),
        where(where.ref('details'), '@>', JSON.stringify({ personId }) as never),
      ]),
    )
    .execute();
  return rows.map((row) => row.action);
}

const account = (organisation: string, personId: string, action = '') =>
  `/api/organisations/${organisation}/accounts/${personId}${action ? `/${action}` : ''}`;

beforeAll(async () => {
  server = await startTestServer();
  collegeA = await organisationId('college-a');
  collegeB = await organisationId('college-b');
  admin = new ApiClient(server.baseUrl);
  expect((await admin.login('college-admin@demo.zerodock.local')).status).toBe(200);
});
afterAll(async () => {
  await server?.close();
});

describe(`accounts on ${testBackend()}`, () => {
  it('signs in with the 学号 or the e-mail, the old { email } form included, and records how', async () => {
    const classId = await addClass(collegeA);
    const email = `s${sequence}@stu.example.cn`;
    const student = await addStudent(collegeA, classId, { email });
    const byNumber = await signIn(student.loginId);
    const sessions = await byNumber.request<{ items: { method: string; current: boolean }[] }>(
      'GET',
      '/api/auth/sessions',
    );
    expect(sessions.body.items).toEqual([expect.objectContaining({ method: 'password', current: true })]);
    await signIn(email);
    const legacy = new ApiClient(server.baseUrl);
    expect((await legacy.request('POST', '/api/auth/login', { email: email, password: PASSWORD })).status).toBe(200);

    const both = await legacy.request<ErrorBody>('POST', '/api/auth/login', {
      login: student.loginId,
      email: email,
      password: PASSWORD,
    });
    expect(both.status).toBe(400);
    const unknown = await legacy.request<ErrorBody>('POST', '/api/auth/login', {
      login: '2099999999',
      password: PASSWORD,
    });
    const wrong = await legacy.request<ErrorBody>('POST', '/api/auth/login', {
      login: student.loginId,
      password: 'wrong password!',
    });
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('issues a reset code shown once to the admin; redeeming sets the password, ends old sessions, signs in', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId);
    const before = await signIn(student.loginId);

    const issued = await admin.request<{ code: string; delivered: string; expiresAt: string }>(
      'POST',
      account(collegeA, student.id, 'reset-code'),
    );
    expect(issued.status).toBe(200);
    expect(issued.body.delivered).toBe('shown');
    expect(issued.body.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const hours = (new Date(issued.body.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // Only the hash is stored.
    const stored = await server.database.db
      .selectFrom('password_resets')
      .selectAll()
      .where('person_id', '=', student.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(issued.body.code.replace('-', ''));

    const fresh = new ApiClient(server.baseUrl);
    const weak = await redeem(fresh, student.loginId, issued.body.code, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('PASSWORD_TOO_WEAK');
    // Typed in lower case without the dash, it still matches.
    const redeemed = await redeem(fresh, student.loginId, issued.body.code.toLowerCase().replace('-', ''));
    expect(redeemed.status).toBe(200);
    expect((await before.request('GET', '/api/auth/session')).status).toBe(401);
    const sessions = await fresh.request<{ items: { method: string }[] }>('GET', '/api/auth/sessions');
    expect(sessions.body.items.map((item) => item.method)).toEqual(['reset_code']);
    await signIn(student.loginId, NEW_PASSWORD);

    const again = await redeem(
      new ApiClient(server.baseUrl),
      student.loginId,
      issued.body.code,
      'yet another password',
    );
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('RESET_CODE_INVALID');
    expect(await auditActions(student.id)).toEqual(
      expect.arrayContaining(['reset_code.issued', 'reset_code.redeemed', 'reset_code.failed']),
    );
  });

  it('refuses a wrong code, a voided one, another person’s and an unknown person with one same answer', async () => {
    const classId = await addClass(collegeA);
    const first = await addStudent(collegeA, classId);
    const second = await addStudent(collegeA, classId);
    const voided = codeOf(await admin.request('POST', account(collegeA, first.id, 'reset-code')));
    const current = codeOf(await admin.request('POST', account(collegeA, first.id, 'reset-code')));
    const secondCode = codeOf(await admin.request('POST', account(collegeA, second.id, 'reset-code')));
    const client = new ApiClient(server.baseUrl);
    const answers = [
      await redeem(client, first.loginId, voided),
      await redeem(client, first.loginId, 'ZZZZZ-ZZZZZ'),
      await redeem(client, first.loginId, secondCode),
      await redeem(client, '2099999998', current),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual(answers[0]!.body);
      expect(answer.body.error.code).toBe('RESET_CODE_INVALID');
    }
    // The refusals used nothing: both current codes still work.
    expect((await redeem(new ApiClient(server.baseUrl), first.loginId, current)).status).toBe(200);
    expect((await redeem(new ApiClient(server.baseUrl), second.loginId, secondCode)).status).toBe(200);
  });

  it('while a password must be changed, refuses everything but the session, sign-out, locale and the new password', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId, { mustChange: true });
    const client = await signIn(student.loginId);
    const session = await client.request<{
      person: { mustChangePassword: boolean };
      capabilities: { anywhere: string[]; organisations: Record<string, string[]> };
    }>('GET', '/api/auth/session');
    expect(session.body.person.mustChangePassword).toBe(true);
    expect(session.body.capabilities.anywhere.sort()).toEqual(
      [
        'GET /api/auth/session',
        'POST /api/auth/forced-password',
        'POST /api/auth/logout',
        'PUT /api/auth/locale',
      ].sort(),
    );
    expect(session.body.capabilities.organisations[collegeA]).toEqual([]);
    for (const [method, path, body] of [
      ['GET', '/api/dashboard', undefined],
      ['GET', `/api/organisations/${collegeA}/course-systems`, undefined],
      ['POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }],
      ['GET', '/api/auth/my-data', undefined],
    ] as const) {
      const refused = await client.request<ErrorBody>(method, path, body);
      expect(refused.status, path).toBe(403);
      expect(refused.body.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    }
    expect((await client.request('PUT', '/api/auth/locale', { locale: 'en' })).status).toBe(200);
    const same = await client.request<ErrorBody>('POST', '/api/auth/forced-password', { newPassword: PASSWORD });
    expect(same.body.error.code).toBe('PASSWORD_UNCHANGED');
    const changed = await client.request<{ person: { mustChangePassword: boolean } }>(
      'POST',
      '/api/auth/forced-password',
      {
        newPassword: NEW_PASSWORD,
      },
    );
    expect(changed.status).toBe(200);
    expect(changed.body.person.mustChangePassword).toBe(false);
    expect((await client.request('GET', '/api/dashboard')).status).toBe(200);
    const notRequired = await client.request<ErrorBody>('POST', '/api/auth/forced-password', {
      newPassword: 'a third long password',
    });
    expect(notRequired.status).toBe(409);
  });

  it('shows an account to its organisation’s admins only, and never lets them act on themselves', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId);
    const view = await admin.request<{ loginId: string; left: boolean; otherOrganisations: number }>(
      'GET',
      account(collegeA, student.id),
    );
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ loginId: student.loginId, left: false, otherOrganisations: 0 });

    const collegeBAdmin = new ApiClient(server.baseUrl);
    await collegeBAdmin.login('college-b-admin@demo.zerodock.local');
    // Through its own organisation the person is not found; through college A the route is not theirs.
    for (const action of ['', 'disable', 'reset-code', 'end-sessions', 'leave']) {
      const own = await collegeBAdmin.request(action ? 'POST' : 'GET', account(collegeB, student.id, action));
      expect(own.status, action).toBe(404);
      const other = await collegeBAdmin.request(action ? 'POST' : 'GET', account(collegeA, student.id, action));
      expect(other.status, action).toBe(403);
    }
    const self = (
      await admin.request<{ personId: string }[]>('GET', `/api/organisations/${collegeA}/members?search=college-admin`)
    ).body;
    expect(self).toBeDefined();
    const me = await server.services.store.repositories.people.findByEmail('college-admin@demo.zerodock.local');
    for (const action of ['disable', 'reset-code', 'end-sessions']) {
      const refused = await admin.request<ErrorBody>('POST', account(collegeA, me!.id, action));
      expect(refused.status, action).toBe(400);
      expect(refused.body.error.code).toBe('CANNOT_REMOVE_SELF');
    }
    // A teacher who is also an enterprise engineer: a code would sign in as them at the enterprise too.
    const engineer = await server.services.store.repositories.people.findByEmail('engineer@demo.zerodock.local');
    for (const action of ['disable', 'reset-code']) {
      const shared = await admin.request<ErrorBody>('POST', account(collegeA, engineer!.id, action));
      expect(shared.status, action).toBe(409);
      expect(shared.body.error.code).toBe('ACCOUNT_SHARED');
    }
  });

  it('disables at once (cached sessions included) and enables again', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId);
    const client = await signIn(student.loginId);
    expect((await client.request('GET', '/api/dashboard')).status).toBe(200);
    const disabled = await admin.request<{ disabled: boolean }>('POST', account(collegeA, student.id, 'disable'));
    expect(disabled.body.disabled).toBe(true);
    expect((await client.request('GET', '/api/dashboard')).status).toBe(401);
    const refused = await new ApiClient(server.baseUrl).request('POST', '/api/auth/login', {
      login: student.loginId,
      password: PASSWORD,
    });
    expect(refused.status).toBe(401);
    expect(
      (await admin.request<{ disabled: boolean }>('POST', account(collegeA, student.id, 'enable'))).body.disabled,
    ).toBe(false);
    await signIn(student.loginId);
    expect(await auditActions(student.id)).toEqual(expect.arrayContaining(['account.disabled', 'account.enabled']));
  });

  it('makes a person who left read-only in that organisation, and writable again on return', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId);
    const client = await signIn(student.loginId);
    const write = () =>
      client.request<ErrorBody>('POST', `/api/organisations/${collegeA}/course-systems/${randomUUID()}/pathway`, {
        post: 'ito-industrial-software-testing',
      });
    expect((await write()).status).toBe(404);
    const left = await admin.request<{ left: boolean }>('POST', account(collegeA, student.id, 'leave'));
    expect(left.body.left).toBe(true);
    const refused = await write();
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('ACCOUNT_LEFT');
    expect((await client.request('GET', `/api/organisations/${collegeA}/course-systems`)).status).toBe(200);
    const session = await client.request<{
      memberships: { left: boolean }[];
      capabilities: { organisations: Record<string, string[]> };
    }>('GET', '/api/auth/session');
    expect(session.body.memberships[0]!.left).toBe(true);
    expect(session.body.capabilities.organisations[collegeA]!.every((key) => key.startsWith('GET '))).toBe(true);
    const roster = await server.database.db
      .selectFrom('roster_entries')
      .selectAll()
      .where('person_id', '=', student.id)
      .executeTakeFirstOrThrow();
    expect(roster.status).toBe('left');
    expect(roster.left_at).not.toBeNull();

    expect((await admin.request<{ left: boolean }>('POST', account(collegeA, student.id, 'return'))).body.left).toBe(
      false,
    );
    expect((await write()).status).toBe(404);

    // A member who was never on the roster has no leaving to record: removed instead.
    const teacher = await server.services.store.repositories.people.findByEmail(
      'teacher01.college-a@demo.zerodock.local',
    );
    const notOnRoster = await admin.request<ErrorBody>('POST', account(collegeA, teacher!.id, 'leave'));
    expect(notOnRoster.status).toBe(409);
    expect(notOnRoster.body.error.code).toBe('NOT_ON_ROSTER');
  });

  it('signs a person out everywhere at the admin’s request', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId);
    const first = await signIn(student.loginId);
    const second = await signIn(student.loginId);
    const ended = await admin.request<{ ended: number }>('POST', account(collegeA, student.id, 'end-sessions'));
    expect(ended.body.ended).toBe(2);
    expect((await first.request('GET', '/api/auth/session')).status).toBe(401);
    expect((await second.request('GET', '/api/auth/session')).status).toBe(401);
  });

  it('lists one’s own sessions, ends one or all others, and never another person’s', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId);
    const other = await addStudent(collegeA, classId);
    const here = await signIn(student.loginId);
    const phone = await signIn(student.loginId);
    const laptop = await signIn(student.loginId);
    const stranger = await signIn(other.loginId);
    const list = await here.request<{ items: { id: string; current: boolean }[] }>('GET', '/api/auth/sessions');
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((item) => item.current)).toHaveLength(1);
    const phoneId = (
      await phone.request<{ items: { id: string; current: boolean }[] }>('GET', '/api/auth/sessions')
    ).body.items.find((item) => item.current)!.id;
    const notYours = await stranger.request<ErrorBody>('DELETE', `/api/auth/sessions/${phoneId}`);
    expect(notYours.status).toBe(404);
    expect((await phone.request('GET', '/api/auth/session')).status).toBe(200);
    expect((await here.request('DELETE', `/api/auth/sessions/${phoneId}`)).status).toBe(200);
    expect((await phone.request('GET', '/api/auth/session')).status).toBe(401);
    const others = await here.request<{ ended: number }>('POST', '/api/auth/sessions/end-others');
    expect(others.body.ended).toBe(1);
    expect((await laptop.request('GET', '/api/auth/session')).status).toBe(401);
    expect((await here.request('GET', '/api/auth/session')).status).toBe(200);
    expect((await stranger.request('GET', '/api/auth/session')).status).toBe(200);
  });

  it('shows a person everything stored about them, and records that they looked', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId);
    const client = await signIn(student.loginId);
    const data = await client.request<{
      person: { loginId: string };
      memberships: { roles: string[] }[];
      rosterEntries: { externalId: string; fields: Record<string, string | null>; status: string }[];
      sessions: number;
      auditEvents: { action: string }[];
    }>('GET', '/api/auth/my-data');
    expect(data.status).toBe(200);
    expect(data.body.person.loginId).toBe(student.loginId);
    expect(data.body.memberships[0]!.roles).toEqual(['student']);
    expect(data.body.rosterEntries[0]).toMatchObject({ externalId: student.loginId, status: 'active' });
    expect(data.body.rosterEntries[0]!.fields.phone).toBe('13800138000');
    expect(data.body.sessions).toBe(1);
    expect(data.body.auditEvents.map((event) => event.action)).toEqual(
      expect.arrayContaining(['personal_data.viewed', 'login.succeeded']),
    );
  });

  it('exports activation codes for a class as XLSX or CSV, audited; each code works once', async () => {
    const classId = await addClass(collegeA, '软件2501');
    const withPassword = await addStudent(collegeA, classId);
    const first = await addStudent(collegeA, classId, { password: null });
    const second = await addStudent(collegeA, classId, { password: null });
    const response = await fetch(
      `${server.baseUrl}/api/organisations/${collegeA}/classes/${classId}/activation-codes`,
      {
        method: 'POST',
        headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken!, 'content-type': 'application/json' },
        body: JSON.stringify({}),
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1).map(String));
    expect(rows[0]).toEqual(['学号', '姓名', '班级', '激活码', '有效期至']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([first.loginId, second.loginId]);
    expect(rows.slice(1).every((row) => row[2] === '软件2501')).toBe(true);
    expect(rows.map((row) => row[0])).not.toContain(withPassword.loginId);

    const csv = await admin.request<string>(
      'POST',
      `/api/organisations/${collegeA}/classes/${classId}/activation-codes`,
      {
        onlyWithoutPassword: false,
        format: 'csv',
      },
    );
    expect(csv.status).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(4);
    // The CSV's codes voided the XLSX's; they work once each.
    const firstCode = lines
      .find((line) => line.includes(first.loginId))!
      .split(',')[3]!
      .replace(/"/g, '');
    const xlsxCode = rows.find((row) => row[0] === first.loginId)![3]!;
    expect((await redeem(new ApiClient(server.baseUrl), first.loginId, xlsxCode)).status).toBe(400);
    expect((await redeem(new ApiClient(server.baseUrl), first.loginId, firstCode)).status).toBe(200);

    const events = await server.database.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('action', '=', 'activation_codes.exported')
      .where('organisation_id', '=', collegeA)
      .execute();
    expect(events.map((event) => event.details.count)).toEqual([2, 3]);

    const otherClass = await addClass(collegeB);
    const foreign = await admin.request<ErrorBody>(
      'POST',
      `/api/organisations/${collegeA}/classes/${otherClass}/activation-codes`,
      {},
    );
    expect(foreign.status).toBe(404);
  });

  it('refuses an expired code', async () => {
    const classId = await addClass(collegeA);
    const student = await addStudent(collegeA, classId);
    const code = codeOf(await admin.request('POST', account(collegeA, student.id, 'reset-code')));
    server.advanceClock(72 * 60 * 60 * 1000 + 1000);
    const expired = await redeem(new ApiClient(server.baseUrl), student.loginId, code);
    expect(expired.status).toBe(400);
    expect(expired.body.error.code).toBe('RESET_CODE_INVALID');
  });
});

describe(`reset codes by mail and guessing on ${testBackend()}`, () => {
  let mailServer: TestServer;
  let smtp: SMTPServer;
  const received: { to: string; text: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let text = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (text += chunk));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((address) => address.address).join(','), text });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const address = smtp.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    mailServer = await startTestServer({
      loginRateLimit: 3,
      mail: createSmtpMailTransport({ url: `smtp://127.0.0.1:${port}`, from: 'Zerodock <no-reply@test.local>' }),
    });
  });
  afterAll(async () => {
    await mailServer?.close();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('mails the code to a person with an e-mail (not shown to the admin); it redeems', async () => {
    const repositories = mailServer.services.store.repositories;
    const person = await repositories.people.findByEmail('student01.college-a@demo.zerodock.local');
    const organisation = (await repositories.memberships.listForPerson(person!.id))[0]!.organisationId;
    const collegeAdmin = new ApiClient(mailServer.baseUrl);
    await collegeAdmin.login('college-admin@demo.zerodock.local');
    const issued = await collegeAdmin.request<{ code: string | null; delivered: string }>(
      'POST',
      `/api/organisations/${organisation}/accounts/${person!.id}/reset-code`,
    );
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ code: null, delivered: 'email' });
    expect(received).toHaveLength(1);
    expect(received[0]!.to).toBe('student01.college-a@demo.zerodock.local');
    const code = /([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(received[0]!.text)?.[1];
    expect(code).toBeDefined();
    const client = new ApiClient(mailServer.baseUrl);
    const redeemed = await client.request('POST', '/api/auth/redeem-code', {
      login: 'student01.college-a@demo.zerodock.local',
      code,
      newPassword: NEW_PASSWORD,
    });
    expect(redeemed.status).toBe(200);
  });

  it('rate-limits guessing codes per client and account, like sign-in', async () => {
    const client = new ApiClient(mailServer.baseUrl);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await client.request('POST', '/api/auth/redeem-code', {
        login: 'student02.college-a@demo.zerodock.local',
        code: `AAAAA-AAAA${attempt}`,
        newPassword: NEW_PASSWORD,
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});
