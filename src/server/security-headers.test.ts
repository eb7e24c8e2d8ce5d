import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../storage/test-database.js';
import { loadConfig } from './config.js';
import { ApiClient, startTestServer, type TestServer } from './test-server.js';

/**
 * Production defaults: Secure session cookies when NODE_ENV=production (unless explicitly turned off), security
 * headers on every response with a CSP per kind (web app, API documentation, API), and HSTS only over HTTPS.
 */
describe('the configuration’s cookie default', () => {
  const config = (env: Record<string, string>) => loadConfig({ ...env }, '/tmp');
  it('is Secure in production unless ZERODOCK_COOKIE_SECURE=false is set explicitly', () => {
    expect(config({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(config({ NODE_ENV: 'production', ZERODOCK_COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
    expect(config({}).cookieSecure).toBe(false);
    expect(config({ ZERODOCK_COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
  });
  it('reads the request deadline, 30 s by default', () => {
    expect(config({}).requestDeadlineSeconds).toBe(30);
    expect(config({ ZERODOCK_REQUEST_DEADLINE_SECONDS: '90' }).requestDeadlineSeconds).toBe(90);
    expect(() => config({ ZERODOCK_REQUEST_DEADLINE_SECONDS: '0' })).toThrow(/ZERODOCK_REQUEST_DEADLINE_SECONDS/);
  });
});

function csp(headers: Headers): Map<string, string> {
  return new Map(
    (headers.get('content-security-policy') ?? '')
      .split(';')
      .map((directive) => directive.trim())
      .filter(Boolean)
      .map((directive) => {
        const [name = '', ...values] = directive.split(/\s+/);
        return [name, values.join(' ')] as [string, string];
      }),
  );
}

function expectCommonHeaders(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('permissions-policy')).toContain('camera=()');
  expect(csp(headers).get('frame-ancestors')).toBe("'none'");
}

for (const https of [false, true]) {
  describe(`security headers and cookies ${https ? 'over HTTPS (Secure cookies)' : 'over plain HTTP'} (${testBackend()})`, () => {
    let server: TestServer;
    let webRoot: string;

    beforeAll(async () => {
      webRoot = await mkdtemp(join(tmpdir(), 'zerodock-web-'));
      await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>Zerodock</title><div id="root"></div>');
      server = await startTestServer({ cookieSecure: https, webRoot });
    });
    afterAll(async () => {
      await server?.close();
      await rm(webRoot, { recursive: true, force: true });
    });

    it('marks the session cookie HttpOnly, SameSite=Lax, and Secure exactly when served over HTTPS', async () => {
      const response = await fetch(`${server.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@demo.zerodock.local', password: 'zerodock-demo' }),
      });
      expect(response.status).toBe(200);
      const cookie = response.headers.get('set-cookie') ?? '';
      expect(cookie).toMatch(/^zd_session=/);
      expect(cookie).toMatch(/; HttpOnly/i);
      expect(cookie).toMatch(/; SameSite=Lax/i);
      expect(/; Secure/i.test(cookie)).toBe(https);
    });

    it('sends the web app its CSP: own scripts only, no framing, no plugins', async () => {
      const response = await fetch(`${server.baseUrl}/some/client/route`);
      expect(response.status).toBe(200);
      expectCommonHeaders(response.headers);
      const policy = csp(response.headers);
      expect(policy.get('script-src')).toBe("'self'");
      expect(policy.get('default-src')).toBe("'self'");
      expect(policy.get('object-src')).toBe("'none'");
      expect(policy.get('connect-src')).toBe("'self'");
      expect(policy.has('upgrade-insecure-requests')).toBe(https);
      expect(response.headers.get('strict-transport-security') !== null).toBe(https);
      if (https) expect(response.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    });

    it('sends API answers a CSP that lets nothing load, errors included', async () => {
      for (const path of ['/api/health', '/api/no-such-route', '/api/auth/session']) {
        const response = await new ApiClient(server.baseUrl).request('GET', path);
        expectCommonHeaders(response.headers);
        expect([path, csp(response.headers).get('default-src')]).toEqual([path, "'none'"]);
      }
    });

    it('sends the API documentation its own CSP: self-hosted scripts, no framing', async () => {
      const page = await fetch(`${server.baseUrl}/api/docs/`);
      expect(page.status).toBe(200);
      expectCommonHeaders(page.headers);
      const policy = csp(page.headers);
      expect(policy.get('script-src')).toBe("'self'");
      expect(policy.get('object-src')).toBe("'none'");
      const html = await page.text();
      // Every script of the page is a same-origin file, so script-src 'self' is enough.
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      const asset = await fetch(`${server.baseUrl}/api/docs/static/swagger-ui-bundle.js`);
      expect(asset.status).toBe(200);
      expect(csp(asset.headers).get('script-src')).toBe("'self'");
    });
  });
}
