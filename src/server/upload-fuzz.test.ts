import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testBackend } from '../storage/test-database.js';
import { runUploadFuzz } from './test-upload-fuzz.js';
import { startTestServer, type TestServer } from './test-server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ catalogue: true });
});
afterAll(async () => {
  await server?.close();
});

describe(`every upload route, fed hostile files, on ${testBackend()}`, () => {
  it('answers 200 or a 4xx with a code (FILE:LINE:FIELD), stores nothing when refusing, leaves nothing behind', async () => {
    const figures = await runUploadFuzz(server);
    for (const figure of figures) {
      expect(figure.problem?.split('\n').slice(0, 8).join('\n') ?? null, `${figure.route} ${figure.format}`).toBeNull();
    }
    expect(figures.reduce((sum, figure) => sum + figure.cases, 0)).toBe(940);
  }, 600_000);
});
