import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCasServer, type TestCasServer } from '../../src/server/test-cas-server.js';
import { startTestOidcProvider, type TestOidcProvider } from '../../src/server/test-oidc-provider.js';
import { ApiClient } from '../../src/server/test-server.js';
import { useZerodockBrowser } from './use-zerodock-browser.js';

/**
 * Unified sign-in in the browser: a college's CAS 3.0 (the 学号 as CAS user, the e-mail in an attribute) and another
 * college's OpenID Connect provider, both real protocol servers started here. The journeys open the start URL
 * directly (the sign-in page's buttons come from `GET /api/auth/sso/providers`), sign in at the provider's own form
 * and wait for the dashboard; the time from the navigation to the signed-in dashboard is printed.
 */
const harness = useZerodockBrowser({ width: 1280, height: 800 });
let cas: TestCasServer;
let oidc: TestOidcProvider;
let collegeA = '';
let collegeB = '';
const figures: string[] = [];

async function adminOf(email: string): Promise<{ client: ApiClient; organisationId: string }> {
  const client = new ApiClient(harness.zerodock.baseUrl);
  const login = await client.login(email);
  expect(login.status).toBe(200);
  return { client, organisationId: login.body.activeOrganisationId ?? '' };
}

/**
 * Navigation start → the signed-in dashboard (ms), and within it the part after the provider's form was sent: the
 * provider's redirect, our callback (validation or code exchange, session) and the web app's dashboard.
 */
async function signInAtProvider(
  page: Page,
  startUrl: string,
  username: string,
): Promise<{ total: number; afterForm: number }> {
  const started = performance.now();
  await page.goto(startUrl);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill('pw');
  const submitted = performance.now();
  await page.locator('#submit').click();
  await page.getByTestId('dashboard-title').waitFor();
  const done = performance.now();
  return { total: done - started, afterForm: done - submitted };
}

function figure(label: string, timing: { total: number; afterForm: number }): string {
  return `${label}: ${timing.total.toFixed(0)} ms (of which ${timing.afterForm.toFixed(0)} ms after the provider's form was sent)`;
}

beforeAll(async () => {
  const a = await adminOf('college-admin@demo.zerodock.local');
  const b = await adminOf('college-b-admin@demo.zerodock.local');
  collegeA = a.organisationId;
  collegeB = b.organisationId;
  cas = await startTestCasServer([
    { user: '2024001', password: 'pw', attributes: { mail: 'student@demo.zerodock.local' } },
    { user: '2024404', password: 'pw', attributes: { mail: 'nobody@college-a.test' } },
  ]);
  oidc = await startTestOidcProvider({
    accounts: [{ username: 'b.admin', password: 'pw', claims: { email: 'college-b-admin@demo.zerodock.local' } }],
    clients: [
      {
        clientId: 'zerodock',
        clientSecret: 'browser-test-secret',
        redirectUris: [`${harness.zerodock.baseUrl}/api/auth/sso/${collegeB}/callback`],
      },
    ],
  });
  const put = (client: ApiClient, organisationId: string, config: Record<string, unknown>) =>
    client.request('PUT', `/api/organisations/${organisationId}/identity-provider`, {
      displayName: '统一身份认证',
      matchBy: 'email',
      enabled: true,
      config,
    });
  expect(
    (await put(a.client, collegeA, { protocol: 'cas', serverUrl: cas.serverUrl, version: '3.0', attribute: 'mail' }))
      .status,
  ).toBe(200);
  expect(
    (
      await put(b.client, collegeB, {
        protocol: 'oidc',
        issuer: oidc.issuer,
        clientId: 'zerodock',
        clientSecret: 'browser-test-secret',
        claim: 'email',
      })
    ).status,
  ).toBe(200);
}, 60_000);

afterAll(async () => {
  await cas?.close();
  await oidc?.close();
  if (figures.length > 0)
    console.info(`Sign-in latency (navigation → signed-in dashboard):\n  ${figures.join('\n  ')}`);
});

describe('unified sign-in in the browser (Debian chromium, built app, real CAS and OpenID providers)', () => {
  it('lists both providers for the sign-in page', async () => {
    const providers = await new ApiClient(harness.zerodock.baseUrl).request<{ items: { organisationId: string }[] }>(
      'GET',
      '/api/auth/sso/providers',
    );
    expect(providers.body.items.map((item) => item.organisationId).sort()).toEqual([collegeA, collegeB].sort());
  });

  it('signs in through the college’s CAS 3.0 and lands on the dashboard', async () => {
    const page = await harness.newPage();
    try {
      const first = await signInAtProvider(
        page,
        `${harness.zerodock.baseUrl}/api/auth/sso/${collegeA}/start`,
        '2024001',
      );
      const session = await page.request.get(`${harness.zerodock.baseUrl}/api/auth/session`);
      expect(session.status()).toBe(200);
      expect(((await session.json()) as { person: { email: string } }).person.email).toBe(
        'student@demo.zerodock.local',
      );
      figures.push(figure('CAS 3.0, first sign-in', first));
      // Again in a fresh browser (the web app's files now in the server's memory, a warm start).
      const again = await harness.newPage();
      try {
        const second = await signInAtProvider(
          again,
          `${harness.zerodock.baseUrl}/api/auth/sso/${collegeA}/start`,
          '2024001',
        );
        figures.push(figure('CAS 3.0, second sign-in', second));
      } finally {
        await again.context().close();
      }
    } finally {
      await page.context().close();
    }
  });

  it('signs in through the other college’s OpenID Connect provider and lands on the dashboard', async () => {
    const page = await harness.newPage();
    try {
      const elapsed = await signInAtProvider(
        page,
        `${harness.zerodock.baseUrl}/api/auth/sso/${collegeB}/start`,
        'b.admin',
      );
      const session = await page.request.get(`${harness.zerodock.baseUrl}/api/auth/session`);
      expect(((await session.json()) as { person: { email: string } }).person.email).toBe(
        'college-b-admin@demo.zerodock.local',
      );
      figures.push(figure('OpenID Connect', elapsed));
    } finally {
      await page.context().close();
    }
  });

  it('for comparison: the password sign-in on the login page', async () => {
    const page = await harness.newPage();
    try {
      const started = performance.now();
      await harness.logIn(page, 'student@demo.zerodock.local');
      figures.push(`password (login page form): ${(performance.now() - started).toFixed(0)} ms`);
    } finally {
      await page.context().close();
    }
  });

  it('sends a person the college does not know back to the sign-in page with the reason', async () => {
    const page = await harness.newPage();
    try {
      await page.goto(`${harness.zerodock.baseUrl}/api/auth/sso/${collegeA}/start`);
      await page.locator('#username').fill('2024404');
      await page.locator('#password').fill('pw');
      await page.locator('#submit').click();
      await page.waitForURL(
        (url) => url.pathname === '/login' && url.searchParams.get('sso_error') === 'unknown_person',
      );
      await page.getByTestId('login-submit').waitFor();
    } finally {
      await page.context().close();
    }
  });
});
