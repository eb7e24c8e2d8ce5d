import { createServer } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedFetch } from '../../services/sso/bounded-fetch.js';
import { testBackend } from '../../storage/test-database.js';
import { loadConfig } from '../config.js';
import { startTestCasServer, type TestCasServer } from '../test-cas-server.js';
import { startTestOidcProvider, type TestOidcProvider } from '../test-oidc-provider.js';
import { ApiClient, startTestServer, type TestServer } from '../test-server.js';
import { SsoBrowser } from '../test-sso-browser.js';

type ErrorResponse = { error: { code: string; details: Record<string, unknown> } };
type ProviderView = {
  organisationId: string;
  displayName: string;
  enabled: boolean;
  matchBy: string;
  config: Record<string, unknown>;
  callbackUrl: string;
};

const OIDC_SECRET = 'test-client-secret-0123456789';

let server: TestServer;
let cas: TestCasServer;
let oidc: TestOidcProvider;
let userInfoOidc: TestOidcProvider;
let collegeAdmin: ApiClient;
let collegeBAdmin: ApiClient;
let enterpriseAdmin: ApiClient;
let collegeA: string;
let collegeB: string;
let manufacturer: string;
const people: Record<string, string> = {};

function callbackOf(organisationId: string): string {
  return `${server.baseUrl}/api/auth/sso/${organisationId}/callback`;
}

function startUrl(organisationId: string, returnTo?: string): string {
  const query = returnTo === undefined ? '' : `?returnTo=${encodeURIComponent(returnTo)}`;
  return `${server.baseUrl}/api/auth/sso/${organisationId}/start${query}`;
}

async function configure(client: ApiClient, organisationId: string, body: Record<string, unknown>) {
  return client.request<ProviderView & ErrorResponse>('PUT', `/api/organisations/${organisationId}/identity-provider`, {
    displayName: '统一身份认证',
    matchBy: 'login_id',
    enabled: true,
    ...body,
  });
}

const casConfig = (version: '2.0' | '3.0', attribute: string | null = null, serverUrl = cas.serverUrl) => ({
  config: { protocol: 'cas', serverUrl, version, attribute },
});

async function signIn(organisationId: string, username: string, returnTo?: string) {
  const browser = new SsoBrowser({ username, password: 'pw' });
  const result = await browser.navigate(startUrl(organisationId, returnTo), server.baseUrl);
  return { browser, ...result };
}

async function sessionOf(browser: SsoBrowser) {
  const client = new ApiClient(server.baseUrl);
  client.cookie = browser.sessionCookie;
  return client.request<{ person: { loginId: string | null; displayName: string }; activeOrganisationId: string }>(
    'GET',
    '/api/auth/session',
  );
}

async function lastAudit(action: 'sso.failed' | 'sso.login' | 'identity_provider.updated') {
  const page = await server.services.store.repositories.auditEvents.list({ action, limit: 1, offset: 0 });
  return page.items[0];
}

async function sessionsOf(personId: string): Promise<{ method: string | null }[]> {
  return server.database.db.selectFrom('sessions').select('method').where('person_id', '=', personId).execute();
}

