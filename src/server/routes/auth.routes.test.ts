import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_IDLE_MS } from '../../services/auth-service.js';
import { testBackend } from '../../storage/test-database.js';
import { ApiClient, DEMO_PASSWORD, startTestServer, type TestServer } from '../test-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ loginRateLimit: 5 });
});
afterAll(async () => {
  await server?.close();
});

type ErrorResponse = { error: { code: string; message: string; details: Record<string, unknown> } };

describe(`auth over HTTP on ${testBackend()}`, () => {
  it('signs in with an httpOnly SameSite cookie and never sends the password hash', async () => {
    const client = new ApiClient(server.baseUrl);
    const response = await client.login('director@demo.zerodock.local');
    expect(response.status).toBe(200);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/zd_session=[A-Za-z0-9_-]{43}/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(JSON.stringify(response.body)).not.toMatch(/argon2|passwordHash|password_hash/i);
    expect(response.body).not.toHaveProperty('person.passwordHash');
    const session = await client.request<{ person: { email: string }; memberships: unknown[] }>(
      'GET',
      '/api/auth/session',
    );
    expect(session.status).toBe(200);
    expect(session.body.person.email).toBe('director@demo.zerodock.local');
  });

  it('refuses a wrong password and an unknown e-mail alike, and audits both', async () => {
    const client = new ApiClient(server.baseUrl);
    const wrong = await client.login('teacher@demo.zerodock.local', 'not the password');
    const unknown = await client.login('nobody@demo.zerodock.local', 'not the password');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect((response.body as unknown as ErrorResponse).error.code).toBe('INVALID_CREDENTIALS');
    }
    const events = await server.services.store.repositories.auditEvents.list({
      action: 'login.failed',
      limit: 10,
      offset: 0,
    });
    expect(events.items.map((event) => event.actorEmail)).toEqual(
      expect.arrayContaining(['teacher@demo.zerodock.local', 'nobody@demo.zerodock.local']),
    );
  });

  it('rate-limits login attempts per client and account with 429 and Retry-After', async () => {
    const client = new ApiClient(server.baseUrl);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      statuses.push((await client.login('student@demo.zerodock.local', 'guessing-password')).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await client.login('student@demo.zerodock.local', DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect((limited.body as unknown as ErrorResponse).error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const audited = await server.services.store.repositories.auditEvents.list({
      action: 'login.rate_limited',
      limit: 50,
      offset: 0,
    });
    expect(audited.items.filter((event) => event.actorEmail === 'student@demo.zerodock.local')).toHaveLength(1);
    // Another account from the same client is not locked out.
    expect((await client.login('officer@demo.zerodock.local')).status).toBe(200);
  });

  it('answers 401 to anonymous calls of protected routes', async () => {
    const client = new ApiClient(server.baseUrl);
    const response = await client.request<ErrorResponse>('GET', '/api/organisations');
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('NOT_AUTHENTICATED');
    const forged = await client.request<ErrorResponse>('GET', '/api/dashboard', undefined, {
      headers: { cookie: 'zd_session=forged-token' },
    });
    expect(forged.status).toBe(401);
  });

  it('refuses mutations without the CSRF token, or with another session’s token', async () => {
    const client = new ApiClient(server.baseUrl);
    await client.login('college-admin@demo.zerodock.local');
    const other = new ApiClient(server.baseUrl);
    await other.login('teacher@demo.zerodock.local');
    const missing = await client.request<ErrorResponse>('PUT', '/api/auth/locale', { locale: 'en' }, { csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const foreign = await client.request<ErrorResponse>(
      'PUT',
      '/api/auth/locale',
      { locale: 'en' },
      {
        csrf: false,
        headers: { 'x-csrf-token': other.csrfToken ?? '' },
      },
    );
    expect(foreign.status).toBe(403);
    const good = await client.request<{ person: { locale: string } }>('PUT', '/api/auth/locale', { locale: 'en' });
    expect(good.status).toBe(200);
    expect(good.body.person.locale).toBe('en');
  });

  it('expires idle sessions with SESSION_EXPIRED', async () => {
    const client = new ApiClient(server.baseUrl);
    await client.login('engineer@demo.zerodock.local');
    server.advanceClock(SESSION_IDLE_MS + 1000);
    try {
      const response = await client.request<ErrorResponse>('GET', '/api/auth/session');
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('SESSION_EXPIRED');
      const again = await client.request<ErrorResponse>('GET', '/api/auth/session');
      expect(again.body.error.code).toBe('NOT_AUTHENTICATED');
    } finally {
      server.advanceClock(-(SESSION_IDLE_MS + 1000));
    }
  });

  it('logs out: the cookie is cleared and the session is gone server-side', async () => {
    const client = new ApiClient(server.baseUrl);
    await client.login('committee@demo.zerodock.local');
    const cookie = client.cookie;
    expect((await client.request('POST', '/api/auth/logout')).status).toBe(200);
    const replay = new ApiClient(server.baseUrl);
    replay.cookie = cookie;
    expect((await replay.request('GET', '/api/auth/session')).status).toBe(401);
  });

  it('changes the password: policy enforced, other sessions ended, new password works', async () => {
    const phone = new ApiClient(server.baseUrl);
    await phone.login('college-b-admin@demo.zerodock.local');
    const laptop = new ApiClient(server.baseUrl);
    await laptop.login('college-b-admin@demo.zerodock.local');

    const weak = await laptop.request<ErrorResponse>('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
      details: { field: 'newPassword', rule: 'min_length' },
    });
    const wrongCurrent = await laptop.request<ErrorResponse>('POST', '/api/auth/password', {
      currentPassword: 'not-it-at-all',
      newPassword: '新的密码很长很安全2026',
    });
    expect(wrongCurrent.status).toBe(401);

    const changed = await laptop.request('POST', '/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: '新的密码很长很安全2026',
    });
    expect(changed.status).toBe(200);
    expect((await laptop.request('GET', '/api/auth/session')).status).toBe(200);
    expect((await phone.request('GET', '/api/auth/session')).status).toBe(401);
    expect((await new ApiClient(server.baseUrl).login('college-b-admin@demo.zerodock.local')).status).toBe(401);
    expect(
      (await new ApiClient(server.baseUrl).login('college-b-admin@demo.zerodock.local', '新的密码很长很安全2026'))
        .status,
    ).toBe(200);
  });

  it('switches the active organisation only to one the person belongs to', async () => {
    const client = new ApiClient(server.baseUrl);
    const login = await client.login('engineer@demo.zerodock.local');
    const memberships = login.body.memberships;
    expect(memberships).toHaveLength(2);
    const target = memberships.find((membership) => membership.organisationId !== login.body.activeOrganisationId);
    const switched = await client.request<{ activeOrganisationId: string }>('PUT', '/api/auth/active-organisation', {
      organisationId: target?.organisationId,
    });
    expect(switched.body.activeOrganisationId).toBe(target?.organisationId);
    const dashboard = await client.request<{ roles: string[] }>('GET', '/api/dashboard');
    expect(dashboard.body.roles).toEqual(target?.roles);

    const organisations = await client.request<{ items: { id: string }[] }>('GET', '/api/organisations?limit=100');
    const foreign = organisations.body.items.find((item) => !memberships.some((m) => m.organisationId === item.id));
    const refused = await client.request<ErrorResponse>('PUT', '/api/auth/active-organisation', {
      organisationId: foreign?.id,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('NOT_A_MEMBER');
  });

  it('lists the demo accounts for the login page', async () => {
    const response = await new ApiClient(server.baseUrl).request<{ password: string; accounts: { email: string }[] }>(
      'GET',
      '/api/auth/demo-accounts',
    );
    expect(response.body.password).toBe(DEMO_PASSWORD);
    expect(response.body.accounts.length).toBeGreaterThanOrEqual(9);
  });
  // Last: it uses up this client's allowance for a minute.
  it('limits one client spraying many accounts, per IP', async () => {
    const client = new ApiClient(server.baseUrl);
    const statuses: number[] = [];
    // 5 per account and 50 per IP a minute in this server; earlier tests used some of the IP's allowance.
    for (let attempt = 0; attempt < 60; attempt += 1) {
      statuses.push((await client.login(`spray${attempt}@demo.zerodock.local`, 'guessing-password')).status);
    }
    expect(statuses).toContain(401);
    expect(statuses.at(-1)).toBe(429);
  });
});
