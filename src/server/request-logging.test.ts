import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFriendlyLogStream, formatLogRecord } from './friendly-log-stream.js';
import { startTestServer, type TestServer } from './test-server.js';

let webRoot: string;
const lines: string[] = [];
const capture = { write: (text: string) => void lines.push(...text.split('\n').filter((line) => line !== '')) };

beforeAll(() => {
  webRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-web-'));
  fs.mkdirSync(path.join(webRoot, 'assets'));
  fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>t</title>');
  fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
});
afterAll(() => {
  fs.rmSync(webRoot, { recursive: true, force: true });
});

async function requestAll(server: TestServer): Promise<void> {
  for (const url of ['/assets/app.js', '/', '/login', '/api/health', '/api/no-such-route']) {
    await (await fetch(`${server.baseUrl}${url}`)).text();
  }
}

describe('the server log at a terminal', () => {
  it('writes one readable line per API request at info, none per static file, no JSON', async () => {
    lines.length = 0;
    const server = await startTestServer({
      webRoot,
      logger: { level: 'info', stream: createFriendlyLogStream(capture) },
    });
    try {
      await requestAll(server);
    } finally {
      await server.close();
    }
    expect(lines.some((line) => /INFO {2}GET \/api\/health → 200 \(\d+ ms\)/.test(line))).toBe(true);
    expect(lines.some((line) => line.includes('GET /api/no-such-route → 404'))).toBe(true);
    expect(lines.filter((line) => line.includes('/assets/') || / GET \/(login)? → /.test(line))).toEqual([]);
    expect(lines.filter((line) => line.trimStart().startsWith('{'))).toEqual([]);
    expect(lines.filter((line) => line.includes('incoming request'))).toEqual([]);
  });

  it('shows static files at debug', async () => {
    lines.length = 0;
    const server = await startTestServer({
      webRoot,
      logger: { level: 'debug', stream: createFriendlyLogStream(capture) },
    });
    try {
      await requestAll(server);
    } finally {
      await server.close();
    }
    expect(lines.some((line) => /DEBUG GET \/assets\/app\.js → 200/.test(line))).toBe(true);
  });

  it('formats a record with its fields and an error with its stack', () => {
    const time = new Date(2026, 0, 1, 9, 5, 7).getTime();
    expect(formatLogRecord({ level: 30, time, msg: 'shutting down', signal: 'SIGINT' })).toBe(
      '09:05:07 INFO  shutting down signal=SIGINT',
    );
    const error = formatLogRecord({
      level: 50,
      time,
      msg: 'backup dump failed',
      err: { message: 'boom', stack: 'Error: boom\n    at x' },
    });
    expect(error).toBe('09:05:07 ERROR backup dump failed: boom\nError: boom\n    at x');
  });
});