beforeAll(async () => {
  server = await startTestServer();
  collegeAdmin = new ApiClient(server.baseUrl);
  collegeA = (await collegeAdmin.login('college-admin@demo.zerodock.local')).body.activeOrganisationId ?? '';
  collegeBAdmin = new ApiClient(server.baseUrl);
  collegeB = (await collegeBAdmin.login('college-b-admin@demo.zerodock.local')).body.activeOrganisationId ?? '';
  enterpriseAdmin = new ApiClient(server.baseUrl);
  manufacturer = (await enterpriseAdmin.login('enterprise-admin@demo.zerodock.local')).body.activeOrganisationId ?? '';
  const { repositories } = server.services.store;
  const now = new Date();
  const add = async (key: string, loginId: string, email: string | null, organisationId: string) => {
    const person = await repositories.people.create(
      { email, loginId, displayName: `学生${loginId}`, passwordHash: null },
      now,
    );
    await repositories.memberships.grant(person.id, organisationId, ['student']);
    people[key] = person.id;
  };
  await add('student', '2024001', 'li.lei@college-a.test', collegeA);
  await add('disabled', '2024002', null, collegeA);
  await add('other', '2024999', null, collegeB);
  await server.database.db.updateTable('people').set({ disabled_at: now }).where('id', '=', people.disabled!).execute();
  const casAccount = (user: string, studentNumber: string) => ({
    user,
    password: 'pw',
    attributes: { studentNumber, mail: `${user}@cas.test`, eduPersonAffiliation: ['student', 'member'] },
  });
  cas = await startTestCasServer([
    casAccount('2024001', '2024001'),
    casAccount('2024002', '2024002'),
    casAccount('2024999', '2024999'),
    casAccount('nobody', '1999999'),
    // A CAS whose user name is an internal uid, with the 学号 in an attribute.
    casAccount('u-7781', '2024001'),
  ]);
  const oidcAccount = (username: string, studentId: string) => ({
    username,
    password: 'pw',
    claims: { student_id: studentId, name: `学生${studentId}`, email: `${username}@idp.test`, email_verified: true },
  });
  const accounts = [oidcAccount('li.lei', '2024001'), oidcAccount('han.meimei', '2024999')];
  const clients = [
    {
      clientId: 'zerodock',
      clientSecret: OIDC_SECRET,
      redirectUris: [callbackOf(collegeA), callbackOf(collegeB), callbackOf(manufacturer)],
    },
  ];
  oidc = await startTestOidcProvider({ accounts, clients });
  userInfoOidc = await startTestOidcProvider({ accounts, clients, conformIdTokenClaims: true });
}, 120_000);
afterAll(async () => {
  await cas?.close();
  await oidc?.close();
  await userInfoOidc?.close();
  await server?.close();
});

