import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../storage/test-database.js';
import { BODY_LIMIT_BYTES } from './build-server.js';
import { ApiClient, startTestServer, type TestServer } from './test-server.js';

type ErrorResponse = { error: { code: string; message: string; details: Record<string, unknown> } };

let server: TestServer;
let admin: ApiClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = new ApiClient(server.baseUrl);
  await admin.login('admin@demo.zerodock.local');
});
afterAll(async () => {
  await server?.close();
});

describe(`bad input gets a 4xx with a stable code and the field named, on ${testBackend()}`, () => {
  it('malformed JSON → 400 MALFORMED_JSON', async () => {
    const response = await new ApiClient(server.baseUrl).request<ErrorResponse>('POST', '/api/auth/login', undefined, {
      rawBody: '{"email": "admin@demo.zerodock.local", "password": ',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('MALFORMED_JSON');
  });

  it('unknown fields → 400 naming the field', async () => {
    const response = await new ApiClient(server.baseUrl).request<ErrorResponse>('POST', '/api/auth/login', {
      email: 'admin@demo.zerodock.local',
      password: 'x',
      isAdmin: true,
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.field).toBe('isAdmin');
  });

  it('wrong types and bad formats → 400 naming the field', async () => {
    const badEmail = await new ApiClient(server.baseUrl).request<ErrorResponse>('POST', '/api/auth/login', {
      email: 'not-an-email',
      password: 'x',
    });
    expect(badEmail.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'email', location: 'body' },
    });
    const badQuery = await admin.request<ErrorResponse>('GET', '/api/organisations?limit=100000');
    expect(badQuery.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { field: 'limit', location: 'querystring' },
    });
    const badParam = await admin.request<ErrorResponse>('GET', '/api/organisations/not-a-uuid');
    expect(badParam.status).toBe(400);
    expect(badParam.body.error.details).toMatchObject({ field: 'organisationId', location: 'params' });
  });

  it('an oversized body → 413 PAYLOAD_TOO_LARGE, nothing written', async () => {
    const before = await server.services.store.repositories.organisations.count();
    const response = await admin.request<ErrorResponse>('POST', '/api/organisations', {
      kind: 'college',
      nameZh: 'x'.repeat(BODY_LIMIT_BYTES + 10),
      nameEn: 'x',
      province: 'x',
      city: 'x',
    });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await server.services.store.repositories.organisations.count()).toBe(before);
  });

  it('a non-JSON content type → 415', async () => {
    const response = await new ApiClient(server.baseUrl).request<ErrorResponse>('POST', '/api/auth/login', undefined, {
      rawBody: 'email=a@b.cn&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('hostile strings are data, not SQL or markup', async () => {
    const name = `'; drop table people; -- <script>alert(1)</script> 学院`;
    const created = await admin.request<{ nameZh: string }>('POST', '/api/organisations', {
      kind: 'college',
      nameZh: name,
      nameEn: 'Robert’); DROP TABLE organisations;--',
      province: '江苏省',
      city: '苏州市',
    });
    expect(created.status).toBe(200);
    expect(created.body.nameZh).toBe(name);
    expect(await server.services.store.repositories.people.count()).toBeGreaterThan(0);
  });

  it('a duplicate organisation name → 409 ORGANISATION_NAME_TAKEN naming the field', async () => {
    const body = {
      kind: 'college',
      nameZh: '重名测试学院',
      nameEn: 'Duplicate College',
      province: '江苏省',
      city: '苏州市',
    };
    expect((await admin.request('POST', '/api/organisations', body)).status).toBe(200);
    const again = await admin.request<ErrorResponse>('POST', '/api/organisations', body);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'ORGANISATION_NAME_TAKEN', details: { field: 'nameZh' } });
  });

  it('a business rule → 400 with the rule’s code, nothing written', async () => {
    const before = await server.services.store.repositories.organisations.count();
    const response = await admin.request<ErrorResponse>('POST', '/api/organisations', {
      kind: 'enterprise',
      nameZh: '缺少类型的企业',
      nameEn: 'Enterprise without type',
      province: '江苏省',
      city: '苏州市',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.details.field).toBe('enterpriseType');
    expect(await server.services.store.repositories.organisations.count()).toBe(before);
  });

  it('an unknown API route → 404 NOT_FOUND in the same shape', async () => {
    const response = await admin.request<ErrorResponse>('GET', '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('serves the OpenAPI document with every route', async () => {
    const response = await new ApiClient(server.baseUrl).request<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.0.3');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/organisations/{organisationId}/members']),
    );
  });

  it('sends security headers', async () => {
    const response = await new ApiClient(server.baseUrl).request('GET', '/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
