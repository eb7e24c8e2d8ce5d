import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { xlsxBomb } from '../interchange/zip/test-zip-files.js';
import { testBackend } from '../storage/test-database.js';
import { leftoverUploads, storedCounts, uploadFile, uploadRoutes, type UploadRoute } from './test-upload-routes.js';
import { startTestServer, type ApiClient, type TestServer } from './test-server.js';

let server: TestServer;
let admin: ApiClient;
let routes: UploadRoute[];
let truncated: Buffer;

type ErrorBody = { error: { code: string; message: string; details: Record<string, unknown> } };

beforeAll(async () => {
  server = await startTestServer({ catalogue: true, importConcurrency: 1, importQueueMs: 200 });
  ({ admin, routes } = await uploadRoutes(server));
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('data');
  sheet.addRow(['id', 'title', 'text', 'enterprise', 'date']);
  for (let row = 1; row <= 2000; row++)
    sheet.addRow([row, `岗位 ${row}`, `正文 ${row} `.repeat(20), '企业', '2024-01-01']);
  const whole = Buffer.from(await book.xlsx.writeBuffer());
  truncated = whole.subarray(0, Math.floor(whole.length * 0.6));
});
afterAll(async () => {
  await server?.close();
});

/** Waits (bounded) until the upload folder is empty; the answer may leave just before the folder goes. */
async function expectNoUploadsLeft(): Promise<void> {
  for (let attempt = 0; attempt < 50 && (await leftoverUploads(server)).length > 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(await leftoverUploads(server)).toEqual([]);
  expect(server.uploads.pending).toBe(0);
}

describe(`hostile uploads on ${testBackend()}`, () => {
  it('refuses a ZIP bomb (3 MB expanding to 3 GB) on every XLSX route with a 4xx, without the memory growing', async () => {
    const bomb = xlsxBomb(3_000_000_000);
    const liar = xlsxBomb(3_000_000_000, { declaredSize: 50_000 });
    expect(bomb.length).toBeLessThan(4_000_000);
    const before = await storedCounts(server);
    const rssBefore = process.memoryUsage().rss;
    for (const route of routes.filter((candidate) => candidate.extensions.includes('.xlsx'))) {
      for (const [name, body] of [
        ['bomb.xlsx', bomb],
        ['liar.xlsx', liar],
      ] as const) {
        const response = await uploadFile(server, admin, route.url(name), body);
        const payload = (await response.json()) as ErrorBody;
        expect(response.status, `${route.name} ${name}`).toBe(400);
        expect(payload.error.code).toBe('IMPORT_FAILED');
        expect(payload.error.details).toMatchObject({ file: name, line: 0, field: '(file)' });
        expect(payload.error.message).toMatch(/workbook refused: .*\(a ZIP bomb\?\)/);
      }
    }
    const growth = process.memoryUsage().rss - rssBefore;
    expect(growth).toBeLessThan(200 * 1024 * 1024);
    expect(await storedCounts(server)).toEqual({ stored: before.stored, running: 0 });
    await expectNoUploadsLeft();
  });

  it('fails a truncated workbook on every XLSX route with FILE:LINE:FIELD, leaving no running import and no file', async () => {
    const before = await storedCounts(server);
    for (const route of routes.filter((candidate) => candidate.extensions.includes('.xlsx'))) {
      const response = await uploadFile(server, admin, route.url('cut.xlsx'), truncated);
      const payload = (await response.json()) as ErrorBody;
      expect(response.status, route.name).toBe(400);
      expect(payload.error).toMatchObject({
        code: 'IMPORT_FAILED',
        details: { file: 'cut.xlsx', line: 0, field: '(file)' },
      });
      expect(payload.error.message).toMatch(/^cut\.xlsx:0:\(file\): not an XLSX workbook \(/);
    }
    expect(await storedCounts(server)).toEqual({ stored: before.stored, running: 0 });
    const imports = await server.services.store.repositories.demand.listImports();
    const failed = imports.find((row) => row.fileName === 'cut.xlsx');
    expect(failed).toMatchObject({ status: 'failed', stored: 0 });
    expect(failed?.failure).toMatch(/^cut\.xlsx:0:\(file\): not an XLSX workbook/);
    await expectNoUploadsLeft();
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE, by its length or while it streams', async () => {
    const courseList = routes.find((route) => route.name === 'course list')!;
    const big = Buffer.alloc(9 * 1024 * 1024, 0x61);
    const declared = await uploadFile(server, admin, courseList.url('big.csv'), big);
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as ErrorBody).error.code).toBe('PAYLOAD_TOO_LARGE');

    // Chunked, without a Content-Length: counted as it arrives, and cut off at the limit.
    const chunks = (function* () {
      for (let index = 0; index < 20; index++) yield new Uint8Array(512 * 1024).fill(0x62);
    })();
    const streamed = await fetch(`${server.baseUrl}${courseList.url('big.csv')}`, {
      method: 'POST',
      headers: { cookie: admin.cookie!, 'x-csrf-token': admin.csrfToken!, 'content-type': 'application/octet-stream' },
      body: new ReadableStream({
        pull(controller) {
          const next = chunks.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
      }),
      duplex: 'half',
    } as RequestInit & { duplex: 'half' }).catch((error: unknown) => error);
    if (streamed instanceof Response) {
      expect(streamed.status).toBe(413);
      expect(((await streamed.json()) as ErrorBody).error.code).toBe('PAYLOAD_TOO_LARGE');
    }
    await expectNoUploadsLeft();
  });

  it('removes the file of an upload the client abandons mid-way, storing nothing', async () => {
    const before = await storedCounts(server);
    const postings = routes.find((route) => route.name === 'postings')!;
    const url = new URL(`${server.baseUrl}${postings.url('abandoned.csv')}`);
    await new Promise<void>((resolve) => {
      const request = httpRequest(url, {
        method: 'POST',
        headers: {
          cookie: admin.cookie!,
          'x-csrf-token': admin.csrfToken!,
          'content-type': 'application/octet-stream',
          'content-length': String(10 * 1024 * 1024),
        },
      });
      request.on('error', () => resolve());
      request.write(Buffer.alloc(1024 * 1024, 0x61), () => {
        // Wait until the server holds a partial file, then go away.
        const poll = setInterval(() => {
          if (server.uploads.pending > 0) {
            clearInterval(poll);
            request.destroy();
            resolve();
          }
        }, 10);
      });
    });
    await expectNoUploadsLeft();
    expect(await storedCounts(server)).toEqual(before);
  });

  it('answers 503 IMPORT_BUSY with a Retry-After when every import slot stays taken', async () => {
    let release = () => {};
    const held = server.uploads.slots.run(() => new Promise<void>((resolve) => (release = resolve)));
    try {
      const courseList = routes.find((route) => route.name === 'course list')!;
      const response = await uploadFile(server, admin, courseList.url('list.csv'), '课程代码,课程名称\n');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(((await response.json()) as ErrorBody).error.code).toBe('IMPORT_BUSY');
    } finally {
      release();
      await held;
    }
    await expectNoUploadsLeft();
  });

  it('sweeps upload folders a dead process left behind, and only old ones', async () => {
    const root = server.uploads.options.root;
    const old = join(root, 'upload-left-by-a-killed-server');
    const fresh = join(root, 'upload-of-another-process');
    const foreign = join(root, 'not-ours');
    for (const dir of [old, fresh, foreign]) {
      await mkdir(dir, { recursive: true });
      await writeFile(join(dir, 'body'), 'x');
    }
    const hoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(old, hoursAgo, hoursAgo);
    await utimes(foreign, hoursAgo, hoursAgo);
    expect(await server.uploads.sweep(3600_000)).toBe(1);
    expect((await leftoverUploads(server)).sort()).toEqual(['not-ours', 'upload-of-another-process']);
    await rm(fresh, { recursive: true });
    await rm(foreign, { recursive: true });
  });
});