describe(`unified sign-in over HTTP on ${testBackend()}`, () => {
  it('configures CAS, answers the callback URL to register, and lists only switched-on providers publicly', async () => {
    const missing = await collegeAdmin.request<ErrorResponse>(
      'GET',
      `/api/organisations/${collegeA}/identity-provider`,
    );
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('IDENTITY_PROVIDER_NOT_FOUND');
    expect(missing.body.error.details.callbackUrl).toBe(callbackOf(collegeA));

    const saved = await configure(collegeAdmin, collegeA, casConfig('3.0', 'studentNumber'));
    expect(saved.status).toBe(200);
    expect(saved.body.callbackUrl).toBe(callbackOf(collegeA));
    expect(saved.body.config).toEqual({
      protocol: 'cas',
      serverUrl: cas.serverUrl,
      version: '3.0',
      attribute: 'studentNumber',
    });
    expect((await lastAudit('identity_provider.updated'))?.organisationId).toBe(collegeA);

    const off = await configure(collegeBAdmin, collegeB, { ...casConfig('2.0'), enabled: false });
    expect(off.status).toBe(200);
    const anonymous = new ApiClient(server.baseUrl);
    const list = await anonymous.request<{
      items: { organisationId: string; organisationNameZh: string; protocol: string }[];
    }>('GET', '/api/auth/sso/providers');
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.organisationId)).toEqual([collegeA]);
    expect(list.body.items[0]?.organisationNameZh).toBeTruthy();
    expect(list.body.items[0]?.protocol).toBe('cas');
    // Switched off: its people cannot start a sign-in there (and the refusal is audited).
    const refused = await signIn(collegeB, '2024999');
    expect(refused.location).toBe('/login?sso_error=not_configured');
    expect((await lastAudit('sso.failed'))?.details).toMatchObject({ reason: 'not_configured' });
  });

  it('refuses a provider reached over plain HTTP across the network', async () => {
    const response = await configure(collegeAdmin, collegeA, casConfig('3.0', null, 'http://cas.example.edu.cn/cas'));
    expect(response.status).toBe(400);
    expect(response.body.error.details).toMatchObject({ field: 'config.serverUrl', reason: 'https-required' });
  });

  it('signs in through CAS 3.0 with the 学号 in an attribute, returning to the page asked for, audited', async () => {
    await configure(collegeAdmin, collegeA, casConfig('3.0', 'studentNumber'));
    const started = performance.now();
    const result = await signIn(collegeA, 'u-7781', '/course-systems?tab=plan');
    const elapsed = performance.now() - started;
    expect(result.location).toBe('/course-systems?tab=plan');
    const session = await sessionOf(result.browser);
    expect(session.status).toBe(200);
    expect(session.body.person.loginId).toBe('2024001');
    expect(session.body.activeOrganisationId).toBe(collegeA);
    expect((await sessionsOf(people.student!)).map((row) => row.method)).toContain('cas');
    const audit = await lastAudit('sso.login');
    expect(audit).toMatchObject({ actorPersonId: people.student, organisationId: collegeA });
    expect(audit?.details).toMatchObject({ protocol: 'cas', identifier: '2024001' });
    // The state cookie is single-use too: cleared by the callback.
    expect(result.browser.cookies.has('zd_sso_state')).toBe(false);
    console.info(`CAS 3.0 sign-in over HTTP (start → CAS login → callback → session): ${elapsed.toFixed(0)} ms`);
  });

  it('signs in through CAS 2.0 with the CAS user name as the 学号', async () => {
    await configure(collegeAdmin, collegeA, casConfig('2.0'));
    const result = await signIn(collegeA, '2024001');
    expect(result.location).toBe('/');
    expect((await sessionOf(result.browser)).body.person.loginId).toBe('2024001');
    // CAS 2.0's /serviceValidate has no attributes: an attribute configured on 2.0 finds none.
    await configure(collegeAdmin, collegeA, casConfig('2.0', 'studentNumber'));
    const refused = await signIn(collegeA, '2024001');
    expect(refused.location).toBe('/login?sso_error=identifier_missing');
  });

  it('refuses a replayed ticket, a replayed answer, a tampered state and an expired attempt, each audited', async () => {
    await configure(collegeAdmin, collegeA, casConfig('2.0'));
    const first = await signIn(collegeA, '2024001');
    expect(first.location).toBe('/');
    const callback = new URL(first.callbackUrl!);
    const ticket = callback.searchParams.get('ticket')!;

    // The same answer again in the same browser: its attempt is used.
    first.browser.cookies.set('zd_sso_state', callback.searchParams.get('state')!);
    const again = await first.browser.navigate(callback.href, server.baseUrl);
    expect(again.location).toBe('/login?sso_error=attempt_used');

    // The old ticket on a new attempt: refused here before the CAS server is asked.
    const browser = new SsoBrowser();
    const start = await browser.fetch(startUrl(collegeA));
    const service = new URL(new URL(start.headers.get('location')!).searchParams.get('service')!);
    service.searchParams.set('ticket', ticket);
    const validationsBefore = cas.stats.validations;
    const replayed = await browser.navigate(service.href, server.baseUrl);
    expect(replayed.location).toBe('/login?sso_error=ticket_replayed');
    expect(cas.stats.validations).toBe(validationsBefore);
    expect((await lastAudit('sso.failed'))?.details).toMatchObject({ reason: 'ticket_replayed', protocol: 'cas' });

    // A tampered state: not the one this browser holds.
    const tampering = new SsoBrowser({ username: '2024001', password: 'pw' });
    const tamperStart = await tampering.fetch(startUrl(collegeA));
    const login = new URL(tamperStart.headers.get('location')!);
    const tamperedService = new URL(login.searchParams.get('service')!);
    tamperedService.searchParams.set('state', `${tamperedService.searchParams.get('state')!}x`);
    login.searchParams.set('service', tamperedService.href);
    login.searchParams.set('username', '2024001');
    login.searchParams.set('password', 'pw');
    const tampered = await tampering.navigate(login.href, server.baseUrl);
    expect(tampered.location).toBe('/login?sso_error=state_mismatch');
    // …and with the cookie forged to match: no such attempt.
    const forged = new SsoBrowser();
    forged.cookies.set('zd_sso_state', 'forged-state');
    const unknown = await forged.navigate(`${callbackOf(collegeA)}?state=forged-state&ticket=ST-1`, server.baseUrl);
    expect(unknown.location).toBe('/login?sso_error=state_unknown');
    const noState = await forged.navigate(`${callbackOf(collegeA)}?ticket=ST-1`, server.baseUrl);
    expect(noState.location).toBe('/login?sso_error=state_missing');

    // An attempt older than 10 minutes.
    const late = new SsoBrowser({ username: '2024001', password: 'pw' });
    const lateStart = await late.fetch(startUrl(collegeA));
    server.advanceClock(11 * 60 * 1000);
    const expired = await late.navigate(lateStart.headers.get('location')!, server.baseUrl);
    expect(expired.location).toBe('/login?sso_error=attempt_expired');

    const reasons = (
      await server.services.store.repositories.auditEvents.list({ action: 'sso.failed', limit: 10, offset: 0 })
    ).items.map((event) => event.details.reason);
    expect(reasons).toEqual(
      expect.arrayContaining([
        'attempt_used',
        'ticket_replayed',
        'state_mismatch',
        'state_unknown',
        'state_missing',
        'attempt_expired',
      ]),
    );
  });

  it('refuses a malformed CAS answer, a ticket the CAS server rejects, and people it must not sign in', async () => {
    await configure(collegeAdmin, collegeA, casConfig('3.0', null, cas.brokenServerUrl));
    const malformed = await signIn(collegeA, '2024001');
    expect(malformed.location).toBe('/login?sso_error=malformed_response');
    expect((await lastAudit('sso.failed'))?.details).toMatchObject({ reason: 'malformed_response' });
    expect(String((await lastAudit('sso.failed'))?.details.detail)).toMatch(
      /root element is html|not well-formed XML/u,
    );

    await configure(collegeAdmin, collegeA, casConfig('3.0'));
    const browser = new SsoBrowser();
    const start = await browser.fetch(startUrl(collegeA));
    const service = new URL(new URL(start.headers.get('location')!).searchParams.get('service')!);
    service.searchParams.set('ticket', 'ST-never-issued');
    const rejected = await browser.navigate(service.href, server.baseUrl);
    expect(rejected.location).toBe('/login?sso_error=ticket_rejected');
    expect((await lastAudit('sso.failed'))?.details.detail).toMatch(/^INVALID_TICKET/u);

    for (const [username, reason, personKey] of [
      ['2024999', 'not_a_member', 'other'],
      ['2024002', 'disabled', 'disabled'],
      ['nobody', 'unknown_person', null],
    ] as const) {
      const result = await signIn(collegeA, username);
      expect(result.location, username).toBe(`/login?sso_error=${reason}`);
      expect(result.browser.sessionCookie).toBeNull();
      const audit = await lastAudit('sso.failed');
      expect(audit?.details).toMatchObject({ reason, identifier: username });
      expect(audit?.actorPersonId).toBe(personKey ? people[personKey] : null);
    }
    expect(await sessionsOf(people.other!)).toEqual([]);
    expect(await sessionsOf(people.disabled!)).toEqual([]);
  });

  it('never sends the browser to another site after signing in', async () => {
    await configure(collegeAdmin, collegeA, casConfig('2.0'));
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example', '/api/auth/session', 'x']) {
      const result = await signIn(collegeA, '2024001', returnTo);
      expect(result.location, returnTo).toBe('/');
    }
  });

  it('signs in through OpenID Connect (code flow, PKCE, nonce) with the 学号 claim; the client secret is write-only', async () => {
    const saved = await configure(collegeBAdmin, collegeB, {
      matchBy: 'login_id',
      config: {
        protocol: 'oidc',
        issuer: oidc.issuer,
        clientId: 'zerodock',
        clientSecret: OIDC_SECRET,
        claim: 'student_id',
      },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.config).toEqual({
      protocol: 'oidc',
      issuer: oidc.issuer,
      clientId: 'zerodock',
      scopes: 'openid profile email',
      claim: 'student_id',
      hasClientSecret: true,
    });
    expect(JSON.stringify(saved.body)).not.toContain(OIDC_SECRET);
    const read = await collegeBAdmin.request<ProviderView>('GET', `/api/organisations/${collegeB}/identity-provider`);
    expect(JSON.stringify(read.body)).not.toContain(OIDC_SECRET);
    const audits = await server.services.store.repositories.auditEvents.list({
      organisationId: collegeB,
      limit: 50,
      offset: 0,
    });
    expect(JSON.stringify(audits.items)).not.toContain(OIDC_SECRET);

    // Saved again without the secret: the stored one is kept (the token endpoint would refuse the client otherwise).
    const resaved = await configure(collegeBAdmin, collegeB, {
      displayName: '统一身份认证 (OIDC)',
      config: { protocol: 'oidc', issuer: oidc.issuer, clientId: 'zerodock', claim: 'student_id' },
    });
    expect((resaved.body.config as { hasClientSecret: boolean }).hasClientSecret).toBe(true);

    const started = performance.now();
    const browser = new SsoBrowser({ username: 'han.meimei', password: 'pw' });
    const result = await browser.navigate(startUrl(collegeB, '/members'), server.baseUrl);
    const elapsed = performance.now() - started;
    expect(result.location).toBe('/members');
    const callback = new URL(result.callbackUrl!);
    expect(callback.searchParams.get('code')).toBeTruthy();
    const session = await sessionOf(browser);
    expect(session.body.person.loginId).toBe('2024999');
    expect((await sessionsOf(people.other!)).map((row) => row.method)).toEqual(['oidc']);
    expect((await lastAudit('sso.login'))?.details).toMatchObject({ protocol: 'oidc', identifier: '2024999' });
    console.info(
      `OIDC sign-in over HTTP (start → authorize → login form → code → token → session): ${elapsed.toFixed(0)} ms`,
    );

    // The authorization request carried PKCE (S256), a state and a nonce.
    const authorize = new URL((await new SsoBrowser().fetch(startUrl(collegeB))).headers.get('location')!);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('redirect_uri')).toBe(callbackOf(collegeB));

    // The same code again: the attempt is used. A forged code on a fresh attempt: the token endpoint refuses it.
    browser.cookies.set('zd_sso_state', callback.searchParams.get('state')!);
    expect((await browser.navigate(callback.href, server.baseUrl)).location).toBe('/login?sso_error=attempt_used');
    const forging = new SsoBrowser();
    const fresh = new URL((await forging.fetch(startUrl(collegeB))).headers.get('location')!);
    const forgedCallback = new URL(callbackOf(collegeB));
    forgedCallback.searchParams.set('code', 'forged-code');
    forgedCallback.searchParams.set('state', fresh.searchParams.get('state')!);
    forgedCallback.searchParams.set('iss', oidc.issuer);
    expect((await forging.navigate(forgedCallback.href, server.baseUrl)).location).toBe(
      '/login?sso_error=token_rejected',
    );
    expect((await lastAudit('sso.failed'))?.details).toMatchObject({ reason: 'token_rejected', protocol: 'oidc' });
    // Discovery is read once for these four starts (remembered per issuer; saving the settings forgets it).
    expect(oidc.stats.discoveries).toBe(1);
  });

  it('reads the claim from UserInfo when the provider keeps it out of the ID token; refuses a cancelled sign-in', async () => {
    await configure(collegeBAdmin, collegeB, {
      config: {
        protocol: 'oidc',
        issuer: userInfoOidc.issuer,
        clientId: 'zerodock',
        clientSecret: OIDC_SECRET,
        claim: 'student_id',
      },
    });
    const result = await new SsoBrowser({ username: 'han.meimei', password: 'pw' }).navigate(
      startUrl(collegeB),
      server.baseUrl,
    );
    expect(result.location).toBe('/');

    // The person presses "cancel" at the provider: access_denied comes back.
    const browser = new SsoBrowser();
    let current = (await browser.fetch(startUrl(collegeB))).headers.get('location')!;
    while (!current.includes('/interaction/')) {
      current = new URL((await browser.fetch(current)).headers.get('location')!, current).href;
    }
    const abort = await browser.fetch(`${current}/abort`, { method: 'POST' });
    const cancelled = await browser.navigate(new URL(abort.headers.get('location')!, current).href, server.baseUrl);
    expect(cancelled.location).toBe('/login?sso_error=provider_error');
    expect((await lastAudit('sso.failed'))?.details.detail).toMatch(/^access_denied/u);
  });

  it('maps by e-mail when asked to, from the OIDC email claim', async () => {
    await configure(collegeAdmin, collegeA, {
      matchBy: 'email',
      config: {
        protocol: 'oidc',
        issuer: oidc.issuer,
        clientId: 'zerodock',
        clientSecret: OIDC_SECRET,
        claim: 'email',
      },
    });
    const unknown = await new SsoBrowser({ username: 'li.lei', password: 'pw' }).navigate(
      startUrl(collegeA),
      server.baseUrl,
    );
    // li.lei@idp.test is not the e-mail Zerodock knows (li.lei@college-a.test).
    expect(unknown.location).toBe('/login?sso_error=unknown_person');
    await server.database.db
      .updateTable('people')
      .set({ email: 'LI.LEI@idp.test' })
      .where('id', '=', people.student!)
      .execute();
    const known = await new SsoBrowser({ username: 'li.lei', password: 'pw' }).navigate(
      startUrl(collegeA),
      server.baseUrl,
    );
    expect(known.location).toBe('/');
  });

  it('a test sign-in reports who would be signed in, without signing anyone in (also while switched off)', async () => {
    await configure(collegeAdmin, collegeA, { ...casConfig('3.0', 'studentNumber'), enabled: false });
    const sessionsBefore = (await sessionsOf(people.student!)).length;
    const admin = new SsoBrowser({ username: 'u-7781', password: 'pw' });
    admin.cookies.set('zd_session', collegeAdmin.cookie!.slice('zd_session='.length));
    const test = await admin.fetch(`${server.baseUrl}/api/organisations/${collegeA}/identity-provider/test`, {
      method: 'POST',
      headers: { 'x-csrf-token': collegeAdmin.csrfToken! },
    });
    expect(test.status).toBe(200);
    const { redirectUrl } = (await test.json()) as { redirectUrl: string };
    expect(redirectUrl.startsWith(`${cas.serverUrl}/login?service=`)).toBe(true);
    const result = await admin.navigate(redirectUrl, server.baseUrl);
    const landed = new URL(result.location, server.baseUrl);
    expect(landed.pathname).toBe('/settings/identity-provider');
    expect(Object.fromEntries(landed.searchParams)).toEqual({
      test: 'ok',
      identifier: '2024001',
      person: '学生2024001',
    });
    expect((await sessionsOf(people.student!)).length).toBe(sessionsBefore);
    // The admin's own session is untouched.
    expect(admin.sessionCookie).toBe(collegeAdmin.cookie);

    const failing = new SsoBrowser({ username: '2024999', password: 'pw' });
    const failingStart = await failing.fetch(`${server.baseUrl}/api/organisations/${collegeA}/identity-provider/test`, {
      method: 'POST',
      headers: { cookie: collegeAdmin.cookie!, 'x-csrf-token': collegeAdmin.csrfToken! },
    });
    await configure(collegeAdmin, collegeA, { ...casConfig('3.0'), enabled: false });
    const failed = await failing.navigate(
      ((await failingStart.json()) as { redirectUrl: string }).redirectUrl,
      server.baseUrl,
    );
    const failedAt = new URL(failed.location, server.baseUrl);
    expect(failedAt.searchParams.get('test')).toBe('failed');
    expect(failedAt.searchParams.get('reason')).toBe('not_a_member');
    expect(failedAt.searchParams.get('identifier')).toBe('2024999');
    expect((await lastAudit('sso.failed'))?.details).toMatchObject({ reason: 'not_a_member', testOnly: true });
  });

  it('keeps each organisation’s identity provider to its own administrators', async () => {
    const teacher = new ApiClient(server.baseUrl);
    await teacher.login('teacher@demo.zerodock.local');
    const body = { displayName: 'x', matchBy: 'login_id', enabled: true, ...casConfig('2.0') };
    for (const [client, organisationId] of [
      [collegeBAdmin, collegeA],
      [enterpriseAdmin, collegeA],
      [teacher, collegeA],
      [collegeAdmin, collegeB],
    ] as const) {
      const path = `/api/organisations/${organisationId}/identity-provider`;
      expect((await client.request('GET', path)).status).toBe(403);
      expect((await client.request('PUT', path, body)).status).toBe(403);
      expect((await client.request('POST', `${path}/test`)).status).toBe(403);
      expect((await client.request('DELETE', path)).status).toBe(403);
    }
    // Another organisation's provider stays as it was.
    const own = await collegeBAdmin.request<ProviderView>('GET', `/api/organisations/${collegeB}/identity-provider`);
    expect(own.body.config.protocol).toBe('oidc');
    // An enterprise configures its own.
    expect((await configure(enterpriseAdmin, manufacturer, casConfig('2.0'))).status).toBe(200);
    const removed = await enterpriseAdmin.request('DELETE', `/api/organisations/${manufacturer}/identity-provider`);
    expect(removed.status).toBe(200);
    expect(
      (await enterpriseAdmin.request('DELETE', `/api/organisations/${manufacturer}/identity-provider`)).status,
    ).toBe(404);
    expect(
      (await enterpriseAdmin.request('POST', `/api/organisations/${manufacturer}/identity-provider/test`)).status,
    ).toBe(404);
  });
});

describe('the callback URL behind a reverse proxy', () => {
  it('reads ZERODOCK_PUBLIC_URL (without a trailing slash) and refuses what is not an http(s) URL', () => {
    const config = (env: Record<string, string>) => loadConfig(env, '/tmp');
    expect(config({}).publicUrl).toBeNull();
    expect(config({ ZERODOCK_PUBLIC_URL: 'https://zerodock.college.edu.cn/' }).publicUrl).toBe(
      'https://zerodock.college.edu.cn',
    );
    expect(() => config({ ZERODOCK_PUBLIC_URL: 'zerodock.college.edu.cn' })).toThrow(/ZERODOCK_PUBLIC_URL/u);
    expect(() => config({ ZERODOCK_PUBLIC_URL: 'ftp://zerodock.college.edu.cn' })).toThrow(/ZERODOCK_PUBLIC_URL/u);
  });

  it('builds the callback and the CAS service URL from it, not from the request; a flood of starts is refused', async () => {
    const proxied = await startTestServer({ publicUrl: 'https://zerodock.college.edu.cn', loginRateLimit: 1 });
    try {
      const admin = new ApiClient(proxied.baseUrl);
      const organisationId = (await admin.login('college-admin@demo.zerodock.local')).body.activeOrganisationId ?? '';
      const saved = await admin.request<ProviderView>('PUT', `/api/organisations/${organisationId}/identity-provider`, {
        displayName: '统一身份认证',
        matchBy: 'login_id',
        config: { protocol: 'cas', serverUrl: 'https://cas.college.edu.cn/cas', version: '3.0', attribute: null },
      });
      const expected = `https://zerodock.college.edu.cn/api/auth/sso/${organisationId}/callback`;
      expect(saved.body.callbackUrl).toBe(expected);
      const start = await new SsoBrowser().fetch(`${proxied.baseUrl}/api/auth/sso/${organisationId}/start`);
      const login = new URL(start.headers.get('location')!);
      expect(`${login.origin}${login.pathname}`).toBe('https://cas.college.edu.cn/cas/login');
      expect(login.searchParams.get('service')?.startsWith(`${expected}?state=`)).toBe(true);
      // 6 sign-in navigations per client and minute at ZERODOCK_LOGIN_RATE_LIMIT=1; the refusal is audited.
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const response = await fetch(`${proxied.baseUrl}/api/auth/sso/${organisationId}/start`, { redirect: 'manual' });
        statuses.push(response.status);
        await response.body?.cancel();
      }
      expect(statuses).toEqual([302, 302, 302, 302, 302, 429]);
      // The audit write is not awaited by the refusal: wait for it.
      await expect
        .poll(
          async () =>
            (await proxied.services.store.repositories.auditEvents.list({ action: 'sso.failed', limit: 1, offset: 0 }))
              .items[0]?.details.reason,
        )
        .toBe('rate_limited');
    } finally {
      await proxied.close();
    }
  });
});

describe('outbound requests to identity providers', () => {
  it('gives up on a provider that does not answer in time, or answers too much', async () => {
    const sockets = new Set<Socket>();
    const slow = createServer((request, response) => {
      if (request.url?.startsWith('/huge')) {
        response.writeHead(200, { 'content-type': 'text/xml' });
        // Streamed without a length: the cap is found while reading.
        const chunk = 'x'.repeat(64 * 1024);
        const write = () => {
          while (response.write(chunk)) {
            /* until the socket pushes back */
          }
        };
        response.on('drain', write);
        write();
        return;
      }
      // Never answers.
    });
    slow.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(slow.address() as AddressInfo).port}`;
    try {
      const limits = { timeoutMs: 300, maxResponseBytes: 256 * 1024 };
      const started = performance.now();
      await expect(boundedFetch(`${base}/hang`, {}, limits)).rejects.toMatchObject({ kind: 'unreachable' });
      expect(performance.now() - started).toBeLessThan(2_000);
      await expect(boundedFetch(`${base}/huge`, {}, { ...limits, timeoutMs: 5_000 })).rejects.toMatchObject({
        kind: 'too_large',
      });
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('refuses the sign-in when the CAS server cannot be reached, audited', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await configure(collegeAdmin, collegeA, casConfig('2.0', null, `http://127.0.0.1:${port}/cas`));
    const browser = new SsoBrowser();
    const start = await browser.fetch(startUrl(collegeA));
    const service = new URL(new URL(start.headers.get('location')!).searchParams.get('service')!);
    service.searchParams.set('ticket', 'ST-unreachable');
    const result = await browser.navigate(service.href, server.baseUrl);
    expect(result.location).toBe('/login?sso_error=provider_unreachable');
    expect((await lastAudit('sso.failed'))?.details).toMatchObject({ reason: 'provider_unreachable', protocol: 'cas' });
  });
});
